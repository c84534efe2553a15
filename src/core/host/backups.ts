import { lstat, mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";

// Where account-settings backups live: the extension's support folder in
// Raycast, the data folder for the CLI and Alfred.
//
// A backup's name carries a sequence number and the time it was taken:
// `MobileMeAccounts-000007-2026-11-21T10-00-00-000Z.plist`. The list is
// ordered by the sequence, never by the time, because the time comes from
// the Mac's clock and this tool exists for Macs whose clock is wrong (a
// backup taken a year ahead must not stay "newest" after Sync Clock).
//
// A backup is written under a hidden temporary name first and gets its real
// name only once it is verified, so an unverified file is never listed and
// never restorable. The temporary file is created exclusively (`wx`): two
// resets in the same millisecond get different sequence numbers.

export interface Backup {
  path: string;
  name: string;
  /** When it was taken, by the Mac's clock at the time (ISO); not what orders the list. */
  createdAt: string;
  /** Orders the list: higher is newer. 0 for backups from before sequence numbers. */
  sequence: number;
  bytes: number;
}

export interface BackupStore {
  readonly dir: string;
  /**
   * Reserves a temporary file for a backup taken at `now` (created exclusively, empty).
   * It is never listed: `commit` gives it its real name once verified, `discard` removes it.
   */
  newPath(now: Date): Promise<string>;
  /** Gives a verified temporary file its backup name; returns that name. */
  commit(tempPath: string): Promise<string>;
  /** Removes an unverified temporary file. */
  discard(tempPath: string): Promise<void>;
  /** Newest first (by sequence). Only verified backups, only regular files (no symlinks). */
  list(): Promise<Backup[]>;
  /** The backup with this exact name from the list, or why not. */
  find(name: string): Promise<{ ok: true; backup: Backup } | { ok: false; reason: string }>;
}

const PREFIX = "MobileMeAccounts-";
const SUFFIX = ".plist";
/** Temporary files: a leading dot keeps them out of the list and out of Finder. */
const TEMP_PREFIX = `.${PREFIX}`;
const TEMP_SUFFIX = ".partial";

const NAME = /^MobileMeAccounts-(?:(\d{6,})-)?(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.plist$/;
const TEMP = /^\.MobileMeAccounts-(\d{6,})-(.+)\.partial$/;

const stampOf = (now: Date) => {
  const ms = now.getTime();
  // A clock beyond what toISOString can print still gets a name.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000
    ? now.toISOString().replace(/[:.]/g, "-")
    : "0000-01-01T00-00-00-000Z";
};

export function createBackupStore(dir: string): BackupStore {
  async function names(): Promise<string[]> {
    try {
      return await readdir(dir);
    } catch {
      return [];
    }
  }
  const highestSequence = (all: string[]) =>
    all.reduce((max, n) => Math.max(max, Number((NAME.exec(n)?.[1] ?? TEMP.exec(n)?.[1]) || 0)), 0);

  async function list(): Promise<Backup[]> {
    const backups = await Promise.all(
      (await names()).map(async (name): Promise<Backup | undefined> => {
        const m = NAME.exec(name);
        if (!m) return undefined;
        const path = join(dir, name);
        // lstat: a symlink in the folder could point anywhere, so it is not a backup.
        const info = await lstat(path).catch(() => undefined);
        if (!info?.isFile()) return undefined;
        return {
          path,
          name,
          createdAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`,
          sequence: Number(m[1] ?? 0),
          bytes: info.size,
        };
      }),
    );
    return backups
      .filter((b): b is Backup => !!b)
      .sort((a, b) => b.sequence - a.sequence || b.createdAt.localeCompare(a.createdAt));
  }

  return {
    dir,
    async newPath(now) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const stamp = stampOf(now);
      for (let seq = highestSequence(await names()) + 1; ; seq++) {
        const path = join(dir, `${TEMP_PREFIX}${String(seq).padStart(6, "0")}-${stamp}${TEMP_SUFFIX}`);
        try {
          // Exclusive: whoever creates it owns this sequence number.
          await (await open(path, "wx", 0o600)).close();
          return path;
        } catch (error) {
          if ((error as NodeJS.ErrnoException)?.code !== "EEXIST") throw error;
        }
      }
    },
    async commit(tempPath) {
      const base = tempPath.slice(tempPath.lastIndexOf("/") + 1);
      const m = TEMP.exec(base);
      if (!m || join(dir, base) !== tempPath) throw new Error(`not a temporary backup in ${dir}: ${base}`);
      const name = `${PREFIX}${m[1]}-${m[2]}${SUFFIX}`;
      await rename(tempPath, join(dir, name));
      return name;
    },
    async discard(tempPath) {
      await unlink(tempPath).catch(() => undefined);
    },
    list,
    async find(name) {
      const known = await list();
      const names = known.map((b) => b.name);
      const which = names.length ? `; backups: ${names.join(", ")}` : "; there are no backups yet";
      if (!name || /[/\\]/.test(name) || name.includes("..") || !NAME.test(name))
        return { ok: false, reason: `"${name}" isn't a backup name${which}` };
      const backup = known.find((b) => b.name === name);
      return backup ? { ok: true, backup } : { ok: false, reason: `there is no backup named "${name}"${which}` };
    },
  };
}

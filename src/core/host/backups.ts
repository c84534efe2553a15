import { access, mkdir, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

// Where account-settings backups live: the extension's support folder in
// Raycast, the data folder for the CLI and Alfred. File names carry the
// time, so a list sorts itself and a person can tell them apart.

export interface Backup {
  path: string;
  name: string;
  createdAt: string; // ISO
  bytes: number;
}

export interface BackupStore {
  readonly dir: string;
  /** A new, unused path for a backup taken at `now`. */
  newPath(now: Date): Promise<string>;
  /** Newest first. */
  list(): Promise<Backup[]>;
}

const PREFIX = "MobileMeAccounts-";
const SUFFIX = ".plist";

export function createBackupStore(dir: string): BackupStore {
  return {
    dir,
    async newPath(now) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Never reuse a name: two backups in the same millisecond get the next one.
      for (let ms = now.getTime(); ; ms++) {
        const stamp = new Date(ms).toISOString().replace(/[:.]/g, "-");
        const path = join(dir, `${PREFIX}${stamp}${SUFFIX}`);
        if (!(await exists(path))) return path;
      }
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const backups = await Promise.all(
        names
          .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX))
          .map(async (name) => {
            const path = join(dir, name);
            const info = await stat(path).catch(() => undefined);
            return info?.isFile()
              ? { path, name, createdAt: stampToIso(name) ?? info.mtime.toISOString(), bytes: info.size }
              : undefined;
          }),
      );
      return backups.filter((b): b is Backup => !!b).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}

/** MobileMeAccounts-2026-11-21T10-00-00-000Z.plist → 2026-11-21T10:00:00.000Z */
function stampToIso(name: string): string | undefined {
  const m = /^MobileMeAccounts-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.plist$/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : undefined;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

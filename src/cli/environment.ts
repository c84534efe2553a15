import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { KeyValueStorage } from "../core/history";

// Where the CLI (and the Alfred workflow, which runs it) keeps its fix
// history: Alfred's workflow data folder when Alfred runs us, else the
// user's Application Support folder (XDG data home off macOS).

export function dataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.APPLE_ID_DOCTOR_DATA) return env.APPLE_ID_DOCTOR_DATA;
  if (env.alfred_workflow_data) return env.alfred_workflow_data;
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "apple-id-doctor");
  return join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "apple-id-doctor");
}

export interface JsonFileOptions {
  /** A damaged file was moved aside to `keptAs` (never overwritten): say so. */
  onCorrupt?: (keptAs: string) => void;
  /** A lock older than this is a crashed writer's: taken over. */
  staleLockMs?: number;
}

/**
 * A JSON file as key-value storage, shared by every CLI and Alfred process on the Mac. Writes are
 * atomic (a temporary file renamed over the old one) and serialized by a lock file, so concurrent
 * fixes never lose each other's records. A damaged file is moved aside under a new name and
 * reported, never overwritten; reads of a damaged file see it as empty rather than failing the run.
 */
export function jsonFileStorage(file: string, options: JsonFileOptions = {}): KeyValueStorage {
  const staleMs = options.staleLockMs ?? 10_000;
  const read = async (): Promise<{ doc: Record<string, string>; corrupt: boolean }> => {
    let raw: string;
    try {
      raw = await readFile(file, "utf8");
    } catch {
      return { doc: {}, corrupt: false };
    }
    try {
      const doc: unknown = JSON.parse(raw);
      if (doc && typeof doc === "object" && !Array.isArray(doc))
        return { doc: doc as Record<string, string>, corrupt: false };
    } catch {
      // falls through: damaged
    }
    return { doc: {}, corrupt: raw.trim() !== "" };
  };
  const write = async (doc: Record<string, string>) => {
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(doc, null, 2) + "\n", { mode: 0o600, flag: "wx" });
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  };
  const change = async (key: string, next: (old: string | undefined) => string) => {
    await mkdir(dirname(file), { recursive: true });
    await withLock(`${file}.lock`, staleMs, async () => {
      const { doc, corrupt } = await read();
      if (corrupt) {
        const keptAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
        await rename(file, keptAs);
        options.onCorrupt?.(keptAs);
      }
      const old = doc[key];
      doc[key] = next(typeof old === "string" ? old : undefined);
      await write(doc);
    });
  };
  return {
    async getItem(key) {
      const value = (await read()).doc[key];
      return typeof value === "string" ? value : undefined;
    },
    setItem: (key, value) => change(key, () => value),
    update: change,
  };
}

/** Runs `task` holding an exclusive lock file; a lock older than `staleMs` (a crashed writer) is taken over. */
async function withLock<T>(lock: string, staleMs: number, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== "EEXIST") throw error;
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      // Stale, or waited longer than any writer takes: a crashed process left it.
      if (since > staleMs || Date.now() - started > staleMs) await unlink(lock).catch(() => undefined);
      else await sleep(5 + Math.min(attempt, 10) * 5 * Math.random());
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

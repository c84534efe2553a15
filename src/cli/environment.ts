import { mkdir, readFile, writeFile } from "node:fs/promises";
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

/** A JSON file as key-value storage; a corrupt file reads as empty rather than failing the run. */
export function jsonFileStorage(file: string): KeyValueStorage {
  const load = async (): Promise<Record<string, string>> => {
    try {
      const doc: unknown = JSON.parse(await readFile(file, "utf8"));
      return doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    async getItem(key) {
      const value = (await load())[key];
      return typeof value === "string" ? value : undefined;
    },
    async setItem(key, value) {
      const doc = await load();
      doc[key] = value;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(doc, null, 2) + "\n", { mode: 0o600 });
    },
  };
}

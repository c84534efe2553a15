import { FIX_IDS } from "./ids";
import { cleanLine } from "./sanitize";
import type { FixRecord } from "./types";

// The fixes already tried, with times: support asks for them first. Stored
// behind a tiny key-value interface so Raycast's LocalStorage and a JSON
// file serve the same code.

export interface KeyValueStorage {
  getItem(key: string): Promise<string | undefined>;
  setItem(key: string, value: string): Promise<void>;
  /**
   * Read-modify-write as one step, where the storage is shared between processes (the CLI's JSON
   * file): without it, concurrent adds each read the same old list and all but one are lost.
   */
  update?(key: string, change: (old: string | undefined) => string): Promise<void>;
}

const KEY = "fix-history";
/** Enough for a support conversation; older entries are dropped. */
const MAX_RECORDS = 100;

export class FixHistory {
  constructor(private readonly storage: KeyValueStorage) {}

  async list(): Promise<FixRecord[]> {
    try {
      return parseRecords(await this.storage.getItem(KEY));
    } catch {
      return []; // a corrupt history must never break a diagnosis
    }
  }

  async add(record: FixRecord): Promise<void> {
    const append = (raw: string | undefined) => JSON.stringify([...parseRecords(raw), record].slice(-MAX_RECORDS));
    if (this.storage.update) return this.storage.update(KEY, append);
    await this.storage.setItem(KEY, append(await this.storage.getItem(KEY)));
  }
}

function parseRecords(raw: string | undefined): FixRecord[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    // The file is outside text too (anyone can edit it): messages are cleaned as they are read.
    return Array.isArray(parsed)
      ? parsed.filter(isRecord).map((r) => (r.message === undefined ? r : { ...r, message: cleanLine(r.message) }))
      : [];
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is FixRecord {
  if (!value || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.fix === "string" &&
    (FIX_IDS as readonly string[]).includes(r.fix) &&
    typeof r.at === "string" &&
    ["done", "cancelled", "failed"].includes(r.outcome as string)
  );
}

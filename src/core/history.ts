import { FIX_IDS } from "./ids";
import type { FixRecord } from "./types";

// The fixes already tried, with times: support asks for them first. Stored
// behind a tiny key-value interface so Raycast's LocalStorage and a JSON
// file serve the same code.

export interface KeyValueStorage {
  getItem(key: string): Promise<string | undefined>;
  setItem(key: string, value: string): Promise<void>;
}

const KEY = "fix-history";
/** Enough for a support conversation; older entries are dropped. */
const MAX_RECORDS = 100;

export class FixHistory {
  constructor(private readonly storage: KeyValueStorage) {}

  async list(): Promise<FixRecord[]> {
    try {
      const raw = await this.storage.getItem(KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
    } catch {
      return []; // a corrupt history must never break a diagnosis
    }
  }

  async add(record: FixRecord): Promise<void> {
    const records = [...(await this.list()), record].slice(-MAX_RECORDS);
    await this.storage.setItem(KEY, JSON.stringify(records));
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

import type { FixId } from "../ids";
import { resetAccountCacheFix, restoreAccountCacheFix } from "./account-cache";
import { flushDnsFix } from "./flush-dns";
import { openFixes } from "./open-settings";
import { restartIcloudDaemonsFix } from "./restart-icloud-daemons";
import { syncClockFix } from "./sync-clock";
import type { Fix } from "./types";

export type { Fix, FixContext, FixResult } from "./types";

/** Every fix that works today; the CLI's `fix <id>` and the UI's actions come from here. */
export const FIXES: readonly Fix[] = [
  flushDnsFix,
  syncClockFix,
  restartIcloudDaemonsFix,
  resetAccountCacheFix,
  restoreAccountCacheFix,
  ...openFixes,
];

export function fixById(id: string): Fix | undefined {
  return FIXES.find((f) => f.id === id);
}

export function isAvailableFix(id: string): id is FixId {
  return FIXES.some((f) => f.id === id);
}

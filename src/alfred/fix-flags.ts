import type { FixId } from "../core/ids";

// What the rows need to know about each fix that runs through the core
// (the open-* fixes open a URL instead), without loading the fixes
// themselves: a keystroke's frame would otherwise parse date-fns and a
// plist parser it never runs. test/alfred/script-filter.test.ts holds this
// table equal to src/core/fixes.

export interface FixFlags {
  destructive: boolean;
  needsAdmin: boolean;
}

export const FIX_FLAGS: Partial<Record<FixId, FixFlags>> = {
  "flush-dns": { destructive: false, needsAdmin: true },
  "sync-clock": { destructive: false, needsAdmin: true },
  "restart-icloud-daemons": { destructive: false, needsAdmin: false },
  "reset-account-cache": { destructive: true, needsAdmin: false },
  "restore-account-cache": { destructive: false, needsAdmin: false },
};

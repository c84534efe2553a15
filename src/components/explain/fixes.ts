import { FIXES } from "../../core/fixes";
import { RESET_EXPLANATION } from "../../core/fixes/account-cache";
import type { BackupStore } from "../../core/host/backups";
import type { FixId } from "../../core/ids";

/** Only Reset Account Cache asks first: the confirmation says what it does and doesn't do. */
export const confirmMessage = (fix: FixId) => (fix === "reset-account-cache" ? RESET_EXPLANATION : undefined);

/** Fixes this view can run itself: restoring needs a chosen backup, so Clear iCloud Tokens does that. */
export function runnableFixes(backups: BackupStore | undefined): FixId[] {
  return FIXES.map((f) => f.id).filter(
    (id) => id !== "restore-account-cache" && (id !== "reset-account-cache" || backups !== undefined),
  );
}

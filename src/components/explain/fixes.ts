import { useMemo } from "react";
import { FIXES } from "../../core/fixes";
import { RESET_EXPLANATION } from "../../core/fixes/account-cache";
import type { KeyValueStorage } from "../../core/history";
import type { BackupStore } from "../../core/host/backups";
import type { Host } from "../../core/host/types";
import type { FixId } from "../../core/ids";
import { CHECKLIST_PROBES } from "../../core/probes";
import type { Targets } from "../../core/targets";
import { useFix } from "../use-fix";

/** Only Reset Account Cache asks first: the confirmation says what it does and doesn't do. */
export const confirmMessage = (fix: FixId) => (fix === "reset-account-cache" ? RESET_EXPLANATION : undefined);

/** Fixes this view can run itself: restoring needs a chosen backup, so Clear iCloud Tokens does that. */
export function runnableFixes(backups: BackupStore | undefined): FixId[] {
  return FIXES.map((f) => f.id).filter(
    (id) => id !== "restore-account-cache" && (id !== "reset-account-cache" || backups !== undefined),
  );
}

/** What both Explain Error views need to run an entry's fixes. */
export interface ExplainFixProps {
  host: Host;
  storage: KeyValueStorage;
  targets?: Targets;
  backups?: BackupStore;
  macosMajor?: number;
}

/** Explain Error's fixes, the same in the entry list and in Run Related Checks: every fix, re-checked by the whole checklist. */
export function useExplainFix(props: ExplainFixProps) {
  const fix = useFix({
    host: props.host,
    storage: props.storage,
    targets: props.targets,
    fixes: FIXES,
    probes: CHECKLIST_PROBES,
    backups: props.backups,
    macosMajor: props.macosMajor,
    confirmMessage,
  });
  const runnable = useMemo(() => runnableFixes(props.backups), [props.backups]);
  return { ...fix, runnable };
}

import { Alert, Toast, confirmAlert, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useRef, useState } from "react";
import { applyFix, type AppliedFix } from "../core/fixes/apply";
import type { Fix } from "../core/fixes/types";
import { FixHistory, type KeyValueStorage } from "../core/history";
import type { BackupStore } from "../core/host/backups";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import { touchIdEnabled } from "../core/privileged";
import type { Probe } from "../core/probes/types";
import type { FixId } from "../core/ids";
import type { Targets } from "../core/targets";
import type { Finding } from "../core/types";

export interface UseFixOptions {
  host: Host;
  /** The fixes this view can run: passed in, so each command bundles only its own. */
  fixes: readonly Fix[];
  /** The probes a fix re-runs to show before → after. */
  probes: readonly Probe[];
  storage: KeyValueStorage;
  targets?: Targets;
  binaries?: BinaryTable;
  macosMajor?: number;
  /** Where account-settings backups go (reset-account-cache needs it). */
  backups?: BackupStore;
  /** What a destructive fix's confirmation says it does (and doesn't). */
  confirmMessage?: (fix: FixId) => string | undefined;
}

/** Per-run inputs for one fix: restore-account-cache's chosen backup; the password prompt after Touch ID wasn't available. */
export interface RunExtra {
  backupName?: string;
  adminPrompt?: "password";
}

/**
 * Runs fixes the way every command does: confirm the destructive ones, an
 * animated toast while macOS asks for a password, a quiet "Cancelled" when
 * the user says no, a failure toast with the reason, and the fix history.
 * Resolves with before → after so the view can show what changed.
 */
export function useFix(options: UseFixOptions) {
  const [running, setRunning] = useState<FixId>();
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(async (id: FixId, before?: Finding[], extra?: RunExtra): Promise<AppliedFix | undefined> => {
    const { host, storage, targets, binaries, macosMajor, backups, confirmMessage, fixes, probes } = latest.current;
    const fix = fixes.find((f) => f.id === id);
    if (!fix) {
      await showFailureToast(new Error(`${id} isn't available yet`), { title: "Can't Run This Fix" });
      return undefined;
    }
    if (fix.destructive) {
      const confirmed = await confirmAlert({
        title: `${fix.title}?`,
        message: confirmMessage?.(id),
        primaryAction: { title: fix.title, style: Alert.ActionStyle.Destructive },
      });
      if (!confirmed) return undefined;
    }
    setRunning(id);
    // Name Touch ID only where sudo is set up for it: the password sheet hasn't offered it since macOS 14.
    const touchId = fix.needsAdmin && extra?.adminPrompt !== "password" && (await touchIdEnabled(host));
    const toast = await showToast({
      style: Toast.Style.Animated,
      title: `${fix.title}…`,
      message: fix.needsAdmin
        ? touchId
          ? "Touch ID may be asked for"
          : "macOS will ask for your password"
        : undefined,
    });
    try {
      const applied = await applyFix(fix, host, {
        history: new FixHistory(storage),
        probes,
        before,
        targets,
        binaries,
        macosMajor,
        backups,
        backupName: extra?.backupName,
        adminPrompt: extra?.adminPrompt,
      });
      if (applied.result.outcome === "done") {
        toast.style = Toast.Style.Success;
        toast.title = applied.result.message;
        toast.message = changeSummary(applied);
      } else if (applied.result.outcome === "cancelled") {
        // Saying no to a password prompt is a choice, not an error.
        toast.style = Toast.Style.Success;
        toast.title = "Cancelled";
        toast.message = "Nothing was changed";
      } else if (applied.result.retryWithPassword) {
        // Touch ID couldn't be used: not a cancel. The password prompt is the next step, one keystroke
        // away; the caller gets that attempt's result, so its before → after shows as usual.
        await toast.hide();
        setRunning(undefined);
        return await new Promise<AppliedFix | undefined>((resolve) => {
          void showFailureToast(new Error(applied.result.message), {
            title: "Touch ID Wasn't Available",
            primaryAction: {
              title: "Use Password Instead",
              onAction: () => resolve(run(id, before, { ...extra, adminPrompt: "password" })),
            },
          });
        });
      } else {
        await toast.hide();
        await showFailureToast(new Error(applied.result.message), {
          title: `Couldn't ${fix.title}`,
        });
      }
      return applied;
    } catch (error) {
      await toast.hide();
      await showFailureToast(error, { title: `Couldn't ${fix.title}` });
      return undefined;
    } finally {
      setRunning(undefined);
    }
  }, []);

  return { run, running };
}

/** "DNS: Failed → Passed" for the probes the fix re-checked. */
export function changeSummary(applied: AppliedFix): string | undefined {
  const words = { pass: "Passed", warn: "Warning", fail: "Failed", skip: "Skipped", error: "Error" } as const;
  const parts = applied.before.map((b) => {
    const a = applied.after.find((f) => f.probe === b.probe);
    return a ? `${b.title}: ${words[b.status]} → ${words[a.status]}` : undefined;
  });
  return parts.filter(Boolean).join(", ") || undefined;
}

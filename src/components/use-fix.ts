import { Alert, PopToRootType, Toast, confirmAlert, showHUD, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import { clockTime } from "./status-summary";
import { applyFix, type AppliedFix } from "../core/fixes/apply";
import type { Fix } from "../core/fixes/types";
import { FixHistory, type KeyValueStorage } from "../core/history";
import type { BackupStore } from "../core/host/backups";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import type { Probe } from "../core/probes/types";
import type { FixId } from "../core/ids";
import { touchIdEnabled } from "../core/privileged";
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

/** Where the outcome of the last admin fix waits for the command's next launch. */
export const LAST_ADMIN_FIX_KEY = "last-admin-fix";
/** Older than this, a persisted outcome is history, not news. */
const LAST_ADMIN_FIX_FRESH_MS = 15 * 60_000;

interface LastAdminFix {
  fix: FixId;
  at: string;
  outcome: "done" | "cancelled" | "failed";
  title: string;
  message?: string;
}

/**
 * Runs fixes the way every command does: confirm the destructive ones, a
 * quiet "Canceled" when the user says no, the reason when it fails, and the
 * fix history. Resolves with before → after so the view can show what changed.
 *
 * A fix that needs admin rights gets different feedback: the password or
 * Touch ID sheet takes focus and closes Raycast's window, so a toast would
 * change in a hidden window. It closes the window itself first, suspended so
 * Raycast keeps this view (with its after rows) for when it is opened again,
 * reports the outcome as a HUD, and persists it for the command's next launch.
 */
export function useFix(options: UseFixOptions) {
  const [running, setRunning] = useState<FixId>();
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const { storage, fixes, host } = latest.current;
    void showLastAdminFix(storage, fixes, host.now());
  }, []);

  const run = useCallback(async function go(
    id: FixId,
    before?: Finding[],
    extra?: RunExtra,
  ): Promise<AppliedFix | undefined> {
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
    const feedback = fix.needsAdmin ? await adminFeedback(fix, storage, host, extra) : await toastFeedback(fix);
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
      // Touch ID couldn't be shown (lid closed, Screen Sharing): not a cancel. The window is
      // already closed, so the password sheet is the next step; the user can still cancel it.
      if (applied.result.retryWithPassword && extra?.adminPrompt !== "password")
        return await go(id, before, { ...extra, adminPrompt: "password" });
      await feedback.outcome(applied);
      return applied;
    } catch (error) {
      await feedback.crashed(error);
      return undefined;
    } finally {
      setRunning(undefined);
    }
  }, []);

  return { run, running };
}

interface Feedback {
  outcome(applied: AppliedFix): Promise<void>;
  crashed(error: unknown): Promise<void>;
}

/** The window stays open: one animated toast that turns into the outcome. */
async function toastFeedback(fix: Fix): Promise<Feedback> {
  const toast = await showToast({ style: Toast.Style.Animated, title: `${fix.title}…` });
  return {
    async outcome(applied) {
      const { outcome, message } = applied.result;
      if (outcome === "failed") {
        await toast.hide();
        await showFailureToast(new Error(message), { title: `Couldn't ${fix.title}` });
        return;
      }
      // Saying no to a prompt is a choice, not an error.
      toast.style = Toast.Style.Success;
      toast.title = outcome === "done" ? message : "Canceled";
      toast.message = outcome === "done" ? changeSummary(applied) : "Nothing was changed";
    },
    async crashed(error) {
      await toast.hide();
      await showFailureToast(error, { title: `Couldn't ${fix.title}` });
    },
  };
}

/** The admin sheet will close the window: close it first (suspended) and speak in HUDs. */
async function adminFeedback(fix: Fix, storage: KeyValueStorage, host: Host, extra?: RunExtra): Promise<Feedback> {
  // Name Touch ID only where sudo is set up for it: the password sheet hasn't offered it since macOS 14.
  const retry = extra?.adminPrompt === "password";
  const touchId = !retry && (await touchIdEnabled(host));
  const asks = retry
    ? `Touch ID wasn't available, so macOS will ask for your password to ${fix.title}`
    : `${fix.title}: ${touchId ? "Touch ID or your password may be asked for" : "macOS will ask for your password"}`;
  await showHUD(asks, { popToRootType: PopToRootType.Suspended });
  const finish = async (last: Omit<LastAdminFix, "fix" | "at">) => {
    await showHUD(last.message ? `${last.title}: ${last.message}` : last.title, {
      popToRootType: PopToRootType.Suspended,
    });
    const record: LastAdminFix = { fix: fix.id, at: host.now().toISOString(), ...last };
    await storage.setItem(LAST_ADMIN_FIX_KEY, JSON.stringify(record)).catch(() => undefined);
  };
  return {
    async outcome(applied) {
      const { outcome, message } = applied.result;
      if (outcome === "done") await finish({ outcome, title: message, message: changeSummary(applied) });
      else if (outcome === "cancelled") await finish({ outcome, title: "Canceled", message: "Nothing was changed" });
      else await finish({ outcome, title: `Couldn't ${fix.title}`, message });
    },
    async crashed(error) {
      const message = error instanceof Error ? error.message : String(error);
      await finish({ outcome: "failed", title: `Couldn't ${fix.title}`, message });
    },
  };
}

/**
 * On a fresh launch, the outcome of an admin fix this command ran in the last
 * minutes (its HUD may have gone by unseen), shown once.
 */
async function showLastAdminFix(storage: KeyValueStorage, fixes: readonly Fix[], now: Date): Promise<void> {
  let last: LastAdminFix | undefined;
  try {
    const raw = await storage.getItem(LAST_ADMIN_FIX_KEY);
    last = raw ? (JSON.parse(raw) as LastAdminFix) : undefined;
  } catch {
    return; // unreadable: nothing worth showing
  }
  if (!last || typeof last.title !== "string" || !fixes.some((fix) => fix.id === last.fix)) return;
  await storage.setItem(LAST_ADMIN_FIX_KEY, "");
  // Either way round: Sync Clock itself may have moved the clock back since.
  const age = Math.abs(now.getTime() - Date.parse(last.at));
  if (!(age <= LAST_ADMIN_FIX_FRESH_MS)) return;
  const message = [last.message, `at ${clockTime(last.at)}`].filter(Boolean).join(" · ");
  if (last.outcome === "failed") await showFailureToast(new Error(message), { title: last.title });
  else await showToast({ style: Toast.Style.Success, title: last.title, message });
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

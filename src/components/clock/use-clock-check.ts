import { showFailureToast } from "@raycast/utils";
import { diagnose } from "../../core/diagnose";
import type { BinaryTable } from "../../core/host/binaries";
import type { Host } from "../../core/host/types";
import { clockProbe } from "../../core/probes/clock";
import { macosProbe } from "../../core/probes/macos";
import { timeSettingsProbe } from "../../core/probes/time-settings";
import { tlsInspectionProbe } from "../../core/probes/tls-inspection";
import type { Probe } from "../../core/probes/types";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import type { Finding } from "../../core/types";
import { useStreamedRun } from "../use-streamed-run";

// The clock on its own: the measurement against the time servers, the
// settings that keep it right, and the certificates as a cross-check
// (a clock a year off makes every certificate look expired). macOS is read
// only for the Date & Time pane's URL, which changed in macOS 13.
export const CLOCK_PROBES: readonly Probe[] = [clockProbe, timeSettingsProbe, tlsInspectionProbe, macosProbe];

export interface ClockCheckOptions {
  host: Host;
  targets?: Targets;
  binaries?: BinaryTable;
  deadlineMs?: number;
}

/**
 * The clock's probes on usePromise (useStreamedRun): each row fills in as its
 * probe settles, the causes come when all have. A new check empties the rows
 * and abandons the one in flight; closing the command cancels it.
 */
export function useClockCheck(options: ClockCheckOptions) {
  const { host, targets, binaries, deadlineMs } = options;
  const {
    findings,
    data: causes,
    crash,
    running,
    revalidate: check,
  } = useStreamedRun(
    async ({ signal, onFinding }) =>
      diagnose(await runChecklist(CLOCK_PROBES, host, { deadlineMs, targets, binaries, signal, onFinding })),
    (error) => showFailureToast(error, { title: "Couldn't Check Clock" }),
  );

  const clock = findings.get("clock") ?? (crash ? notFinished(clockProbe, crash) : undefined);
  const settings = findings.get("time-settings") ?? (crash ? notFinished(timeSettingsProbe, crash) : undefined);
  return { findings, causes, running, crash, clock, settings, check };
}

function notFinished(probe: Probe, reason: string): Finding {
  return {
    probe: probe.id,
    title: probe.title,
    status: "error",
    summary: `Not checked: the check stopped (${reason})`,
    details: [],
    fixes: [],
    durationMs: 0,
  };
}

import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import { diagnose } from "../../core/diagnose";
import type { BinaryTable } from "../../core/host/binaries";
import type { Host } from "../../core/host/types";
import type { ProbeId } from "../../core/ids";
import { clockProbe } from "../../core/probes/clock";
import { macosProbe } from "../../core/probes/macos";
import { timeSettingsProbe } from "../../core/probes/time-settings";
import { tlsInspectionProbe } from "../../core/probes/tls-inspection";
import type { Probe } from "../../core/probes/types";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import type { Cause, Finding } from "../../core/types";
import { useLatestRun } from "../use-latest-run";

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
 * The clock's probes, streamed: each row fills in as its probe settles, so
 * this is a hook of its own rather than usePromise (which has one answer).
 * A new check empties the rows and abandons the one in flight; closing the
 * command cancels it (useLatestRun).
 */
export function useClockCheck(options: ClockCheckOptions) {
  const [findings, setFindings] = useState<ReadonlyMap<ProbeId, Finding>>(new Map());
  const [causes, setCauses] = useState<Cause[]>();
  const [running, setRunning] = useState(true);
  /** Set when the check itself broke: rows still pending can never fill. */
  const [crash, setCrash] = useState<string>();
  const startRun = useLatestRun();
  const latest = useRef(options);
  latest.current = options;

  const check = useCallback(async () => {
    const { host, targets, binaries, deadlineMs } = latest.current;
    // A new check abandons the one in flight: its late findings must not land.
    const { signal, isCurrent: current } = startRun();
    setFindings(new Map());
    setCauses(undefined);
    setCrash(undefined);
    setRunning(true);
    try {
      const results = await runChecklist(CLOCK_PROBES, host, {
        deadlineMs,
        targets,
        binaries,
        signal,
        onFinding: (finding) => {
          if (current()) setFindings((previous) => new Map(previous).set(finding.probe, finding));
        },
      });
      if (current()) setCauses(diagnose(results));
    } catch (error) {
      if (!current()) return;
      setCrash(error instanceof Error ? error.message : String(error));
      await showFailureToast(error, { title: "Couldn't Check Clock" });
    } finally {
      if (current()) setRunning(false);
    }
  }, [startRun]);

  useEffect(() => void check(), [check]);

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

import { Toast, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import { diagnose } from "../../core/diagnose";
import type { Host } from "../../core/host/types";
import type { Probe } from "../../core/probes";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import type { Cause, Finding } from "../../core/types";
import { checksTitle } from "../checklist-view";
import { useLatestRun } from "../use-latest-run";

/**
 * One entry's checks, streamed: rows fill in as probes settle, then the
 * causes they point to. A re-run empties the rows and abandons the one in
 * flight; leaving the view cancels it (useLatestRun).
 */
export function useRelatedChecks(
  probes: readonly Probe[],
  options: { host: Host; targets?: Targets; deadlineMs?: number },
) {
  const [findings, setFindings] = useState<ReadonlyMap<string, Finding>>(new Map());
  const [causes, setCauses] = useState<Cause[]>();
  const [running, setRunning] = useState(true);
  const startRun = useLatestRun();
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(async () => {
    const { host, targets, deadlineMs } = latest.current;
    const ticket = startRun();
    setFindings(new Map());
    setCauses(undefined);
    setRunning(true);
    const toast = await showToast({
      style: Toast.Style.Animated,
      title: `Running ${probes.length} ${probes.length === 1 ? "check" : "checks"}…`,
    });
    try {
      const results = await runChecklist(probes, host, {
        deadlineMs,
        targets,
        signal: ticket.signal,
        onFinding: (finding) => {
          if (ticket.isCurrent()) setFindings((previous) => new Map(previous).set(finding.probe, finding));
        },
      });
      if (!ticket.isCurrent()) return;
      setCauses(diagnose(results).filter((c) => c.cause !== "none"));
      toast.style = Toast.Style.Success;
      toast.title = checksTitle(results);
    } catch (error) {
      if (!ticket.isCurrent()) return;
      await toast.hide();
      await showFailureToast(error, { title: "Could Not Run Checks" });
    } finally {
      if (ticket.isCurrent()) setRunning(false);
    }
  }, [probes, startRun]);

  useEffect(() => {
    void run();
  }, [run]);

  return { findings, causes, running, run };
}

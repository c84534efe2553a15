import { Toast, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import { diagnose } from "../../core/diagnose";
import { FixHistory } from "../../core/history";
import type { ReportInput } from "../../core/report";
import { runChecklist } from "../../core/run";
import type { Cause, Finding } from "../../core/types";
import { APP_VERSION } from "../../core/version";
import { causeTitle } from "../cause-item";
import type { ChecklistViewProps } from "../checklist-view";
import { useLatestRun } from "../use-latest-run";

export interface Outcome {
  report: ReportInput;
  causes: Cause[];
}

/**
 * Every probe at once, streamed: rows fill in as probes settle, then the
 * diagnosis and the report. A re-run empties the rows and abandons the run in
 * flight (its late findings never land); closing the command cancels it.
 * `run` reads the latest props through a ref, so a parent passing inline
 * objects re-renders the view without restarting the checklist.
 */
export function useChecklistRun(props: ChecklistViewProps) {
  const [findings, setFindings] = useState<ReadonlyMap<string, Finding>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>();
  const [running, setRunning] = useState(true);
  /** Set when the run itself broke (not a probe): rows still pending can never fill. */
  const [crash, setCrash] = useState<string>();
  const startRun = useLatestRun();
  const latest = useRef(props);
  latest.current = props;

  const run = useCallback(async () => {
    const { host, probes, storage, now, deadlineMs, reportContext, targets } = latest.current;
    // A re-run abandons the run in flight: its late findings must not land in the new one.
    const { signal, isCurrent: current } = startRun();
    setFindings(new Map());
    setOutcome(undefined);
    setCrash(undefined);
    setRunning(true);

    const toast = await showToast({ style: Toast.Style.Animated, title: "Running checklist…" });
    try {
      const clock = now ?? (() => host.now());
      const startedAt = clock();
      const results = await runChecklist(probes, host, {
        deadlineMs,
        targets,
        signal,
        onFinding: (finding) => {
          if (current()) setFindings((previous) => new Map(previous).set(finding.probe, finding));
        },
      });
      if (!current()) return;
      const causes = diagnose(results);
      const history = await new FixHistory(storage).list();
      const durationMs = Math.max(0, clock().getTime() - startedAt.getTime());
      if (!current()) return;
      setOutcome({
        causes,
        report: {
          findings: results,
          causes,
          history,
          startedAt,
          durationMs,
          platform: host.platform,
          appVersion: APP_VERSION,
          context: reportContext,
        },
      });
      toast.style = Toast.Style.Success;
      toast.title = checksTitle(results);
      toast.message = toastMessage(causes[0]);
    } catch (error) {
      if (!current()) return;
      setCrash(error instanceof Error ? error.message : String(error));
      await showFailureToast(error, { title: "Couldn't Run Checklist" });
    } finally {
      if (current()) setRunning(false);
    }
  }, [startRun]);

  useEffect(() => void run(), [run]);
  return { findings, outcome, running, crash, run };
}

/** "10 checks, 2 problems": failures and warnings are problems; errors are checks that could not tell. */
export function checksTitle(findings: readonly Finding[]): string {
  const problems = findings.filter((f) => f.status === "fail" || f.status === "warn").length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(findings.length, "check")}, ${plural(problems, "problem")}`;
}

function toastMessage(top: Cause | undefined): string | undefined {
  if (!top) return undefined;
  return top.cause === "none" ? causeTitle(top) : `Most likely: ${causeTitle(top)}`;
}

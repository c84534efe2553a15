import { Toast, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { diagnose } from "../../core/diagnose";
import { FixHistory } from "../../core/history";
import type { ReportInput } from "../../core/report";
import { runChecklist } from "../../core/run";
import type { Cause, Finding } from "../../core/types";
import { APP_VERSION } from "../../core/version";
import { causeTitle } from "../cause-item";
import type { ChecklistViewProps } from "../checklist-view";
import { useStreamedRun } from "../use-streamed-run";

export interface Outcome {
  report: ReportInput;
  causes: Cause[];
}

/**
 * Every probe at once on usePromise (useStreamedRun): rows fill in as probes
 * settle, then the diagnosis and the report. A re-run empties the rows and
 * abandons the run in flight (its late findings never land); closing the
 * command cancels it. usePromise runs the latest function, so a parent
 * passing inline objects re-renders the view without restarting the checklist.
 */
export function useChecklistRun(props: ChecklistViewProps) {
  const { host, probes, storage, now, deadlineMs, reportContext, targets } = props;
  const {
    findings,
    data: outcome,
    crash,
    running,
    revalidate: run,
  } = useStreamedRun(
    async ({ signal, onFinding }): Promise<Outcome> => {
      const toast = await showToast({ style: Toast.Style.Animated, title: "Running checklist…" });
      const clock = now ?? (() => host.now());
      const startedAt = clock();
      const results = await runChecklist(probes, host, { deadlineMs, targets, signal, onFinding });
      const causes = diagnose(results);
      const history = await new FixHistory(storage).list();
      const durationMs = Math.max(0, clock().getTime() - startedAt.getTime());
      // A newer run took over: its toast is the one on screen.
      if (!signal.aborted) {
        toast.style = Toast.Style.Success;
        toast.title = checksTitle(results);
        toast.message = toastMessage(causes[0]);
      }
      return {
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
      };
    },
    (error) => showFailureToast(error, { title: "Couldn't Run Checklist" }),
  );
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

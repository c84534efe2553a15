import { Toast, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useRef } from "react";
import { diagnose } from "../../core/diagnose";
import type { Host } from "../../core/host/types";
import type { Probe } from "../../core/probes";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import { checksTitle } from "../checklist-view";
import { useStreamedRun } from "../use-streamed-run";

/**
 * One entry's checks on usePromise (useStreamedRun): rows fill in as probes
 * settle, then the causes they point to. A re-run empties the rows and
 * abandons the one in flight; leaving the view cancels it.
 */
export function useRelatedChecks(
  probes: readonly Probe[],
  options: { host: Host; targets?: Targets; deadlineMs?: number },
) {
  const { host, targets, deadlineMs } = options;
  const toast = useRef<Toast>(undefined);
  const {
    findings,
    data: causes,
    running,
    revalidate: run,
  } = useStreamedRun(
    async ({ signal, onFinding }) => {
      toast.current = await showToast({
        style: Toast.Style.Animated,
        title: `Running ${probes.length} ${probes.length === 1 ? "check" : "checks"}…`,
      });
      const results = await runChecklist(probes, host, { deadlineMs, targets, signal, onFinding });
      if (!signal.aborted) {
        toast.current.style = Toast.Style.Success;
        toast.current.title = checksTitle(results);
      }
      return diagnose(results).filter((c) => c.cause !== "none");
    },
    async (error) => {
      await toast.current?.hide();
      await showFailureToast(error, { title: "Could Not Run Checks" });
    },
  );
  return { findings, causes, running, run };
}

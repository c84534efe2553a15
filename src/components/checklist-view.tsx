import { ActionPanel, List, Toast, showToast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diagnose } from "../core/diagnose";
import { FixHistory, type KeyValueStorage } from "../core/history";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import { AREA_TITLES, type Area, type Probe } from "../core/probes";
import type { ReportInput } from "../core/report";
import { runChecklist } from "../core/run";
import type { Cause, Finding } from "../core/types";
import type { Targets } from "../core/targets";
import { APP_VERSION } from "../core/version";
import { CauseItem, causeTitle } from "./cause-item";
import { FindingItem } from "./finding-item";
import { FIXES } from "../core/fixes";
import { FixActions } from "./fix-actions";
import { ReportActions } from "./report-actions";
import { useFix } from "./use-fix";
import { useLatestRun } from "./use-latest-run";
import { ToggleDetailAction } from "./toggle-detail-action";

export interface ChecklistViewProps {
  host: Host;
  probes: readonly Probe[];
  /** Where the fix history lives (Raycast's LocalStorage in the extension). */
  storage: KeyValueStorage;
  /** The clock for the report's start time and duration; the host's by default. */
  now?: () => Date;
  /** Overall bound for a run; the core's default when unset. */
  deadlineMs?: number;
  /** Local names the report hides even where no probe flagged them (user name, home folder). */
  reportContext?: ReportInput["context"];
  /** Network targets (preferences: time server, public resolvers); Apple's by default. */
  targets?: Targets;
  /** Copied reports hide identifiers unless the user turned that off in preferences. */
  redact?: boolean;
}

interface Outcome {
  report: ReportInput;
  causes: Cause[];
}

/**
 * The full checklist: every probe listed at once as pending, rows filling in
 * as probes settle, then the diagnosis on top. Everything it touches comes in
 * through props, so tests drive it with a replay host and fake probes.
 */
const RUNNABLE = FIXES.map((f) => f.id);

export function ChecklistView(props: ChecklistViewProps) {
  const { probes } = props;
  const [findings, setFindings] = useState<ReadonlyMap<string, Finding>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>();
  const [running, setRunning] = useState(true);
  /** Set when the run itself broke (not a probe): rows still pending can never fill. */
  const [crash, setCrash] = useState<string>();
  // Off at first: the overview is each row's status tag and summary, which the open pane would hide.
  const [showingDetail, setShowingDetail] = useState(false);
  const startRun = useLatestRun();
  // run() reads the latest props through a ref, so a parent passing inline
  // objects re-renders the view without restarting the checklist.
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

  // Closing the command cancels the run (useLatestRun).
  useEffect(() => void run(), [run]);

  const rerun = useCallback(() => void run(), [run]);
  const fixer = useFix({ host: props.host, storage: props.storage, targets: props.targets, fixes: FIXES, probes });
  // A fix changes the Mac: run the checklist again so every row (and the report's history) is current.
  const { run: applyFixNow, running: fixRunning } = fixer;
  const runFix = useCallback(
    async (fix: FixId) => {
      const applied = await applyFixNow(fix);
      if (applied?.result.outcome === "done") await run();
    },
    [applyFixNow, run],
  );
  const toggleDetail = useCallback(() => setShowingDetail((shown) => !shown), []);

  const areas = useMemo(() => groupByArea(probes), [probes]);

  const sharedActions = (
    <>
      <ReportActions report={outcome?.report} onRerun={rerun} redact={props.redact ?? true} />
      <ActionPanel.Section>
        <ToggleDetailAction showing={showingDetail} onToggle={toggleDetail} />
      </ActionPanel.Section>
    </>
  );

  return (
    <List isLoading={running} isShowingDetail={showingDetail} searchBarPlaceholder="Filter checks">
      {outcome && (
        <List.Section title="Diagnosis" subtitle="Most likely first">
          {outcome.causes.map((cause) => (
            <CauseItem
              key={cause.cause}
              cause={cause}
              showingDetail={showingDetail}
              actions={
                <ActionPanel>
                  <FixActions fixes={cause.fixes} onRun={runFix} runnable={RUNNABLE} running={fixRunning} />
                  {sharedActions}
                </ActionPanel>
              }
            />
          ))}
        </List.Section>
      )}
      {areas.map(([area, areaProbes]) => (
        <List.Section key={area} title={AREA_TITLES[area]}>
          {areaProbes.map((probe) => (
            <FindingItem
              key={probe.id}
              probe={probe}
              showingDetail={showingDetail}
              finding={findings.get(probe.id) ?? (crash ? notFinished(probe, crash) : undefined)}
              actions={<ActionPanel>{sharedActions}</ActionPanel>}
            />
          ))}
        </List.Section>
      ))}
    </List>
  );
}

function groupByArea(probes: readonly Probe[]): Array<[Area, Probe[]]> {
  // Sections follow AREA_TITLES' order; probes keep theirs within a section.
  return (Object.keys(AREA_TITLES) as Area[])
    .map((area): [Area, Probe[]] => [area, probes.filter((probe) => probe.area === area)])
    .filter(([, inArea]) => inArea.length > 0);
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

function notFinished(probe: Probe, reason: string): Finding {
  return {
    probe: probe.id,
    title: probe.title,
    status: "error",
    summary: `Not checked: the run stopped (${reason})`,
    details: [],
    fixes: [],
    durationMs: 0,
  };
}

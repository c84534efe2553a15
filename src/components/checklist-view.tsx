import { ActionPanel, List } from "@raycast/api";
import { useCallback, useMemo, useState } from "react";
import type { KeyValueStorage } from "../core/history";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import { AREA_TITLES, type Area, type Probe } from "../core/probes";
import type { ReportInput } from "../core/report";
import type { Targets } from "../core/targets";
import type { Finding } from "../core/types";
import { CauseItem } from "./cause-item";
import { useChecklistRun } from "./checklist/use-checklist-run";
import { FindingItem } from "./finding-item";
import { FIXES } from "../core/fixes";
import { FixActions } from "./fix-actions";
import { ReportActions } from "./report-actions";
import { useFix } from "./use-fix";
import { ToggleDetailAction } from "./toggle-detail-action";

export { checksTitle } from "./checklist/use-checklist-run";

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

/**
 * The full checklist: every probe listed at once as pending, rows filling in
 * as probes settle, then the diagnosis on top. Everything it touches comes in
 * through props, so tests drive it with a replay host and fake probes.
 */
const RUNNABLE = FIXES.map((f) => f.id);

export function ChecklistView(props: ChecklistViewProps) {
  const { probes } = props;
  const { findings, outcome, running, crash, run } = useChecklistRun(props);
  // Off at first: the overview is each row's status tag and summary, which the open pane would hide.
  const [showingDetail, setShowingDetail] = useState(false);

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

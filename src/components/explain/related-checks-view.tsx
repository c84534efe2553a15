import { Action, ActionPanel, Icon, Keyboard, List } from "@raycast/api";
import { useCallback, useMemo } from "react";
import type { KeyValueStorage } from "../../core/history";
import type { BackupStore } from "../../core/host/backups";
import type { Host } from "../../core/host/types";
import type { FixId } from "../../core/ids";
import { explanationText, type KnowledgeEntry } from "../../core/knowledge";
import { probeById, type Probe } from "../../core/probes";
import type { Targets } from "../../core/targets";
import { CauseItem } from "../cause-item";
import { FindingItem } from "../finding-item";
import { FixActions } from "../fix-actions";
import { useExplainFix } from "./fixes";
import { useRelatedChecks } from "./use-related-checks";

export interface RelatedChecksViewProps {
  entry: KnowledgeEntry;
  host: Host;
  storage: KeyValueStorage;
  targets?: Targets;
  deadlineMs?: number;
  backups?: BackupStore;
  macosMajor?: number;
}

/** Just the checks that confirm one entry, filling in as they settle, then what they point to. */
export function RelatedChecksView(props: RelatedChecksViewProps) {
  const { entry } = props;
  const probes = useMemo(
    () => entry.probes.map((id) => probeById(id)).filter((p): p is Probe => p !== undefined),
    [entry],
  );
  const { findings, causes, running, run } = useRelatedChecks(probes, props);

  const { run: applyFix, running: fixRunning, runnable } = useExplainFix(props);
  // A fix changes the Mac: check again so the rows are current.
  const runFix = useCallback(
    async (fix: FixId) => {
      const applied = await applyFix(fix);
      if (applied?.result.outcome === "done") await run();
    },
    [applyFix, run],
  );

  const rerun = (
    <ActionPanel.Section>
      <Action
        title="Run Checks Again"
        icon={Icon.RotateClockwise}
        shortcut={Keyboard.Shortcut.Common.Refresh}
        onAction={() => void run()}
      />
      <Action.CopyToClipboard
        title="Copy Explanation"
        content={explanationText(entry)}
        shortcut={Keyboard.Shortcut.Common.Copy}
      />
    </ActionPanel.Section>
  );
  /** A row's fixes first, then the shared actions: the same for causes and checks. */
  const actionsFor = (fixes: FixId[]) => (
    <ActionPanel>
      <FixActions
        fixes={fixes}
        onRun={(fix) => void runFix(fix)}
        runnable={runnable}
        running={fixRunning}
        macosMajor={props.macosMajor}
      />
      {rerun}
    </ActionPanel>
  );

  return (
    <List
      isLoading={running}
      isShowingDetail
      navigationTitle={`Checks: ${entry.title}`}
      searchBarPlaceholder="Filter checks"
    >
      {causes && causes.length > 0 && (
        <List.Section title="Diagnosis" subtitle="Most likely first">
          {causes.map((cause) => (
            <CauseItem key={cause.cause} cause={cause} actions={actionsFor(cause.fixes)} showingDetail />
          ))}
        </List.Section>
      )}
      <List.Section title="Related Checks" subtitle={entry.title}>
        {probes.map((probe) => {
          const finding = findings.get(probe.id);
          return (
            <FindingItem
              key={probe.id}
              probe={probe}
              finding={finding}
              actions={actionsFor(finding?.fixes ?? [])}
              showingDetail
            />
          );
        })}
      </List.Section>
    </List>
  );
}

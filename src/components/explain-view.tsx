import {
  Action,
  ActionPanel,
  Color,
  Icon,
  Keyboard,
  LaunchType,
  List,
  Toast,
  launchCommand,
  showToast,
} from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CAUSE_TITLES } from "../core/cause-titles";
import { diagnose } from "../core/diagnose";
import { FIX_TITLES, SUPPORT_URL } from "../core/fix-titles";
import { FIXES } from "../core/fixes";
import { RESET_EXPLANATION } from "../core/fixes/account-cache";
import type { KeyValueStorage } from "../core/history";
import type { BackupStore } from "../core/host/backups";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import { confidenceWords, explanationText, searchKnowledge, type KnowledgeEntry } from "../core/knowledge";
import { CHECKLIST_PROBES, probeById, type Probe } from "../core/probes";
import { runChecklist } from "../core/run";
import type { Targets } from "../core/targets";
import type { Cause, Finding } from "../core/types";
import { CauseItem } from "./cause-item";
import { checksTitle } from "./checklist-view";
import { FindingItem } from "./finding-item";
import { FixActions } from "./fix-actions";
import { useFix } from "./use-fix";
import { useLatestRun } from "./use-latest-run";

export interface ExplainViewProps {
  host: Host;
  /** Where the fix history lives (Raycast's LocalStorage in the extension). */
  storage: KeyValueStorage;
  /** What the search bar starts with (a code or message passed in). */
  initialQuery?: string;
  /** Network targets (preferences); Apple's by default. */
  targets?: Targets;
  /** Overall bound for Run Related Checks; the core's default when unset. */
  deadlineMs?: number;
  /** Where Reset Account Cache saves its backup; without it that fix isn't offered to run. */
  backups?: BackupStore;
  macosMajor?: number;
}

const CONFIDENCE_COLORS: Record<KnowledgeEntry["confidence"], Color> = {
  high: Color.Green,
  medium: Color.Blue,
  low: Color.Orange,
};

const confirmMessage = (fix: FixId) => (fix === "reset-account-cache" ? RESET_EXPLANATION : undefined);

/** Fixes this view can run itself: restoring needs a chosen backup, so Clear iCloud Tokens does that. */
function runnableFixes(backups: BackupStore | undefined): FixId[] {
  return FIXES.map((f) => f.id).filter(
    (id) => id !== "restore-account-cache" && (id !== "reset-account-cache" || backups !== undefined),
  );
}

/**
 * Explain Error: type an error code or a few words of the message, see what
 * it means, why it happens and what to do, then run just the checks that
 * confirm it. Everything it touches comes in through props, so tests drive
 * it with a replayed Mac.
 */
export function ExplainView(props: ExplainViewProps) {
  const [searchText, setSearchText] = useState(props.initialQuery ?? "");
  const matches = useMemo(() => searchKnowledge(searchText), [searchText]);
  const searching = searchText.trim().length > 0;

  const { run: runFix, running } = useFix({
    host: props.host,
    storage: props.storage,
    targets: props.targets,
    fixes: FIXES,
    probes: CHECKLIST_PROBES,
    backups: props.backups,
    macosMajor: props.macosMajor,
    confirmMessage,
  });
  const onRunFix = useCallback((fix: FixId) => void runFix(fix), [runFix]);
  const runnable = useMemo(() => runnableFixes(props.backups), [props.backups]);

  return (
    <List
      filtering={false}
      throttle
      searchText={searchText}
      onSearchTextChange={setSearchText}
      isShowingDetail={matches.length > 0}
      searchBarPlaceholder="Error code or message, like -20209 or “verification failed”"
    >
      {matches.length === 0 ? (
        <List.EmptyView
          icon={Icon.MagnifyingGlass}
          title="No Match"
          description="Try the exact error code, like -20209, or a few words from the message."
          actions={
            <ActionPanel>
              <Action title="Run Full Checklist" icon={Icon.CheckList} onAction={() => void openChecklist()} />
              <Action.OpenInBrowser title="Open Apple Support" url={SUPPORT_URL} />
            </ActionPanel>
          }
        />
      ) : (
        <List.Section
          title={searching ? "Best Matches" : "Errors and Symptoms"}
          subtitle={`${matches.length} ${matches.length === 1 ? "entry" : "entries"}`}
        >
          {matches.map(({ entry, matched }) => (
            <ExplainItem
              key={entry.id}
              entry={entry}
              matched={matched}
              actions={
                <ActionPanel>
                  {entry.probes.length > 0 && (
                    <Action.Push
                      title="Run Related Checks"
                      icon={Icon.Heartbeat}
                      target={
                        <RelatedChecksView
                          entry={entry}
                          host={props.host}
                          storage={props.storage}
                          targets={props.targets}
                          deadlineMs={props.deadlineMs}
                          backups={props.backups}
                          macosMajor={props.macosMajor}
                        />
                      }
                    />
                  )}
                  <FixActions
                    fixes={entry.fixes.filter((fix) => fix !== "contact-apple-support")}
                    onRun={onRunFix}
                    runnable={runnable}
                    running={running}
                    macosMajor={props.macosMajor}
                  />
                  <ActionPanel.Section>
                    <Action.CopyToClipboard
                      title="Copy Explanation"
                      content={explanationText(entry)}
                      shortcut={Keyboard.Shortcut.Common.Copy}
                    />
                    <Action.OpenInBrowser title="Open Apple Support" url={SUPPORT_URL} />
                  </ActionPanel.Section>
                </ActionPanel>
              }
            />
          ))}
        </List.Section>
      )}
    </List>
  );
}

async function openChecklist() {
  try {
    await launchCommand({ name: "run-full-checklist", type: LaunchType.UserInitiated });
  } catch (error) {
    await showFailureToast(error, { title: "Could Not Open Run Full Checklist" });
  }
}

// ---------------------------------------------------------------------------
// One entry

interface ExplainItemProps {
  entry: KnowledgeEntry;
  /** What the search matched: a code shows as a tag. */
  matched: string;
  actions: ReactNode;
}

function ExplainItem({ entry, matched, actions }: ExplainItemProps) {
  const accessories: List.Item.Accessory[] = [
    {
      tag: { value: capitalise(entry.confidence), color: CONFIDENCE_COLORS[entry.confidence] },
      tooltip: `${capitalise(entry.confidence)} confidence`,
    },
  ];
  if (!entry.verified) {
    accessories.push({ tag: { value: "Unverified", color: Color.Orange }, tooltip: "No public source confirms this" });
  }
  if (matched && entry.match.codes.includes(matched)) accessories.push({ tag: matched, tooltip: "Matched code" });
  return (
    <List.Item
      id={entry.id}
      title={entry.title}
      subtitle={shortMeaning(entry.meaning)}
      icon={
        entry.verified
          ? { source: Icon.Info, tintColor: Color.Blue }
          : { source: Icon.QuestionMarkCircle, tintColor: Color.Orange }
      }
      keywords={[...entry.match.codes, entry.id]}
      accessories={accessories}
      detail={<ExplainDetail entry={entry} />}
      actions={actions}
    />
  );
}

function ExplainDetail({ entry }: { entry: KnowledgeEntry }) {
  return (
    <List.Item.Detail
      markdown={explanationMarkdown(entry)}
      metadata={
        <List.Item.Detail.Metadata>
          <List.Item.Detail.Metadata.Label
            title="Confidence"
            text={{ value: confidenceWords(entry), color: CONFIDENCE_COLORS[entry.confidence] }}
          />
          {entry.match.codes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Codes">
              {entry.match.codes.map((code) => (
                <List.Item.Detail.Metadata.TagList.Item key={code} text={code} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          {entry.probes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Related Checks">
              {entry.probes.map((id) => (
                <List.Item.Detail.Metadata.TagList.Item key={id} text={probeById(id)?.title ?? id} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          {entry.fixes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Fixes">
              {entry.fixes.map((fix) => (
                <List.Item.Detail.Metadata.TagList.Item key={fix} text={FIX_TITLES[fix]} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          <List.Item.Detail.Metadata.Separator />
          <List.Item.Detail.Metadata.Label title="Source" text={entry.source} />
        </List.Item.Detail.Metadata>
      }
    />
  );
}

/** Meaning, what to do, likely causes and the source, as the detail pane shows them. */
export function explanationMarkdown(entry: KnowledgeEntry): string {
  const lines = [`## ${entry.title}`, ""];
  if (!entry.verified) lines.push(`> **Unverified:** ${entry.source}.`, "");
  lines.push(entry.meaning);
  if (entry.steps.length > 0) lines.push("", "### What to Do", "", ...entry.steps.map((s, i) => `${i + 1}. ${s}`));
  lines.push("", "### Likely Causes", "");
  if (entry.likelyCauses.length > 0) lines.push(...entry.likelyCauses.map((c) => `- ${CAUSE_TITLES[c]}`));
  else lines.push("Nothing this Mac's checks can see: it's about the account or the step itself.");
  lines.push("", "### Source", "", entry.source);
  return lines.join("\n");
}

/** The first sentence: the meaning in short, for the row (Raycast truncates what doesn't fit). */
function shortMeaning(meaning: string): string {
  return meaning.split(/(?<=[.:;])\s/)[0].replace(/[.:;]$/, "");
}

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

// ---------------------------------------------------------------------------
// Run Related Checks

export interface RelatedChecksViewProps extends Omit<ExplainViewProps, "initialQuery"> {
  entry: KnowledgeEntry;
}

/** Just the checks that confirm one entry, filling in as they settle, then what they point to. */
export function RelatedChecksView(props: RelatedChecksViewProps) {
  const { entry } = props;
  const probes = useMemo(
    () => entry.probes.map((id) => probeById(id)).filter((p): p is Probe => p !== undefined),
    [entry],
  );
  const [findings, setFindings] = useState<ReadonlyMap<string, Finding>>(new Map());
  const [causes, setCauses] = useState<Cause[]>();
  const [running, setRunning] = useState(true);
  const startRun = useLatestRun();
  const latest = useRef(props);
  latest.current = props;

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

  const { run: applyFix, running: fixRunning } = useFix({
    host: props.host,
    storage: props.storage,
    targets: props.targets,
    fixes: FIXES,
    probes: CHECKLIST_PROBES,
    backups: props.backups,
    macosMajor: props.macosMajor,
    confirmMessage,
  });
  // A fix changes the Mac: check again so the rows are current.
  const runFix = useCallback(
    async (fix: FixId) => {
      const applied = await applyFix(fix);
      if (applied?.result.outcome === "done") await run();
    },
    [applyFix, run],
  );
  const runnable = useMemo(() => runnableFixes(props.backups), [props.backups]);

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
            <CauseItem key={cause.cause} cause={cause} actions={actionsFor(cause.fixes)} />
          ))}
        </List.Section>
      )}
      <List.Section title="Related Checks" subtitle={entry.title}>
        {probes.map((probe) => {
          const finding = findings.get(probe.id);
          return (
            <FindingItem key={probe.id} probe={probe} finding={finding} actions={actionsFor(finding?.fixes ?? [])} />
          );
        })}
      </List.Section>
    </List>
  );
}

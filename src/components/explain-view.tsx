import { Action, ActionPanel, Icon, Keyboard, LaunchType, List, launchCommand } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useMemo, useState } from "react";
import { SUPPORT_URL } from "../core/fix-titles";
import type { KeyValueStorage } from "../core/history";
import type { BackupStore } from "../core/host/backups";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import { explanationText, searchKnowledge } from "../core/knowledge";
import type { Targets } from "../core/targets";
import { ExplainItem } from "./explain/explain-item";
import { useExplainFix } from "./explain/fixes";
import { RelatedChecksView } from "./explain/related-checks-view";
import { FixActions } from "./fix-actions";
import { DetailPaneOpen } from "./pane-aware-item";

export { explanationMarkdown } from "./explain/explain-item";
export { RelatedChecksView, type RelatedChecksViewProps } from "./explain/related-checks-view";

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

  const { run: runFix, running, runnable } = useExplainFix(props);
  const onRunFix = useCallback((fix: FixId) => void runFix(fix), [runFix]);

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
        <DetailPaneOpen.Provider value>
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
        </DetailPaneOpen.Provider>
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

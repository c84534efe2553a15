import { Action, ActionPanel, Icon, Keyboard } from "@raycast/api";
import { SUPPORT_URL } from "../core/fix-titles";
import { buildReport, type ReportInput } from "../core/report";

export interface ReportActionsProps {
  /** Undefined while the run is still going: a half-finished report would mislead support. */
  report?: ReportInput;
  onRerun: () => void;
  /** Off only when the user asked for identifiers in preferences. */
  redact?: boolean;
}

/**
 * The report and run actions every row of the checklist shares. Both copies
 * are redacted: the user pastes them into a chat with a stranger. With
 * identifiers switched on they are concealed instead, kept out of Raycast's
 * clipboard history.
 */
export function ReportActions({ report, onRerun, redact = true }: ReportActionsProps) {
  return (
    <>
      {report && (
        <ActionPanel.Section title="Report">
          <Action.CopyToClipboard
            title="Copy Support Summary"
            icon={Icon.Clipboard}
            content={buildReport(report, { format: "plain", redact })}
            concealed={!redact}
            shortcut={Keyboard.Shortcut.Common.Copy}
          />
          <Action.CopyToClipboard
            title="Copy as Markdown"
            icon={Icon.Document}
            content={buildReport(report, { format: "markdown", redact })}
            concealed={!redact}
            shortcut={{ modifiers: ["cmd", "shift"], key: "m" }}
          />
        </ActionPanel.Section>
      )}
      <ActionPanel.Section>
        <Action
          title="Run Checklist Again"
          icon={Icon.ArrowClockwise}
          shortcut={Keyboard.Shortcut.Common.Refresh}
          onAction={onRerun}
        />
        <Action.OpenInBrowser title="Open Apple Support" icon={Icon.QuestionMarkCircle} url={SUPPORT_URL} />
      </ActionPanel.Section>
    </>
  );
}

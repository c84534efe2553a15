import { Action, ActionPanel, Icon, Keyboard } from "@raycast/api";
import { FIX_TITLES } from "../../core/fix-titles";
import { settingsUrl } from "../../core/fixes/open-settings";

export function FixSection({
  syncing,
  onSync,
  macosMajor,
}: {
  syncing: boolean;
  onSync: () => void;
  macosMajor?: number;
}) {
  return (
    <ActionPanel.Section title="Fix">
      {!syncing && (
        <Action title="Sync Clock" icon={Icon.Clock} shortcut={{ modifiers: ["cmd"], key: "t" }} onAction={onSync} />
      )}
      <Action.Open
        title={FIX_TITLES["open-date-time-settings"]}
        icon={Icon.Gear}
        target={settingsUrl("open-date-time-settings", macosMajor)!}
        shortcut={Keyboard.Shortcut.Common.Open}
      />
    </ActionPanel.Section>
  );
}

export function CheckSection({ summary, onCheck }: { summary?: string; onCheck: () => void }) {
  return (
    <ActionPanel.Section>
      {/* Only a finished check is worth pasting to support. */}
      {summary !== undefined && (
        <Action.CopyToClipboard
          title="Copy Clock Summary"
          icon={Icon.Clipboard}
          content={summary}
          shortcut={Keyboard.Shortcut.Common.Copy}
        />
      )}
      <Action
        title="Check Again"
        icon={Icon.ArrowClockwise}
        shortcut={Keyboard.Shortcut.Common.Refresh}
        onAction={onCheck}
      />
    </ActionPanel.Section>
  );
}

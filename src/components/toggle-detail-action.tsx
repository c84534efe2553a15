import { Action, Icon } from "@raycast/api";

/** Show or hide the detail pane (⌘D), the same in every list. */
export function ToggleDetailAction({ showing, onToggle }: { showing: boolean; onToggle: () => void }) {
  return (
    <Action
      title={showing ? "Hide Details" : "Show Details"}
      icon={Icon.Sidebar}
      shortcut={{ modifiers: ["cmd"], key: "d" }}
      onAction={onToggle}
    />
  );
}

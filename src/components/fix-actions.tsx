import { Action, ActionPanel, Icon, Keyboard } from "@raycast/api";
import { FIX_TITLES } from "../core/fix-titles";
import { settingsUrl } from "../core/fixes/open-settings";
import type { FixId } from "../core/ids";

export interface FixActionsProps {
  fixes: FixId[];
  /** Runs a fix that does something (useFix's run); open-* fixes open their page directly. */
  onRun?: (fix: FixId) => void;
  /** Fixes onRun can run (open-* fixes need none). */
  runnable?: readonly FixId[];
  macosMajor?: number;
  /** The fix in progress: its action is hidden so it can't be started twice. */
  running?: FixId;
}

/** A cause's fixes as actions, the first one on ⌘⏎ after the row's primary action. */
export function FixActions({ fixes, onRun, runnable = [], macosMajor, running }: FixActionsProps) {
  const actions = fixes.flatMap((fix, index) => {
    const shortcut: Keyboard.Shortcut | undefined = index === 0 ? { modifiers: ["cmd"], key: "return" } : undefined;
    const url = settingsUrl(fix, macosMajor);
    if (url) {
      return url.startsWith("https:")
        ? [<Action.OpenInBrowser key={fix} title={FIX_TITLES[fix]} url={url} shortcut={shortcut} />]
        : [<Action.Open key={fix} title={FIX_TITLES[fix]} icon={Icon.Gear} target={url} shortcut={shortcut} />];
    }
    if (!onRun || !runnable.includes(fix) || running === fix) return [];
    return [
      <Action key={fix} title={FIX_TITLES[fix]} icon={Icon.Wand} shortcut={shortcut} onAction={() => onRun(fix)} />,
    ];
  });
  if (actions.length === 0) return null;
  return <ActionPanel.Section title="Fix">{actions}</ActionPanel.Section>;
}

import { Action, ActionPanel, Icon } from "@raycast/api";
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

/**
 * A cause's fixes as actions. None binds ⌘⏎ itself: Raycast already gives the
 * panel's first action ⏎ and its second ⌘⏎, so an explicit ⌘⏎ here would be a
 * second binding whenever the fixes lead the panel.
 */
export function FixActions({ fixes, onRun, runnable = [], macosMajor, running }: FixActionsProps) {
  const actions = fixes.flatMap((fix) => {
    const url = settingsUrl(fix, macosMajor);
    if (url) {
      return url.startsWith("https:")
        ? [<Action.OpenInBrowser key={fix} title={FIX_TITLES[fix]} url={url} />]
        : [<Action.Open key={fix} title={FIX_TITLES[fix]} icon={Icon.Gear} target={url} />];
    }
    if (!onRun || !runnable.includes(fix) || running === fix) return [];
    return [<Action key={fix} title={FIX_TITLES[fix]} icon={Icon.Wand} onAction={() => onRun(fix)} />];
  });
  if (actions.length === 0) return null;
  return <ActionPanel.Section title="Fix">{actions}</ActionPanel.Section>;
}

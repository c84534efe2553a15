import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { FIX_TITLES } from "../core/fix-titles";
import { RESET_EXPLANATION, resetAccountCacheFix, restoreAccountCacheFix } from "../core/fixes/account-cache";
import { settingsUrl } from "../core/fixes/open-settings";
import { restartIcloudDaemonsFix } from "../core/fixes/restart-icloud-daemons";
import type { KeyValueStorage } from "../core/history";
import type { BackupStore } from "../core/host/backups";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import { accountProbe } from "../core/probes/account";
import { accountData } from "./icloud/account-data";
import { AccountRows } from "./icloud/account-rows";
import { accountSummary } from "./icloud/account-summary";
import { BackupRow, NO_BACKUPS_MARKDOWN, plural } from "./icloud/backup-row";
import { lastRunByFix } from "./icloud/history-words";
import { StepItem } from "./icloud/step-item";
import { stepRows } from "./icloud/steps";
import { useAccountCheck } from "./icloud/use-account-check";
import { useFixRecords } from "./icloud/use-fix-records";
import { DetailPaneOpen, PaneAwareItem } from "./pane-aware-item";
import { PENDING_LOOK } from "./status-icons";
import { ToggleDetailAction } from "./toggle-detail-action";
import { useFix, type RunExtra } from "./use-fix";

export { accountData, type AccountData, type AccountEntry } from "./icloud/account-data";
export { accountSummary } from "./icloud/account-summary";
export { absoluteTime, lastRunAccessories, timeAgo } from "./icloud/history-words";

export interface IcloudViewProps {
  host: Host;
  /** Where the fix history lives (Raycast's LocalStorage in the extension). */
  storage: KeyValueStorage;
  /** Where Reset Account Cache saves its backups, and Restore finds them. */
  backups: BackupStore;
  /** Where the binaries are (tests: a folder of fakes). */
  binaries?: BinaryTable;
  /** The clock "Last run 5 min ago" is measured against; the host's by default. */
  now?: () => Date;
  /** Overall bound for the account check; the core's default when unset. */
  deadlineMs?: number;
}

const SETTINGS_FIX = "open-apple-account-settings" as const;

/** Only Reset Account Cache asks first: the confirmation says what it does and doesn't do. */
const confirmMessage = (fix: FixId) => (fix === "reset-account-cache" ? RESET_EXPLANATION : undefined);

const ICLOUD_FIXES = [restartIcloudDaemonsFix, resetAccountCacheFix, restoreAccountCacheFix];

/**
 * Clear iCloud Tokens: who is signed in, the steps the guides give in their
 * order, and the account backups Reset Account Cache made, each one
 * restorable. Nothing here reads or deletes Keychain items.
 */
export function IcloudView(props: IcloudViewProps) {
  // Off at first, as in the other commands: the rows' tags and subtitles are the overview.
  const [showingDetail, setShowingDetail] = useState(false);
  const check = useAccountCheck({ host: props.host, binaries: props.binaries, deadlineMs: props.deadlineMs });
  const records = useFixRecords(props.storage, props.backups);
  const { account, macosMajor, crash } = check;

  const recheck = useCallback(
    () => Promise.all([check.revalidate(), records.revalidate()]),
    [check.revalidate, records.revalidate],
  );

  const onScreen = useRef(account);
  onScreen.current = account;
  const { run, running } = useFix({
    host: props.host,
    storage: props.storage,
    fixes: ICLOUD_FIXES,
    probes: [accountProbe],
    binaries: props.binaries,
    backups: props.backups,
    macosMajor,
    confirmMessage,
  });

  /** Runs a fix through the shared runner, then reads everything again: account, history, backups. */
  const runFix = useCallback(
    async (fix: FixId, extra?: RunExtra) => {
      const applied = await run(fix, onScreen.current ? [onScreen.current] : undefined, extra);
      // Declined at the confirmation: nothing ran, nothing to read again.
      if (!applied) return;
      await recheck();
    },
    [run, recheck],
  );

  const toggleDetail = useCallback(() => setShowingDetail((on) => !on), []);

  const data = accountData(account);
  const now = (props.now ?? (() => props.host.now()))();
  const lastRuns = lastRunByFix(records.history);
  const backupList = records.backups;
  const settingsTarget = settingsUrl(SETTINGS_FIX, macosMajor)!;
  const summary = account ? accountSummary(account, lastRuns, backupList) : undefined;

  const openSettings = (primary: boolean) => (
    <Action.Open
      title={FIX_TITLES[SETTINGS_FIX]}
      icon={Icon.Gear}
      target={settingsTarget}
      shortcut={primary ? undefined : { modifiers: ["cmd", "shift"], key: "o" }}
    />
  );

  const shared = (
    <ActionPanel.Section>
      <Action
        title="Check Again"
        icon={Icon.ArrowClockwise}
        shortcut={Keyboard.Shortcut.Common.Refresh}
        onAction={() => void recheck()}
      />
      {summary && (
        <Action.CopyToClipboard
          title="Copy Account Summary"
          icon={Icon.Clipboard}
          content={summary}
          shortcut={Keyboard.Shortcut.Common.Copy}
        />
      )}
      <ToggleDetailAction showing={showingDetail} onToggle={toggleDetail} />
    </ActionPanel.Section>
  );

  /** A row's panel: its own actions first, Open Apple Account Settings unless it is already the first, then the shared ones. */
  const panel = (own: ReactNode, withSettings = true) => (
    <ActionPanel>
      {own && <ActionPanel.Section>{own}</ActionPanel.Section>}
      {withSettings && <ActionPanel.Section>{openSettings(!own)}</ActionPanel.Section>}
      {shared}
    </ActionPanel>
  );

  const steps = stepRows({ signedOut: data?.signedIn === false, macosMajor });

  return (
    <List
      isLoading={check.isLoading || records.isLoading || running !== undefined}
      isShowingDetail={showingDetail}
      searchBarPlaceholder="Filter account, steps and backups"
    >
      <DetailPaneOpen.Provider value={showingDetail}>
        <List.Section title="Apple Account">
          <AccountRows account={account} crash={crash} panel={panel} />
        </List.Section>

        <List.Section title="Steps" subtitle="Supported first; the reset is a last resort">
          {steps.map((step) => {
            let own: ReactNode = null;
            if (step.id === "sign-out") own = openSettings(true);
            else if (step.fix && step.available && running !== step.fix)
              own = (
                <Action
                  title={FIX_TITLES[step.fix]}
                  icon={step.destructive ? Icon.Warning : Icon.Wand}
                  onAction={() => void runFix(step.fix!)}
                />
              );
            return (
              <StepItem
                key={step.id}
                step={step}
                record={step.fix ? lastRuns.get(step.fix) : undefined}
                now={now}
                actions={panel(own, step.id !== "sign-out")}
              />
            );
          })}
        </List.Section>

        <List.Section
          title="Backups"
          subtitle={
            backupList?.length ? `${backupList.length} account settings ${plural(backupList.length)}` : undefined
          }
        >
          {backupList === undefined ? (
            <PaneAwareItem
              id="backups:pending"
              title="Looking for Backups…"
              icon={PENDING_LOOK.icon}
              actions={panel(null, false)}
            />
          ) : backupList.length === 0 ? (
            <PaneAwareItem
              id="backups:none"
              title="No Backups Yet"
              subtitle="Reset Account Cache makes one first"
              icon={{ source: Icon.Box, tintColor: Color.SecondaryText }}
              detail={<List.Item.Detail markdown={NO_BACKUPS_MARKDOWN} />}
              actions={panel(null, false)}
            />
          ) : (
            backupList.map((backup) => (
              <BackupRow
                key={backup.path}
                backup={backup}
                now={now}
                actions={panel(
                  <>
                    {running !== "restore-account-cache" && (
                      <Action
                        title={FIX_TITLES["restore-account-cache"]}
                        icon={Icon.RotateAntiClockwise}
                        onAction={() => void runFix("restore-account-cache", { backupName: backup.name })}
                      />
                    )}
                    <Action.ShowInFinder path={backup.path} shortcut={{ modifiers: ["cmd", "shift"], key: "f" }} />
                  </>,
                  false,
                )}
              />
            ))
          )}
        </List.Section>
      </DetailPaneOpen.Provider>
    </List>
  );
}

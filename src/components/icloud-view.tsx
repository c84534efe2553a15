import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { format } from "date-fns";
import { distanceWords } from "../core/time-words";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { FIX_TITLES } from "../core/fix-titles";
import { RESET_EXPLANATION, resetAccountCacheFix, restoreAccountCacheFix } from "../core/fixes/account-cache";
import { settingsUrl } from "../core/fixes/open-settings";
import { ICLOUD_DAEMONS, restartIcloudDaemonsFix } from "../core/fixes/restart-icloud-daemons";
import { FixHistory, type KeyValueStorage } from "../core/history";
import type { Backup, BackupStore } from "../core/host/backups";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import type { FixId } from "../core/ids";
import type { AccountService } from "../core/parse/mobileme";
import { accountProbe } from "../core/probes/account";
import { macosProbe } from "../core/probes/macos";
import { redact } from "../core/redact";
import { runChecklist } from "../core/run";
import type { Finding, FixRecord } from "../core/types";
import { findingMarkdown } from "./finding-item";
import { PENDING_LOOK, statusLook } from "./status-icons";
import { useFix, type RunExtra } from "./use-fix";
import { useLatestRun } from "./use-latest-run";
import { ToggleDetailAction } from "./toggle-detail-action";

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

/** One account as the account probe reports it in `finding.data`. */
export interface AccountEntry {
  email?: string;
  managed: boolean;
  services: AccountService[];
  displayName?: string;
}

export interface AccountData {
  signedIn: boolean;
  accounts: AccountEntry[];
  servicesOn?: string[];
}

/** The account probe's structured data, or undefined when it has none (skipped, errored, still checking). */
export function accountData(finding: Finding | undefined): AccountData | undefined {
  const data = finding?.data;
  if (!data || typeof data.signedIn !== "boolean" || !Array.isArray(data.accounts)) return undefined;
  return data as unknown as AccountData;
}

interface Shown {
  account?: Finding;
  macosMajor?: number;
  /** The check itself broke (not the account): nothing to show but why. */
  crash?: string;
}

const SETTINGS_FIX = "open-apple-account-settings" as const;
const SIGNED_OUT = "No Apple Account is signed in on this Mac";

/** Only Reset Account Cache asks first: the confirmation says what it does and doesn't do. */
const confirmMessage = (fix: FixId) => (fix === "reset-account-cache" ? RESET_EXPLANATION : undefined);

/**
 * Clear iCloud Tokens: who is signed in, the steps the guides give in their
 * order (two of them run from here, two are explained), and the account
 * backups Reset Account Cache made, each one restorable. Nothing here reads
 * or deletes Keychain items. Everything comes in through props, so tests
 * drive it with a replayed Mac and fake executables.
 */
const ICLOUD_FIXES = [restartIcloudDaemonsFix, resetAccountCacheFix, restoreAccountCacheFix];

export function IcloudView(props: IcloudViewProps) {
  const [shown, setShown] = useState<Shown>({});
  const [checking, setChecking] = useState(true);
  const [history, setHistory] = useState<FixRecord[]>([]);
  const [backupList, setBackupList] = useState<Backup[]>();
  const [showingDetail, setShowingDetail] = useState(true);
  const startRun = useLatestRun();
  const mounted = useRef(true);
  // check() reads the latest props through a ref, so inline props never restart it.
  const latest = useRef(props);
  latest.current = props;

  /** The fix history and the backups folder: both change with every fix. */
  const reloadRecords = useCallback(async () => {
    const { storage, backups } = latest.current;
    const [records, list] = await Promise.all([
      new FixHistory(storage).list(),
      backups.list().catch((): Backup[] => []),
    ]);
    if (!mounted.current) return;
    setHistory(records);
    setBackupList(list);
  }, []);

  /** Reads the account (and the macOS version, for the Settings URL); the rows on screen stay until it answers. */
  const check = useCallback(async () => {
    const { host, binaries, deadlineMs } = latest.current;
    const { signal, isCurrent } = startRun();
    setChecking(true);
    const records = reloadRecords();
    try {
      const [account, macos] = await runChecklist([accountProbe, macosProbe], host, {
        binaries,
        deadlineMs,
        signal,
      });
      const major = macos.data?.major;
      if (isCurrent()) setShown({ account, macosMajor: typeof major === "number" ? major : undefined });
    } catch (error) {
      if (!isCurrent()) return;
      setShown({ crash: error instanceof Error ? error.message : String(error) });
      await showFailureToast(error, { title: "Couldn't Check Apple Account" });
    } finally {
      await records;
      if (isCurrent() && mounted.current) setChecking(false);
    }
  }, [reloadRecords, startRun]);

  useEffect(() => {
    mounted.current = true;
    check();
    return () => {
      mounted.current = false;
    };
  }, [check]);

  const current = useRef(shown);
  current.current = shown;
  const { run, running } = useFix({
    host: props.host,
    storage: props.storage,
    fixes: ICLOUD_FIXES,
    probes: [accountProbe],
    binaries: props.binaries,
    backups: props.backups,
    macosMajor: shown.macosMajor,
    confirmMessage,
  });

  /** Runs a fix through the shared runner, then reads everything again: account, history, backups. */
  const runFix = useCallback(
    async (fix: FixId, extra?: RunExtra) => {
      const onScreen = current.current.account;
      const applied = await run(fix, onScreen ? [onScreen] : undefined, extra);
      // Declined at the confirmation: nothing ran, nothing to read again.
      if (!applied) return;
      await check();
    },
    [run, check],
  );

  const rerun = useCallback(() => void check(), [check]);
  const toggleDetail = useCallback(() => setShowingDetail((on) => !on), []);

  const { account, macosMajor, crash } = shown;
  const data = accountData(account);
  const now = (props.now ?? (() => props.host.now()))();
  const lastRuns = lastRunByFix(history);
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
        onAction={rerun}
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

  const signedOut = data?.signedIn === false;
  const steps = stepRows({ signedOut, macosMajor });

  return (
    <List
      isLoading={checking || running !== undefined}
      isShowingDetail={showingDetail}
      searchBarPlaceholder="Filter account, steps and backups"
    >
      <List.Section title="Apple Account">
        <AccountRows account={account} crash={crash} panel={panel} />
      </List.Section>

      <List.Section title="Steps" subtitle="In the order the guides give">
        {steps.map((step) => {
          const record = step.fix ? lastRuns.get(step.fix) : undefined;
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
            <List.Item
              key={step.id}
              id={`step:${step.id}`}
              title={step.title}
              subtitle={step.subtitle}
              icon={{ source: step.icon, tintColor: step.destructive ? Color.Orange : Color.PrimaryText }}
              keywords={step.keywords}
              accessories={step.fix ? lastRunAccessories(record, now) : [{ tag: "Guide", tooltip: step.guideNote }]}
              detail={<List.Item.Detail markdown={step.markdown} />}
              actions={panel(own, step.id !== "sign-out")}
            />
          );
        })}
      </List.Section>

      <List.Section
        title="Backups"
        subtitle={backupList?.length ? `${backupList.length} account settings ${plural(backupList.length)}` : undefined}
      >
        {backupList === undefined ? (
          <List.Item
            id="backups:pending"
            title="Looking for Backups…"
            icon={PENDING_LOOK.icon}
            actions={panel(null, false)}
          />
        ) : backupList.length === 0 ? (
          <List.Item
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
                      onAction={() => void runFix("restore-account-cache", { backupPath: backup.path })}
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
    </List>
  );
}

// ---------------------------------------------------------------------------
// Apple Account

function AccountRows({
  account,
  crash,
  panel,
}: {
  account?: Finding;
  crash?: string;
  panel: (own: ReactNode, withSettings?: boolean) => ReactNode;
}) {
  if (!account && !crash) {
    return (
      <List.Item
        id="account:pending"
        title="Checking Apple Account…"
        icon={PENDING_LOOK.icon}
        accessories={[{ tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }]}
        detail={<List.Item.Detail markdown={findingMarkdown("Apple Account", undefined)} />}
        actions={panel(null)}
      />
    );
  }
  const data = accountData(account);
  if (!account || !data) {
    // Skipped (not a Mac, unreadable settings) or errored: say so, with the reason.
    const status = account?.status ?? "error";
    const look = statusLook(status);
    const title = status === "skip" ? "Apple Account Not Checked" : "Couldn't Check Apple Account";
    const reason = account?.summary ?? `The check stopped: ${crash}`;
    return (
      <List.Item
        id="account:problem"
        title={title}
        subtitle={reason}
        icon={look.icon}
        accessories={[{ tag: { value: look.word, color: look.color } }]}
        detail={<List.Item.Detail markdown={account ? findingMarkdown(title, account) : `## ${title}\n\n${reason}`} />}
        actions={panel(null)}
      />
    );
  }
  if (!data.signedIn || data.accounts.length === 0) {
    const look = statusLook("warn");
    return (
      <List.Item
        id="account:signed-out"
        title={SIGNED_OUT}
        subtitle="Sign in from System Settings"
        icon={look.icon}
        accessories={[{ tag: { value: "Signed Out", color: look.color } }]}
        detail={<List.Item.Detail markdown={SIGNED_OUT_MARKDOWN} />}
        actions={panel(null)}
      />
    );
  }
  return (
    <>
      {data.accounts.map((entry, index) => (
        <AccountEntryRows key={`${entry.email ?? "account"}-${index}`} entry={entry} index={index} panel={panel} />
      ))}
    </>
  );
}

function AccountEntryRows({
  entry,
  index,
  panel,
}: {
  entry: AccountEntry;
  index: number;
  panel: (own: ReactNode, withSettings?: boolean) => ReactNode;
}) {
  const on = entry.services.filter((s) => s.enabled);
  const off = entry.services.filter((s) => !s.enabled);
  const kind = entry.managed ? "Managed Apple Account" : "Apple Account";
  const accessories: List.Item.Accessory[] = [{ tag: { value: "Signed In", color: Color.Green } }];
  if (entry.managed)
    accessories.push({
      tag: { value: "Managed", color: Color.Blue },
      tooltip: "Set up by an organization: some settings are theirs to change",
    });
  const who = entry.email ?? "An Apple Account";
  const markdown = [
    "## Signed In",
    "",
    `${who}${entry.displayName ? ` (${entry.displayName})` : ""} is signed in to iCloud on this Mac.`,
    "",
    entry.managed
      ? "This is a **Managed Apple Account**: an organization set it up, and some iCloud services may be theirs to turn on or off."
      : "This is a personal Apple Account (not managed by an organization).",
    "",
    `${on.length} of ${entry.services.length} iCloud ${entry.services.length === 1 ? "service is" : "services are"} on.`,
  ].join("\n");
  return (
    <>
      <List.Item
        id={`account:${index}`}
        title={entry.email ?? "Apple Account"}
        subtitle={kind}
        icon={{ source: Icon.PersonCircle, tintColor: Color.Green }}
        keywords={["signed in", kind]}
        accessories={accessories}
        detail={
          <List.Item.Detail
            markdown={markdown}
            metadata={
              <List.Item.Detail.Metadata>
                <List.Item.Detail.Metadata.Label title="Apple Account" text={entry.email ?? "Unknown"} />
                {entry.displayName && <List.Item.Detail.Metadata.Label title="Name" text={entry.displayName} />}
                <List.Item.Detail.Metadata.Label title="Managed" text={entry.managed ? "Yes" : "No"} />
                <List.Item.Detail.Metadata.Separator />
                <List.Item.Detail.Metadata.TagList title="iCloud Services On">
                  {on.length ? (
                    on.map((s) => (
                      <List.Item.Detail.Metadata.TagList.Item key={s.id} text={s.name} color={Color.Green} />
                    ))
                  ) : (
                    <List.Item.Detail.Metadata.TagList.Item text="None" color={Color.SecondaryText} />
                  )}
                </List.Item.Detail.Metadata.TagList>
                {off.length > 0 && (
                  <List.Item.Detail.Metadata.TagList title="Off">
                    {off.map((s) => (
                      <List.Item.Detail.Metadata.TagList.Item key={s.id} text={s.name} color={Color.SecondaryText} />
                    ))}
                  </List.Item.Detail.Metadata.TagList>
                )}
              </List.Item.Detail.Metadata>
            }
          />
        }
        actions={panel(null)}
      />
      {entry.services.length === 0 ? (
        <List.Item
          id={`service:${index}:none`}
          title="No iCloud Services Listed"
          subtitle="The account settings name no services"
          icon={{ source: Icon.Cloud, tintColor: Color.SecondaryText }}
          actions={panel(null)}
        />
      ) : (
        entry.services.map((service) => (
          <List.Item
            key={service.id}
            id={`service:${index}:${service.id}`}
            title={service.name}
            icon={{
              source: service.enabled ? Icon.CheckCircle : Icon.Circle,
              tintColor: service.enabled ? Color.Green : Color.SecondaryText,
            }}
            keywords={["icloud", service.id]}
            accessories={[
              {
                tag: {
                  value: service.enabled ? "On" : "Off",
                  color: service.enabled ? Color.Green : Color.SecondaryText,
                },
              },
            ]}
            detail={
              <List.Item.Detail
                markdown={`## ${service.name}\n\n${service.enabled ? "On" : "Off"} for this account. Turn iCloud services on or off in System Settings → your name → iCloud.`}
              />
            }
            actions={panel(null)}
          />
        ))
      )}
    </>
  );
}

const SIGNED_OUT_MARKDOWN = [
  `## ${SIGNED_OUT}`,
  "",
  "The account settings macOS keeps for iCloud (MobileMeAccounts) hold no account, so there is nothing to reset.",
  "",
  "Sign in from **System Settings** → **Sign in with your Apple Account**, and approve the sign-in on another of your devices if asked.",
  "",
  "If you just reset the account cache and want the old settings back, restore a backup from **Backups** below.",
].join("\n");

// ---------------------------------------------------------------------------
// Steps

interface Step {
  id: "sign-out" | "restart-services" | "reset-cache" | "restart-mac";
  title: string;
  subtitle: string;
  icon: Icon;
  keywords: string[];
  markdown: string;
  /** Steps that run from here; the others are guides. */
  fix?: FixId;
  destructive?: boolean;
  /** False when there is nothing for the fix to work on. */
  available?: boolean;
  guideNote?: string;
}

function stepRows({ signedOut, macosMajor }: { signedOut: boolean; macosMajor?: number }): Step[] {
  const settingsName = macosMajor !== undefined && macosMajor < 13 ? "System Preferences" : "System Settings";
  const daemons = ICLOUD_DAEMONS.map((d) => `\`killall ${d}\``).join(", then ");
  return [
    {
      id: "sign-out",
      title: "Sign Out and Back In",
      subtitle: "The supported fix: fresh sign-in tokens from Apple",
      icon: Icon.Person,
      keywords: ["sign out", "sign in", "apple account", "tokens"],
      guideNote: "Done by you in System Settings",
      markdown: [
        "## Sign Out and Back In",
        "",
        "The supported way to get fresh iCloud tokens: signing out and in asks Apple's servers for new ones, which nothing on this Mac can do for you.",
        "",
        `1. Open **${settingsName}** and click **your name** at the top.`,
        "2. Click **Sign Out**.",
        "3. When asked, choose to **keep a copy** of your iCloud data on this Mac. Choosing not to keep it removes the local copies of iCloud Drive, Contacts, Calendars and the like.",
        "4. **Restart** your Mac.",
        `5. Open **${settingsName}** again and sign in with your Apple Account.`,
        "6. **Approve** the sign-in on another of your devices and type the verification code.",
        "",
        "iCloud may take a while to sync again afterwards. Keep a trusted device nearby for the code.",
      ].join("\n"),
    },
    {
      id: "restart-services",
      title: FIX_TITLES["restart-icloud-daemons"],
      subtitle: "Restarts iCloud's background services; safe for your data",
      icon: Icon.ArrowClockwise,
      keywords: ["bird", "cloudd", "killall", "icloud drive"],
      fix: "restart-icloud-daemons",
      available: true,
      markdown: [
        `## ${FIX_TITLES["restart-icloud-daemons"]}`,
        "",
        "Quits **bird** (iCloud Drive) and **cloudd** (CloudKit). They run as you, so no password is needed, and macOS starts them again at once.",
        "",
        "Your data is safe: syncing pauses for a moment and picks up where it left off. It helps when iCloud seems stuck or hasn't noticed a sign-in.",
        "",
        `Runs ${daemons}.`,
      ].join("\n"),
    },
    {
      id: "reset-cache",
      title: FIX_TITLES["reset-account-cache"],
      subtitle: "Backs up, then clears the account settings macOS caches",
      icon: Icon.Warning,
      keywords: ["MobileMeAccounts", "defaults", "cache", "backup"],
      fix: "reset-account-cache",
      destructive: true,
      available: !signedOut,
      markdown: [
        `## ${FIX_TITLES["reset-account-cache"]}`,
        "",
        RESET_EXPLANATION,
        "",
        "### What It Does",
        "",
        "1. Saves the account settings to a backup file (`defaults export MobileMeAccounts`).",
        "2. Reads the backup back and checks it holds the same account.",
        "3. Only then clears the settings (`defaults delete MobileMeAccounts`).",
        "",
        "### What It Doesn't Do",
        "",
        "- It doesn't sign you out on Apple's servers.",
        "- It doesn't read or delete anything in the Keychain.",
        "- It doesn't delete your files.",
        "",
        "Afterwards, sign out and back in (the first step) and restart. To undo it, restore the backup from **Backups** below.",
        ...(signedOut ? ["", "**Nothing to reset right now:** no Apple Account is signed in on this Mac."] : []),
      ].join("\n"),
    },
    {
      id: "restart-mac",
      title: "Restart Your Mac",
      subtitle: "Starts the account services afresh; do it before signing in",
      icon: Icon.Power,
      keywords: ["restart", "reboot"],
      guideNote: "Done by you from the Apple menu",
      markdown: [
        "## Restart Your Mac",
        "",
        "A restart starts every account and iCloud service afresh, so they read the account settings again instead of what they held in memory. The guides restart after signing out (and after resetting the account cache), before signing back in.",
        "",
        "Save your work, then choose **Apple menu → Restart…**. This extension never restarts your Mac for you.",
      ].join("\n"),
    },
  ];
}

/** The newest record for each fix. */
function lastRunByFix(history: FixRecord[]): Map<FixId, FixRecord> {
  const last = new Map<FixId, FixRecord>();
  for (const record of history) {
    const seen = last.get(record.fix);
    if (!seen || seen.at <= record.at) last.set(record.fix, record);
  }
  return last;
}

const OUTCOME_LOOKS: Record<FixRecord["outcome"], { word: string; color: Color }> = {
  done: { word: "Done", color: Color.Green },
  cancelled: { word: "Canceled", color: Color.SecondaryText },
  failed: { word: "Failed", color: Color.Red },
};

/** "Last run 5 min ago", with a Failed/Canceled tag before it when it didn't work out. */
export function lastRunAccessories(record: FixRecord | undefined, now: Date): List.Item.Accessory[] {
  if (!record) return [{ text: { value: "Not run yet", color: Color.SecondaryText } }];
  const at = new Date(record.at);
  const look = OUTCOME_LOOKS[record.outcome];
  const tooltip = `${look.word} ${absoluteTime(at)}${record.message ? `: ${record.message}` : ""}`;
  const accessories: List.Item.Accessory[] = [];
  if (record.outcome !== "done") accessories.push({ tag: { value: look.word, color: look.color }, tooltip });
  accessories.push({ text: `Last run ${timeAgo(at, now)}`, tooltip });
  return accessories;
}

/** "just now", "5 min ago", "2 hours ago", "3 days ago". */
export function timeAgo(at: Date, now: Date): string {
  if (Number.isNaN(at.getTime())) return "at an unknown time";
  if (Math.abs(now.getTime() - at.getTime()) < 60_000) return "just now";
  const words = distanceWords(at.getTime(), now.getTime());
  return at.getTime() > now.getTime() ? `in ${words}` : `${words} ago`;
}

/** "Nov 21, 2026 at 10:00 AM", in the Mac's time zone. */
export function absoluteTime(at: Date): string {
  return Number.isNaN(at.getTime()) ? "unknown time" : format(at, "MMM d, yyyy 'at' h:mm a");
}

// ---------------------------------------------------------------------------
// Backups

const NO_BACKUPS_MARKDOWN = [
  "## No Backups Yet",
  "",
  "Reset Account Cache saves the account settings here before it clears anything, so each reset can be undone.",
].join("\n");

function BackupRow({ backup, now, actions }: { backup: Backup; now: Date; actions: ReactNode }) {
  const at = new Date(backup.createdAt);
  const markdown = [
    `## Backup from ${absoluteTime(at)}`,
    "",
    "The account settings (MobileMeAccounts) as they were before a reset.",
    "",
    "**Restore Account Cache** imports this file with `defaults import MobileMeAccounts` and checks the settings then match it. It brings back the settings on this Mac, not Apple's sign-in on its servers: if iCloud still asks, sign out and back in.",
  ].join("\n");
  return (
    <List.Item
      id={`backup:${backup.name}`}
      title={absoluteTime(at)}
      subtitle={formatBytes(backup.bytes)}
      icon={{ source: Icon.Document, tintColor: Color.PrimaryText }}
      keywords={[backup.name, "backup", "restore"]}
      accessories={[{ text: timeAgo(at, now), tooltip: backup.createdAt }]}
      detail={
        <List.Item.Detail
          markdown={markdown}
          metadata={
            <List.Item.Detail.Metadata>
              <List.Item.Detail.Metadata.Label title="Saved" text={`${absoluteTime(at)} (${timeAgo(at, now)})`} />
              <List.Item.Detail.Metadata.Label title="File" text={backup.name} />
              <List.Item.Detail.Metadata.Label title="Size" text={formatBytes(backup.bytes)} />
            </List.Item.Detail.Metadata>
          }
        />
      }
      actions={actions}
    />
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

const plural = (n: number) => (n === 1 ? "backup" : "backups");

// ---------------------------------------------------------------------------
// Copy Account Summary

/**
 * What support needs about the account, redacted with the identifiers the
 * account check reported (address, DSID, UUID, name): never the email itself.
 */
export function accountSummary(
  account: Finding,
  lastRuns: ReadonlyMap<FixId, FixRecord>,
  backups: readonly Backup[] | undefined,
): string {
  const data = accountData(account);
  const lines = ["Apple Account (Clear iCloud Tokens)", `Status: ${account.summary}`];
  for (const entry of data?.accounts ?? []) {
    const on = entry.services.filter((s) => s.enabled).map((s) => s.name);
    const off = entry.services.filter((s) => !s.enabled).map((s) => s.name);
    lines.push(
      `Account: ${entry.email ?? "unknown"}${entry.managed ? " (Managed Apple Account)" : ""}`,
      `iCloud services on: ${on.join(", ") || "none"}`,
      `iCloud services off: ${off.join(", ") || "none"}`,
    );
  }
  for (const fix of ["restart-icloud-daemons", "reset-account-cache", "restore-account-cache"] as const) {
    const record = lastRuns.get(fix);
    lines.push(
      `${FIX_TITLES[fix]}: ${record ? `${OUTCOME_LOOKS[record.outcome].word.toLowerCase()} at ${record.at}${record.message ? ` (${record.message})` : ""}` : "not run"}`,
    );
  }
  lines.push(`Account settings backups: ${backups?.length ?? 0}`);
  return redact(lines.join("\n"), { identifiers: account.identifiers });
}

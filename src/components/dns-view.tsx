import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { flushDnsFix } from "../core/fixes/flush-dns";
import { settingsUrl } from "../core/fixes/open-settings";
import type { KeyValueStorage } from "../core/history";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import { dnsProbe, type DnsHostResult, type DnsLookup, type ResolverSummary } from "../core/probes/dns";
import { runChecklist } from "../core/run";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import type { Finding } from "../core/types";
import {
  HOST_CHANGE_WORDS,
  PUBLIC_VERDICT_WORDS,
  compareHost,
  dnsData,
  dnsSummaryText,
  hostVerdict,
  isTunnel,
  lookupAnswer,
  publicLookups,
  publicVerdict,
  resolverScope,
  systemLookup,
  type HostChange,
  type PublicVerdict,
} from "./dns-results";
import { findingMarkdown, formatDuration } from "./finding-item";
import { PENDING_LOOK, statusLook } from "./status-icons";
import { useFix } from "./use-fix";
import { useLatestRun } from "./use-latest-run";
import { ToggleDetailAction } from "./toggle-detail-action";

export interface DnsViewProps {
  host: Host;
  /** Where the fix history lives (Raycast's LocalStorage in the extension). */
  storage: KeyValueStorage;
  /** Sign-in hosts and public resolvers (preferences); Apple's and 1.1.1.1, 8.8.8.8 by default. */
  targets?: Targets;
  /** Where the binaries are (tests: a folder of fakes). */
  binaries?: BinaryTable;
  /** Overall bound for the check; the core's default when unset. */
  deadlineMs?: number;
  /** The copied summary hides identifiers unless the user turned that off in preferences. */
  redact?: boolean;
}

/** The screen's state: the finding on screen, and the one before a flush to compare with. */
interface Shown {
  finding?: Finding;
  before?: Finding;
  /** The check itself broke (not the DNS): nothing to show but why. */
  crash?: string;
}

const FIX = "flush-dns" as const;

const PUBLIC_COLORS: Record<PublicVerdict, Color> = {
  agrees: Color.Green,
  // Content networks answer differently per resolver: worth seeing, not alarming.
  differs: Color.Blue,
  resolves: Color.Green,
  failed: Color.Orange,
};

const CHANGE_COLORS: Record<HostChange, Color> = {
  fixed: Color.Green,
  "still-failing": Color.Red,
  "now-failing": Color.Red,
  changed: Color.Blue,
  unchanged: Color.SecondaryText,
};

/**
 * Flush DNS: what this Mac's resolver answers for each sign-in host next to
 * public resolvers, one action to flush the cache, and the rows after the
 * flush marked with what changed. Everything comes in through props, so tests
 * drive it with a replayed Mac and fake executables.
 */
export function DnsView(props: DnsViewProps) {
  const [shown, setShown] = useState<Shown>({});
  const [checking, setChecking] = useState(true);
  const [showingDetail, setShowingDetail] = useState(false);
  const startRun = useLatestRun();
  // check() reads the latest props through a ref, so inline props never restart it.
  const latest = useRef(props);
  latest.current = props;

  const check = useCallback(async () => {
    const { host, targets, binaries, deadlineMs } = latest.current;
    const { signal, isCurrent } = startRun();
    setShown({});
    setChecking(true);
    try {
      const [finding] = await runChecklist([dnsProbe], host, { targets, binaries, deadlineMs, signal });
      if (isCurrent()) setShown({ finding });
    } catch (error) {
      if (!isCurrent()) return;
      setShown({ crash: error instanceof Error ? error.message : String(error) });
      await showFailureToast(error, { title: "Couldn't Check DNS" });
    } finally {
      if (isCurrent()) setChecking(false);
    }
  }, [startRun]);

  useEffect(() => void check(), [check]);

  const fixer = useFix({
    host: props.host,
    storage: props.storage,
    targets: props.targets,
    binaries: props.binaries,
    fixes: [flushDnsFix],
    probes: [dnsProbe],
  });
  const { run: applyFix, running } = fixer;
  const flushing = running === FIX;
  const current = useRef(shown);
  current.current = shown;

  const flush = useCallback(async () => {
    const onScreen = current.current.finding;
    // The rows on screen are the "before": no second lookup before the flush.
    const applied = await applyFix(FIX, onScreen ? [onScreen] : undefined);
    if (applied?.result.outcome !== "done") return; // cancelled or failed: the rows stay as they were
    const before = applied.before.find((f) => f.probe === "dns");
    const after = applied.after.find((f) => f.probe === "dns");
    if (!after) return;
    // A check still in flight would overwrite the after state with older news.
    startRun();
    setChecking(false);
    setShown({ finding: after, before });
  }, [applyFix, startRun]);

  const rerun = useCallback(() => void check(), [check]);
  const toggleDetail = useCallback(() => setShowingDetail((on) => !on), []);

  const { finding, before, crash } = shown;
  const redact = props.redact ?? true;
  const actions = (
    <ActionPanel>
      <ActionPanel.Section>
        {!flushing && <Action title="Flush DNS Cache" icon={Icon.Wand} onAction={flush} />}
        {finding && (
          <Action.CopyToClipboard
            title="Copy DNS Summary"
            icon={Icon.Clipboard}
            content={dnsSummaryText(finding, { before, redact })}
            concealed={!redact}
            shortcut={Keyboard.Shortcut.Common.Copy}
          />
        )}
        <Action.Open
          title="Open Network Settings"
          icon={Icon.Gear}
          target={settingsUrl("open-network-settings")!}
          shortcut={{ modifiers: ["cmd", "shift"], key: "n" }}
        />
      </ActionPanel.Section>
      <ActionPanel.Section>
        <Action
          title="Check Again"
          icon={Icon.ArrowClockwise}
          shortcut={Keyboard.Shortcut.Common.Refresh}
          onAction={rerun}
        />
        <ToggleDetailAction showing={showingDetail} onToggle={toggleDetail} />
      </ActionPanel.Section>
    </ActionPanel>
  );

  const common = { searchBarPlaceholder: "Filter sign-in hosts and resolvers" };

  // The check broke, or had nothing to look at: say why, and offer to look again.
  if (!checking && (crash || (finding && (finding.status === "skip" || finding.status === "error")))) {
    const look = statusLook(finding?.status ?? "error");
    return (
      <List {...common} isLoading={flushing}>
        <List.EmptyView
          icon={look.icon}
          title={finding?.status === "skip" ? "DNS Not Checked" : "Couldn't Check DNS"}
          description={finding?.summary ?? crash}
          actions={actions}
        />
      </List>
    );
  }

  const data = dnsData(finding);
  const hostNames = (props.targets ?? DEFAULT_TARGETS).signInHosts;
  const beforeHosts = dnsData(before)?.hosts;

  return (
    <List {...common} isLoading={checking || flushing} isShowingDetail={showingDetail}>
      <List.Section title={before ? "Verdict After Flush" : "Verdict"}>
        <VerdictItem finding={finding} before={before} actions={actions} />
      </List.Section>
      <List.Section title="Resolvers" subtitle={data?.resolvers ? resolverCount(data.resolvers) : undefined}>
        {finding ? (
          <ResolverItems resolvers={data?.resolvers} actions={actions} />
        ) : (
          <List.Item
            id="resolvers"
            title="Reading Resolvers…"
            icon={PENDING_LOOK.icon}
            accessories={[{ tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }]}
            detail={<List.Item.Detail markdown={"## Resolvers\n\nChecking…"} />}
            actions={actions}
          />
        )}
      </List.Section>
      <List.Section
        title={before ? "Sign-In Hosts After Flush" : "Sign-In Hosts"}
        subtitle={before ? "Compared with before" : "This Mac vs public resolvers"}
      >
        {data
          ? data.hosts.map((host) => (
              <HostItem
                key={host.name}
                host={host}
                before={beforeHosts?.find((h) => h.name === host.name)}
                compared={Boolean(before)}
                actions={actions}
              />
            ))
          : hostNames.map((name) => (
              <List.Item
                key={name}
                id={`host:${name}`}
                title={name}
                icon={PENDING_LOOK.icon}
                accessories={[{ tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }]}
                detail={<List.Item.Detail markdown={`## ${name}\n\nChecking…`} />}
                actions={actions}
              />
            ))}
      </List.Section>
    </List>
  );
}

function resolverCount(resolvers: ResolverSummary): string {
  const n = resolvers.supplemental.length;
  return n === 0 ? "Default only" : `Default + ${n} for specific domains`;
}

function VerdictItem({ finding, before, actions }: { finding?: Finding; before?: Finding; actions: ReactNode }) {
  const look = statusLook(finding?.status);
  const accessories: List.Item.Accessory[] = [];
  if (finding && before) {
    const was = statusLook(before.status);
    accessories.push({
      tag: { value: `${was.word} → ${look.word}`, color: look.color },
      tooltip: `Before the flush: ${before.summary}`,
    });
  } else {
    accessories.push({ tag: { value: look.word, color: look.color } });
  }
  return (
    <List.Item
      id="verdict"
      title={finding?.summary ?? "Checking DNS…"}
      icon={look.icon}
      keywords={["verdict", "dns"]}
      accessories={accessories}
      detail={<List.Item.Detail markdown={verdictMarkdown(finding, before)} />}
      actions={actions}
    />
  );
}

function verdictMarkdown(finding: Finding | undefined, before: Finding | undefined): string {
  const now = findingMarkdown(before ? "DNS After Flush" : "DNS", finding);
  return before ? `${now}\n\n${findingMarkdown("Before Flush", before)}` : now;
}

function ResolverItems({ resolvers, actions }: { resolvers?: ResolverSummary; actions: ReactNode }) {
  if (!resolvers) {
    return (
      <List.Item
        id="resolvers"
        title="Resolvers Not Read"
        subtitle="This Mac's DNS settings couldn't be read"
        icon={{ source: Icon.QuestionMarkCircle, tintColor: Color.SecondaryText }}
        detail={<List.Item.Detail markdown={"## Resolvers\n\nThis Mac's DNS settings couldn't be read."} />}
        actions={actions}
      />
    );
  }
  const nameservers = resolvers.nameservers.join(", ");
  return (
    <>
      <List.Item
        id="resolver:default"
        title={nameservers || "No Nameserver"}
        subtitle="Default for all lookups"
        icon={{ source: Icon.Globe, tintColor: nameservers ? Color.PrimaryText : Color.Orange }}
        keywords={["default", ...resolvers.nameservers]}
        accessories={[{ text: plural(resolvers.nameservers.length, "server") }]}
        detail={
          <List.Item.Detail
            markdown={`## Default Resolver\n\nUsed for every name no other resolver claims.\n\n${bullets(resolvers.nameservers, "No nameserver configured")}`}
          />
        }
        actions={actions}
      />
      {resolvers.supplemental.map((s, index) => {
        const tunnel = isTunnel(s.interface);
        const scope = resolverScope(s);
        return (
          <List.Item
            key={`${s.domain}-${index}`}
            id={`resolver:${s.domain}:${index}`}
            title={s.nameservers.join(", ") || "No Nameserver"}
            subtitle={scope}
            icon={{ source: tunnel ? Icon.Lock : Icon.Network, tintColor: Color.PrimaryText }}
            keywords={[s.domain, s.interface ?? "", ...s.nameservers].filter(Boolean)}
            accessories={
              tunnel ? [{ tag: { value: "VPN", color: Color.Purple }, tooltip: `Interface ${s.interface}` }] : []
            }
            detail={
              <List.Item.Detail
                markdown={`## ${scope}\n\nLookups for names under ${s.domain || "this domain"} go here, not to the default resolver.\n\n${bullets(s.nameservers, "No nameserver")}`}
              />
            }
            actions={actions}
          />
        );
      })}
    </>
  );
}

interface HostItemProps {
  host: DnsHostResult;
  before?: DnsHostResult;
  /** After a flush: mark what changed. */
  compared: boolean;
  actions: ReactNode;
}

function HostItem({ host, before, compared, actions }: HostItemProps) {
  const system = systemLookup(host);
  const verdict = hostVerdict(host);
  const look = statusLook(verdict.status);
  const accessories: List.Item.Accessory[] = [];
  if (compared) {
    const change = compareHost(before, host);
    accessories.push({
      tag: { value: HOST_CHANGE_WORDS[change], color: CHANGE_COLORS[change] },
      tooltip: before ? `Before the flush: ${lookupAnswer(systemLookup(before))}` : undefined,
    });
  }
  for (const lookup of publicLookups(host)) {
    const word = publicVerdict(system, lookup);
    accessories.push({
      tag: { value: `${lookup.server} ${PUBLIC_VERDICT_WORDS[word]}`, color: PUBLIC_COLORS[word] },
      tooltip: `${lookup.server}: ${lookupAnswer(lookup)} (${formatDuration(lookup.ms)})`,
    });
  }
  if (system) accessories.push({ text: formatDuration(system.ms), tooltip: "This Mac's lookup time" });
  return (
    <List.Item
      id={`host:${host.name}`}
      title={host.name}
      subtitle={lookupAnswer(system)}
      icon={look.icon}
      keywords={[verdict.reason]}
      accessories={accessories}
      detail={<HostDetail host={host} before={compared ? before : undefined} reason={verdict.reason} />}
      actions={actions}
    />
  );
}

function HostDetail({ host, before, reason }: { host: DnsHostResult; before?: DnsHostResult; reason: string }) {
  const lines = [`## ${host.name}`, "", reason, "", ...lookupTable(host.lookups)];
  if (before) lines.push("", "### Before Flush", "", ...lookupTable(before.lookups));
  return (
    <List.Item.Detail
      markdown={lines.join("\n")}
      metadata={
        <List.Item.Detail.Metadata>
          {host.lookups.map((lookup) => (
            <List.Item.Detail.Metadata.Label
              key={lookup.server}
              title={serverName(lookup.server)}
              text={`${lookupAnswer(lookup)} · ${formatDuration(lookup.ms)}`}
            />
          ))}
        </List.Item.Detail.Metadata>
      }
    />
  );
}

function lookupTable(lookups: DnsLookup[]): string[] {
  return [
    "| Resolver | Answer | Time |",
    "| --- | --- | --- |",
    ...lookups.map((l) => `| ${serverName(l.server)} | ${lookupAnswer(l)} | ${formatDuration(l.ms)} |`),
  ];
}

function serverName(server: string): string {
  return server === "system" ? "This Mac" : server;
}

function bullets(items: string[], none: string): string {
  return items.length ? items.map((i) => `- ${i}`).join("\n") : none;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

import { Action, ActionPanel, Icon, Keyboard, List } from "@raycast/api";
import { useCallback, useRef, useState } from "react";
import { flushDnsFix } from "../core/fixes/flush-dns";
import { settingsUrl } from "../core/fixes/open-settings";
import type { KeyValueStorage } from "../core/history";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import { dnsProbe } from "../core/probes/dns";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import { dnsData, dnsSummaryText } from "./dns-results";
import { HostItem } from "./dns/host-item";
import { ResolverItems, resolverCount } from "./dns/resolver-items";
import { useDnsCheck } from "./dns/use-dns-check";
import { VerdictItem } from "./dns/verdict-item";
import { DetailPaneOpen, PaneAwareItem } from "./pane-aware-item";
import { PENDING_LOOK, statusLook } from "./status-icons";
import { ToggleDetailAction } from "./toggle-detail-action";
import { useFix } from "./use-fix";

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

const FIX = "flush-dns" as const;

/**
 * Flush DNS: what this Mac's resolver answers for each sign-in host next to
 * public resolvers, one action to flush the cache, and the rows after the
 * flush marked with what changed. Everything comes in through props, so tests
 * drive it with a replayed Mac and fake executables.
 */
export function DnsView(props: DnsViewProps) {
  const check = useDnsCheck(props);
  const { finding, before, crash, checking, check: recheck, showAfter } = check;
  const [showingDetail, setShowingDetail] = useState(false);

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
  const current = useRef(check.finding);
  current.current = check.finding;

  const flush = useCallback(async () => {
    const onScreen = current.current;
    // The rows on screen are the "before": no second lookup before the flush.
    const applied = await applyFix(FIX, onScreen ? [onScreen] : undefined);
    if (applied?.result.outcome !== "done") return; // cancelled or failed: the rows stay as they were
    const before = applied.before.find((f) => f.probe === "dns");
    const after = applied.after.find((f) => f.probe === "dns");
    if (!after) return;
    showAfter(after, before);
  }, [applyFix, showAfter]);

  const rerun = useCallback(() => void recheck(), [recheck]);
  const toggleDetail = useCallback(() => setShowingDetail((on) => !on), []);

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
      <DetailPaneOpen.Provider value={showingDetail}>
        <List.Section title={before ? "Verdict After Flush" : "Verdict"}>
          <VerdictItem finding={finding} before={before} actions={actions} />
        </List.Section>
        <List.Section title="Resolvers" subtitle={data?.resolvers ? resolverCount(data.resolvers) : undefined}>
          {finding ? (
            <ResolverItems resolvers={data?.resolvers} actions={actions} />
          ) : (
            <PaneAwareItem
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
                <PaneAwareItem
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
      </DetailPaneOpen.Provider>
    </List>
  );
}

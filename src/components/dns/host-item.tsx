import { Color, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { DnsHostResult, DnsLookup } from "../../core/probes/dns";
import {
  HOST_CHANGE_WORDS,
  PUBLIC_VERDICT_WORDS,
  compareHost,
  hostVerdict,
  lookupAnswer,
  publicLookups,
  publicVerdict,
  systemLookup,
  type HostChange,
  type PublicVerdict,
} from "../dns-results";
import { formatDuration } from "../finding-item";
import { statusLook } from "../status-icons";
import { PaneAwareItem } from "../pane-aware-item";

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

interface HostItemProps {
  host: DnsHostResult;
  before?: DnsHostResult;
  /** After a flush: mark what changed. */
  compared: boolean;
  actions: ReactNode;
}

/** One sign-in host: this Mac's answer, each public resolver's verdict, and after a flush what changed. */
export function HostItem({ host, before, compared, actions }: HostItemProps) {
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
  // Labelled: beside the resolvers' tags a bare "1 ms" reads as theirs.
  if (system) accessories.push({ text: `This Mac ${formatDuration(system.ms)}`, tooltip: "This Mac's lookup time" });
  return (
    <PaneAwareItem
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

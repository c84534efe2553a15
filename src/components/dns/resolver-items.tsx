import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { ResolverSummary } from "../../core/probes/dns";
import { isTunnel, resolverScope } from "../dns-results";
import { PaneAwareItem } from "../pane-aware-item";

export function resolverCount(resolvers: ResolverSummary): string {
  const n = resolvers.supplemental.length;
  return n === 0 ? "Default only" : `Default + ${n} for specific domains`;
}

/** The default resolver, then one row per domain-specific resolver (a VPN's split DNS among them). */
export function ResolverItems({ resolvers, actions }: { resolvers?: ResolverSummary; actions: ReactNode }) {
  if (!resolvers) {
    return (
      <PaneAwareItem
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
      <PaneAwareItem
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
          <PaneAwareItem
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

function bullets(items: string[], none: string): string {
  return items.length ? items.map((i) => `- ${i}`).join("\n") : none;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

import { isIP } from "node:net";
import { describeResolver } from "../dns-filters";
import { describeError } from "../host/types";
import { APPLE_DOMAINS } from "./hosts-file";
import { parseScutilDns, type DnsResolverEntry } from "../parse/scutil-dns";
import type { Identifier } from "../types";
import type { Probe, ProbeContext } from "./types";
import { attempt, isMac, listWords, readCommand, result } from "./util";

export interface DnsLookup {
  server: string;
  addresses?: string[];
  error?: string;
  ms: number;
}
export interface DnsHostResult {
  name: string;
  lookups: DnsLookup[];
}
export interface ResolverSummary {
  nameservers: string[];
  supplemental: { domain: string; nameservers: string[]; interface?: string }[];
}

/** Addresses a DNS filter answers with to block a name. */
export function isSinkhole(address: string): boolean {
  return /^(0\.0\.0\.0|127\.|::1?$|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
}

export const SLOW_MS = 1000;

/**
 * apple.com, icloud.com and the other public domains sign-in uses, or one name directly under
 * them (gsa.apple.com). Deeper names stay identifiers: Back to My Mac's
 * `<account number>.members.btmm.icloud.com` is per account.
 */
function isAppleDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, "");
  return APPLE_DOMAINS.some((a) => d === a || (d.endsWith(`.${a}`) && !d.slice(0, -a.length - 1).includes(".")));
}

/** Every sign-in host through the Mac's own resolver and through public ones, side by side. */
export async function lookupSignInHosts(ctx: ProbeContext): Promise<DnsHostResult[]> {
  const servers = ["system", ...ctx.targets.publicResolvers];
  return Promise.all(
    ctx.targets.signInHosts.map(async (name) => ({
      name,
      lookups: await Promise.all(
        servers.map(async (server) => {
          const r = await attempt(() => ctx.host.dns(name, server, { signal: ctx.signal }));
          return { server, addresses: r.value?.addresses, error: r.code, ms: r.ms };
        }),
      ),
    })),
  );
}

async function readResolvers(
  ctx: ProbeContext,
): Promise<{ summary?: ResolverSummary; note?: string; identifiers: Identifier[] }> {
  if (!isMac(ctx)) return { identifiers: [] };
  const out = await readCommand(ctx, [ctx.bin.scutil, "--dns"]);
  if (!out.ok) return { note: out.result.summary, identifiers: [] };
  const parsed = parseScutilDns(out.stdout);
  const domainOf = (r: DnsResolverEntry) => (r.domain ?? "").replace(/\.$/, "");
  const summary: ResolverSummary = {
    nameservers: parsed.defaultResolver?.nameservers ?? [],
    supplemental: parsed.supplemental.map((r) => ({
      domain: domainOf(r),
      nameservers: r.nameservers,
      interface: r.interface,
    })),
  };
  const identifiers: Identifier[] = [
    ...parsed.resolvers.flatMap((r) =>
      r.searchDomains.map((value) => ({ value: value.replace(/\.$/, ""), kind: "domain" as const })),
    ),
    ...summary.supplemental
      // A company's split-DNS domain is private; Apple's own (a resolver file for apple.com) is not,
      // and hiding it would blank every Apple host name in the report.
      .filter((s) => s.domain && !/(^|\.)(local|arpa)$/.test(s.domain) && !isAppleDomain(s.domain))
      .map((s) => ({ value: s.domain, kind: "domain" as const })),
  ];
  return { summary, identifiers };
}

export const dnsProbe: Probe = {
  id: "dns",
  title: "DNS",
  area: "network",
  async run(ctx) {
    const [hosts, resolvers] = await Promise.all([lookupSignInHosts(ctx), readResolvers(ctx)]);
    return judgeDns(hosts, resolvers.summary, resolvers.note, resolvers.identifiers);
  },
};

/** Pure verdict over the lookups: exported for the Flush DNS command's before/after. */
export function judgeDns(
  hosts: DnsHostResult[],
  resolvers?: ResolverSummary,
  note?: string,
  identifiers: Identifier[] = [],
) {
  const data = { hosts, resolvers };
  const details: string[] = [];
  if (resolvers) {
    details.push(
      `Resolvers in use: ${resolvers.nameservers.length ? resolvers.nameservers.join(", ") : "none configured"}`,
    );
    for (const s of resolvers.supplemental) {
      details.push(
        `Only for ${s.domain}: ${s.nameservers.join(", ") || "no nameserver"}${s.interface ? ` (${s.interface})` : ""}`,
      );
    }
  } else if (note) {
    details.push(note);
  }
  for (const h of hosts) {
    details.push(
      `${h.name}: ${h.lookups.map((l) => `${l.server} ${l.addresses ? `${l.addresses.join(" ") || "no address"} (${l.ms} ms)` : describeError(l.error ?? "")}`).join(" · ")}`,
    );
  }
  const extra = { data, identifiers };
  // Which server this Mac asked first, and what it likely is: named when it sinks or refuses Apple's names.
  const firstServer = resolvers?.nameservers[0];
  const filter = firstServer ? { server: firstServer, what: describeResolver(firstServer) } : undefined;
  const blockedBy = filter ? [`This Mac asks ${filter.what ?? filter.server} first`] : [];

  const all = hosts.flatMap((h) => h.lookups);
  if (all.length === 0 || all.every((l) => l.error === "ENOTRECORDED")) {
    return { ...result("skip", "No DNS lookups in the recording", details, extra) };
  }
  const systemOf = (h: DnsHostResult) => h.lookups.find((l) => l.server === "system");
  const publicOk = (h: DnsHostResult) => h.lookups.some((l) => l.server !== "system" && l.addresses?.length);

  const sinkholed = hosts.filter((h) => systemOf(h)?.addresses?.some((a) => isSinkhole(a) && isIP(a)));
  if (sinkholed.length) {
    const names = sinkholed.map((h) => `${h.name} → ${systemOf(h)!.addresses!.join(", ")}`);
    return result(
      "fail",
      `Your DNS blocks ${listWords(sinkholed.map((h) => h.name))} (answers with a blocking address)`,
      [...names, ...blockedBy, ...details],
      {
        ...extra,
        fixes: ["open-network-settings"],
        data: { ...data, verdict: "sinkhole", hostsAffected: sinkholed.map((h) => h.name), filter },
      },
    );
  }
  const systemFails = hosts.filter((h) => !systemOf(h)?.addresses?.length && systemOf(h)?.error !== "ENOTRECORDED");
  const publicWorks = systemFails.filter(publicOk);
  if (publicWorks.length) {
    const server = publicWorks[0].lookups.find((l) => l.server !== "system" && l.addresses?.length)!.server;
    const names =
      publicWorks.length === hosts.length ? "Apple's sign-in hosts" : listWords(publicWorks.map((h) => h.name));
    return result("fail", `This Mac's DNS can't find ${names}, but ${server} can`, [...blockedBy, ...details], {
      ...extra,
      fixes: ["flush-dns", "open-network-settings"],
      data: { ...data, verdict: "system-fails", hostsAffected: publicWorks.map((h) => h.name), filter },
    });
  }
  if (systemFails.length === hosts.length) {
    return result("fail", "No DNS server answered for Apple's sign-in hosts", details, {
      ...extra,
      fixes: ["flush-dns", "open-network-settings"],
      data: { ...data, verdict: "none-answer", hostsAffected: systemFails.map((h) => h.name) },
    });
  }
  if (systemFails.length) {
    return result("warn", `${listWords(systemFails.map((h) => h.name))} didn't resolve anywhere`, details, {
      ...extra,
      fixes: ["flush-dns"],
      data: { ...data, verdict: "partial", hostsAffected: systemFails.map((h) => h.name) },
    });
  }
  const slow = hosts.filter((h) => (systemOf(h)?.ms ?? 0) > SLOW_MS);
  if (slow.length) {
    return result(
      "warn",
      `DNS works but is slow (${Math.max(...slow.map((h) => systemOf(h)!.ms))} ms for ${slow[0].name})`,
      details,
      {
        ...extra,
        fixes: ["flush-dns"],
        data: { ...data, verdict: "slow" },
      },
    );
  }
  return result("pass", `All ${hosts.length} sign-in hosts resolve`, details, {
    ...extra,
    data: { ...data, verdict: "ok" },
  });
}

import type { DnsHostResult, ResolverSummary } from "../core/probes/dns";
import { describeError } from "../core/host/types";

// The `dns` command's table: each sign-in host through each resolver,
// addresses and time, so "system fails, 1.1.1.1 works" is visible at a glance.

export function resolverLines(resolvers: ResolverSummary | undefined): string[] {
  if (!resolvers) return ["Resolvers in use: unknown (only read on macOS)"];
  return [
    `Resolvers in use: ${resolvers.nameservers.join(", ") || "none configured"}`,
    ...resolvers.supplemental.map(
      (s) =>
        `  only for ${s.domain}: ${s.nameservers.join(", ") || "no nameserver"}${s.interface ? ` via ${s.interface}` : ""}`,
    ),
  ];
}

export function hostTable(hosts: DnsHostResult[]): string[] {
  const servers = hosts[0]?.lookups.map((l) => l.server) ?? [];
  const cell = (l: DnsHostResult["lookups"][number] | undefined) =>
    !l
      ? ""
      : l.addresses
        ? `${l.addresses[0] ?? "no address"}${l.addresses.length > 1 ? ` (+${l.addresses.length - 1})` : ""} · ${l.ms} ms`
        : describeError(l.error ?? "");
  const rows = [
    ["Host", ...servers.map((s) => (s === "system" ? "This Mac" : s))],
    ...hosts.map((h) => [h.name, ...servers.map((s) => cell(h.lookups.find((l) => l.server === s)))]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
}

import { describeError, errorCode } from "../host/types";
import { clatState, parseIfconfig, type ClatState } from "../parse/ifconfig";
import { IPV4ONLY_ARPA, nat64Prefixes } from "../parse/nat64";
import { parseNetstatRoutes, primaryDefault, type DefaultRoute } from "../parse/netstat-routes";
import type { ProbeContext } from "./types";
import { isMac } from "./util";

// Which address families this Mac can use, read once per run (the shared host caches each input)
// by internet and apple-hosts: the default routes (`netstat -rn`), CLAT on macOS 13+ (`ifconfig`),
// and NAT64 from `ipv4only.arpa` through this Mac's resolver (RFC 7050). An input that can't be
// read leaves its fact unknown (undefined), so a recording without them reads as it always did.

export interface AddressFamilies {
  /** The primary default route per family; `null` when netstat was read and has none; undefined when unread. */
  ipv4?: DefaultRoute | null;
  ipv6?: DefaultRoute | null;
  /** NAT64 prefixes from the DNS64 answer and ifconfig; undefined when neither could be read. */
  nat64?: string[];
  /** The DNS64 answer for ipv4only.arpa (undefined when unread). */
  dns64?: string[];
  clat?: ClatState;
  /** One line per fact that was measured. */
  details: string[];
}

export async function readAddressFamilies(ctx: ProbeContext): Promise<AddressFamilies> {
  const mac = isMac(ctx);
  const [netstat, ifconfig, v4only] = await Promise.all([
    mac ? settle(() => ctx.host.exec([ctx.bin.netstat, "-rn"], { signal: ctx.signal })) : undefined,
    mac ? settle(() => ctx.host.exec([ctx.bin.ifconfig], { signal: ctx.signal })) : undefined,
    settle(() => ctx.host.dns(IPV4ONLY_ARPA, "system", { signal: ctx.signal })),
  ]);
  const out: AddressFamilies = { details: [] };
  const table = netstat?.value && netstat.value.exitCode === 0 ? parseNetstatRoutes(netstat.value.stdout) : undefined;
  if (table) {
    for (const family of [4, 6] as const) {
      if (!table.sections.includes(family)) continue;
      const route = primaryDefault(table, family) ?? null;
      out[family === 4 ? "ipv4" : "ipv6"] = route;
      out.details.push(
        route
          ? `IPv${family}: default route via ${route.gateway} (${route.netif})`
          : `IPv${family}: no default route${family === 6 && table.defaults.some((d) => d.family === 6) ? " (only this Mac's own tunnels)" : ""}`,
      );
    }
  }
  const clat = ifconfig?.value?.exitCode === 0 ? clatState(parseIfconfig(ifconfig.value.stdout)) : undefined;
  if (clat) {
    out.clat = clat;
    const bits = [clat.ipv4, clat.prefixes.length ? `NAT64 prefix ${clat.prefixes.join(", ")}` : undefined]
      .filter(Boolean)
      .join("; ");
    out.details.push(
      clat.active
        ? `CLAT: on ${clat.interface}${bits ? ` (${bits})` : ""}: macOS translates IPv4 over IPv6`
        : `NAT64 prefix ${clat.prefixes.join(", ")} announced on ${clat.interface}`,
    );
  }
  if (v4only?.value) {
    const v6 = v4only.value.addresses.filter((a) => a.includes(":"));
    const prefixes = nat64Prefixes(v6);
    out.dns64 = v6;
    out.details.push(
      prefixes.length
        ? `NAT64: ${IPV4ONLY_ARPA} answers ${v6.slice(0, 2).join(", ")} (prefix ${prefixes.join(", ")}, RFC 7050)`
        : `NAT64: none (${IPV4ONLY_ARPA} has no IPv6 address here)`,
    );
    out.nat64 = prefixes;
  } else if (v4only?.code && v4only.code !== "ENOTRECORDED" && v4only.code !== "ECANCELLED") {
    out.details.push(`NAT64: couldn't look up ${IPV4ONLY_ARPA} (${describeError(v4only.code)})`);
  }
  if (clat?.prefixes.length) out.nat64 = [...new Set([...(out.nat64 ?? []), ...clat.prefixes])];
  return out;
}

/** This Mac has no IPv4 of its own: netstat shows no IPv4 default route (a CLAT route counts as IPv4). */
export function ipv6Only(f: AddressFamilies): boolean {
  return f.ipv4 === null && !!f.ipv6;
}

async function settle<T>(op: () => Promise<T>): Promise<{ value?: T; code?: string }> {
  try {
    return { value: await op() };
  } catch (error) {
    return { code: errorCode(error) };
  }
}

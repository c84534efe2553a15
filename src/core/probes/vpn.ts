import { parseIfconfig, tunnelInterfaces } from "../parse/ifconfig";
import { parseScutilDns } from "../parse/scutil-dns";
import { parseScutilNcList } from "../parse/scutil-nc";
import type { Identifier } from "../types";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

const TUNNEL = /^(utun|ppp|ipsec|tun|tap|wg)\d*/;

// Four witnesses, any one enough: a Connected VPN service, a tunnel
// interface carrying a real address (every Mac has utun interfaces with only
// fe80:: on them: those are system services, not a VPN), resolvers that
// only answer through a tunnel (split DNS), or a resolver scoped to a tunnel.
export const vpnProbe: Probe = {
  id: "vpn",
  title: "VPN",
  area: "security",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `VPNs are only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    const [nc, ifc, dns] = await Promise.all([
      readCommand(ctx, [ctx.bin.scutil, "--nc", "list"]),
      readCommand(ctx, [ctx.bin.ifconfig]),
      readCommand(ctx, [ctx.bin.scutil, "--dns"]),
    ]);
    if (!nc.ok && !ifc.ok && !dns.ok) return nc.result;
    const services = nc.ok ? parseScutilNcList(nc.stdout) : [];
    const connected = services.filter((s) => s.status === "Connected" || s.status === "Connecting");
    const tunnels = ifc.ok ? tunnelInterfaces(parseIfconfig(ifc.stdout)) : [];
    const resolvers = dns.ok ? parseScutilDns(dns.stdout) : undefined;
    const splitDns = resolvers ? resolvers.supplemental.filter((r) => r.interface && TUNNEL.test(r.interface)) : [];
    // What an OpenVPN or WireGuard tunnel pushes: a Scoped resolver on utunN.
    // Client-managed tunnels never show in `scutil --nc list`, so this alone is
    // evidence of a VPN. One per interface, and none already counted as split DNS.
    const splitIfs = new Set(splitDns.map((r) => r.interface));
    const scopedDns = (resolvers?.resolvers ?? [])
      .filter(
        (r) =>
          (r.section === "scoped" || r.flags.includes("Scoped")) &&
          r.nameservers.length > 0 &&
          r.interface !== undefined &&
          TUNNEL.test(r.interface) &&
          !splitIfs.has(r.interface),
      )
      .filter((r, i, all) => all.findIndex((o) => o.interface === r.interface) === i);
    const identifiers: Identifier[] = [
      ...services.map((s) => ({ value: s.name, kind: "vpn" as const })),
      ...splitDns.flatMap((r) => (r.domain ? [{ value: r.domain.replace(/\.$/, ""), kind: "domain" as const }] : [])),
    ];
    const details = [
      ...services.map((s) => `${s.name} (${s.type}${s.subtype ? `: ${s.subtype}` : ""}): ${s.status}`),
      ...tunnels.map(
        (t) => `${t.name} is up with ${[...t.ipv4.map((a) => a.address), ...t.ipv6.map((a) => a.address)].join(", ")}`,
      ),
      ...splitDns.map((r) => `DNS for ${r.domain ?? "some names"} goes through ${r.interface}`),
      ...scopedDns.map((r) => `A resolver (${r.nameservers.join(", ")}) is scoped to the tunnel ${r.interface}`),
      ...[nc, ifc, dns].flatMap((o) => (o.ok ? [] : [o.result.summary])),
    ];
    const data = {
      connected: connected.map((s) => ({ name: s.name, type: s.type, subtype: s.subtype })),
      tunnels: tunnels.map((t) => t.name),
      splitDns: splitDns.map((r) => r.interface),
      scopedDns: scopedDns.map((r) => r.interface),
    };
    const extra = { fixes: ["open-vpn-settings" as const], data, identifiers };
    if (connected.length) {
      const names = connected.map((s) => s.name).join(", ");
      return result("warn", `VPN connected: ${names}. If sign-in fails, try once with it off`, details, extra);
    }
    if (tunnels.length || splitDns.length || scopedDns.length) {
      const where = tunnels[0]?.name ?? splitDns[0]?.interface ?? scopedDns[0]?.interface;
      return result("warn", `A VPN tunnel is up (${where}). If sign-in fails, try once with it off`, details, extra);
    }
    return result("pass", services.length ? "No VPN connected" : "No VPN set up", details, { data, identifiers });
  },
};

import { describeError } from "../host/types";
import { synthesize } from "../parse/nat64";
import { ipv6Only, readAddressFamilies, type AddressFamilies } from "./address-families";
import type { Probe } from "./types";
import { attempt, hostOf, result } from "./util";

// Raw connectivity without DNS (an IP and a port), with the captive-portal
// fetch as a second witness: some networks block 1.1.1.1 but still work.
// Which address families are up says why: an IPv6-only network reaches
// 1.1.1.1 only through CLAT, or its NAT64 address (64:ff9b::101:101).
export const internetProbe: Probe = {
  id: "internet",
  title: "Internet Connection",
  area: "network",
  async run(ctx) {
    const { host, targets, signal } = ctx;
    const { host: ip, port } = targets.rawConnectivity;
    const [raw, web, families] = await Promise.all([
      attempt(() => host.tcp(ip, port, { signal })),
      attempt(() => host.http(targets.captiveUrl, { signal })),
      readAddressFamilies(ctx),
    ]);
    // No IPv4 literal gets through without CLAT; its NAT64 address does (RFC 6052).
    const via64 = raw.value !== "open" ? synthesize(families.nat64?.[0] ?? "", ip) : undefined;
    const raw64 = via64 ? await attempt(() => host.tcp(via64, port, { signal })) : undefined;
    const rawText = raw.value
      ? `${ip}:${port} ${raw.value} (${raw.ms} ms)`
      : `${ip}:${port}: ${describeError(raw.code!)}`;
    const webText = web.value
      ? `${hostOf(targets.captiveUrl)} answered HTTP ${web.value.status}`
      : `${hostOf(targets.captiveUrl)}: ${describeError(web.code!)}`;
    const raw64Text =
      raw64 && raw64.code !== "ENOTRECORDED"
        ? [`[${via64}]:${port} (${ip} through NAT64) ${raw64.value ?? describeError(raw64.code!)}`]
        : [];
    const details = [rawText, ...raw64Text, webText, ...families.details];
    const data = { raw: raw.value ?? raw.code, ...familyData(families) };
    const how = familyWords(families);
    if (raw.value === "open") return result("pass", `Connected to the internet${how}`, details, { data });
    if (raw64?.value === "open") {
      const prefix = families.nat64?.[0] ? ` (${families.nat64[0]})` : "";
      return result("pass", `Connected to the internet over IPv6 only, through NAT64${prefix}`, details, {
        data: { ...data, raw64: raw64.value },
      });
    }
    if (web.value) {
      const summary =
        ipv6Only(families) && families.nat64?.length === 0
          ? "Internet works over IPv6 only, and this network has no NAT64: servers without an IPv6 address are out of reach"
          : `Internet works, but a direct connection to ${ip}:${port} was ${raw.value ?? "not possible"}`;
      return result("warn", summary, details, { data });
    }
    if (raw.code === "ENOTRECORDED" && web.code === "ENOTRECORDED")
      return result("skip", "No connectivity inputs in the recording");
    return result("fail", "This Mac isn't connected to the internet", details, {
      fixes: ["open-network-settings"],
      data,
    });
  },
};

/** " (IPv6 only, through NAT64 64:ff9b::/96 and CLAT)" when the families were read and IPv4 isn't native. */
function familyWords(f: AddressFamilies): string {
  const prefix = f.nat64?.length ? ` ${f.nat64[0]}` : "";
  if (f.clat?.active) return ` (IPv6 only: IPv4 through CLAT and NAT64${prefix})`;
  if (ipv6Only(f)) return f.nat64?.length ? ` (IPv6 only, through NAT64${prefix})` : " (IPv6 only)";
  return "";
}

function familyData(f: AddressFamilies): Record<string, unknown> {
  if (f.ipv4 === undefined && f.ipv6 === undefined && f.nat64 === undefined) return {};
  return {
    families: {
      ipv4: f.ipv4 === undefined ? undefined : !!f.ipv4,
      ipv6: f.ipv6 === undefined ? undefined : !!f.ipv6,
      nat64: f.nat64,
      clat: !!f.clat?.active,
    },
  };
}

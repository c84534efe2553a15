import { LOOKUP_ERRORS, describeError } from "../host/types";
import type { AddressFamilies } from "./address-families";
import type { ProbeContext } from "./types";
import { attempt, listWords } from "./util";

// The sign-in hosts over IPv4 and over IPv6 separately. macOS tries IPv6 first where it has a
// route, so "fine over IPv4, times out over IPv6" (broken IPv6) stalls sign-in while every default
// handshake (IPv4 first) passes; and a Mac with no IPv4 and no NAT64 can't reach a host with no
// IPv6 address at all.

export interface FamilyShake {
  host: string;
  family: 4 | 6;
  ok: boolean;
  /** ENODATA: the name has no address of this family. */
  error?: string;
  ms: number;
}

export interface FamilyReport {
  shakes: FamilyShake[];
  /** Hosts that answer over IPv4 but fail over an IPv6 route this Mac has. */
  brokenOverIpv6: FamilyShake[];
  /** Hosts with no IPv6 address, when this Mac has no IPv4 and no NAT64. */
  noIpv6Address: string[];
  details: string[];
}

const NOT_MEASURED = new Set(["ENOTRECORDED", "ECANCELLED"]);

export async function handshakeByFamily(ctx: ProbeContext, families: AddressFamilies): Promise<FamilyReport> {
  const port = ctx.targets.tlsPort;
  const runs = ctx.targets.signInHosts.map(async (host) => {
    // The name's own addresses (the lookup the dns probe and the handshakes share): a host with
    // IPv4 only has nothing to compare, the default handshake already tested it.
    const answer = await attempt(() => ctx.host.dns(host, "system", { signal: ctx.signal }));
    const addresses = answer.value?.addresses ?? [];
    const has6 = addresses.some((a) => a.includes(":"));
    const has4 = addresses.some((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
    // A family netstat shows no route for is not up: nothing to test over it.
    const wanted = ([4, 6] as const).filter(
      (f) => has6 && (f === 6 || has4) && (f === 4 ? families.ipv4 : families.ipv6) !== null,
    );
    const shakes = await Promise.all(
      wanted.map(async (family): Promise<FamilyShake> => {
        const r = await attempt(() => ctx.host.tls(host, port, { signal: ctx.signal, family }));
        return { host, family, ok: !!r.value, error: r.code, ms: r.ms };
      }),
    );
    return { host, shakes, noIpv6: !!answer.value && !has6 };
  });
  const perHost = await Promise.all(runs);
  const shakes = perHost.flatMap((h) => h.shakes).filter((s) => !NOT_MEASURED.has(s.error ?? ""));
  const of = (family: 4 | 6) => shakes.filter((s) => s.family === family);
  // With netstat read, IPv6 counts only over a real route; without it, only a timeout (a Mac with no
  // IPv6 route fails at once with "unreachable", which is no fault).
  const v6Route = families.ipv6 === undefined ? undefined : !!families.ipv6;
  const connectFailure = (s: FamilyShake) =>
    !s.ok && s.error !== "ENODATA" && !LOOKUP_ERRORS.has(s.error ?? "") && (v6Route || s.error === "ETIMEDOUT");
  const v4ok = new Set(
    of(4)
      .filter((s) => s.ok)
      .map((s) => s.host),
  );
  const brokenOverIpv6 = v6Route === false ? [] : of(6).filter((s) => connectFailure(s) && v4ok.has(s.host));
  const noV4 = families.ipv4 === null && families.nat64?.length === 0;
  const noIpv6Address = noV4 ? perHost.filter((h) => h.noIpv6).map((h) => h.host) : [];
  const details = ([4, 6] as const).flatMap((family) => (of(family).length ? [familyLine(family, of(family))] : []));
  if (noIpv6Address.length) details.push(`No IPv6 address (AAAA) for ${listWords(noIpv6Address)}`);
  return { shakes, brokenOverIpv6, noIpv6Address, details };
}

function familyLine(family: 4 | 6, shakes: FamilyShake[]): string {
  const ok = shakes.filter((s) => s.ok);
  const none = shakes.filter((s) => s.error === "ENODATA");
  const failed = shakes.filter((s) => !s.ok && s.error !== "ENODATA");
  const parts = [
    ok.length ? `${ok.length === shakes.length ? "all answer" : `${listWords(ok.map((s) => s.host))} answer`}` : "",
    ...failed.map((s) => `${s.host} ${describeError(s.error ?? "")}`),
    none.length ? `no IPv${family} address for ${listWords(none.map((s) => s.host))}` : "",
  ].filter(Boolean);
  return `Over IPv${family}: ${parts.join("; ")}`;
}

import { describeFailure, LOOKUP_ERRORS } from "../host/types";
import { readAddressFamilies } from "./address-families";
import { handshakeByFamily } from "./family-handshakes";
import { handshakeSignInHosts } from "./handshakes";
import { askSignInService } from "./sign-in-service";
import type { Probe } from "./types";
import { listWords, result } from "./util";

// Can this Mac complete a TLS handshake with each host the sign-in flow
// uses? Any handshake, even one with a certificate complaint, means the
// host is reachable; what the certificate says is tls-inspection's business.
// Then two checks a handshake can't make: does Apple's sign-in service itself
// answer (GrandSlam's lookup), and do the hosts answer over IPv4 and IPv6 alike.
export const appleHostsProbe: Probe = {
  id: "apple-hosts",
  title: "Apple Sign-In Servers",
  area: "apple",
  async run(ctx) {
    const families = readAddressFamilies(ctx);
    const [shakes, service, byFamily] = await Promise.all([
      handshakeSignInHosts(ctx),
      askSignInService(ctx),
      families.then((f) => handshakeByFamily(ctx, f)),
    ]);
    const extra = [...(service?.detail ? [service.detail] : []), ...byFamily.details];
    const details = [
      ...shakes.map((s) =>
        s.tls
          ? `${s.host}:${s.port} handshake OK (${s.ms} ms)`
          : `${s.host}:${s.port} ${describeFailure(s.error ?? "", s.host)}`,
      ),
      ...extra,
    ];
    const data: Record<string, unknown> = {
      hosts: shakes.map((s) => ({ host: s.host, reachable: !!s.tls, error: s.error, ms: s.ms })),
      ...(service?.measured
        ? { service: { status: service.status, kind: service.verdict?.kind, error: service.error } }
        : {}),
      ...(byFamily.shakes.length ? { byFamily: byFamily.shakes } : {}),
    };
    const measured = shakes.filter((s) => s.error !== "ENOTRECORDED" && s.error !== "ECANCELLED");
    if (measured.length === 0) return result("skip", "No TLS handshakes in the recording", details);
    const down = measured.filter((s) => !s.tls);
    if (down.length === 0) {
      // Every server answers, but the sign-in service's answer is someone's page: something is in Apple's place.
      if (service?.foreign) {
        return result("fail", service.foreign, details, {
          fixes: ["open-network-settings"],
          data: { ...data, cause: "blocked", foreignAnswer: true },
        });
      }
      const broken = byFamily.brokenOverIpv6;
      if (broken.length) {
        const why = describeFailure(broken[0].error ?? "", broken[0].host);
        return result(
          "warn",
          `Sign-in servers answer over IPv4, but over IPv6 ${listWords(broken.map((s) => s.host))} ${broken.length === 1 ? "fails" : "fail"} (${why})`,
          details,
          { fixes: ["open-network-settings"], data: { ...data, ipv6Broken: broken.map((s) => s.host) } },
        );
      }
      return result("pass", `All ${measured.length} sign-in servers answer`, details, { data });
    }
    const byName = down.every((s) => LOOKUP_ERRORS.has(s.error ?? ""));
    const names = listWords(down.map((s) => s.host));
    const why = describeFailure(down[0].error ?? "", down[0].host);
    const noV6 = down.filter((s) => byFamily.noIpv6Address.includes(s.host)).map((s) => s.host);
    const summary = noV6.length
      ? `Can't reach ${listWords(noV6)}: ${noV6.length === 1 ? "it has" : "they have"} no IPv6 address, and this Mac has no IPv4 route and no NAT64`
      : down.length === measured.length
        ? `Can't reach any Apple sign-in server (${why})`
        : `Can't reach ${names} (${why})`;
    return result("fail", summary, details, {
      fixes: byName ? ["flush-dns", "open-network-settings"] : ["open-network-settings"],
      data: { ...data, cause: byName ? "dns" : "blocked", ...(noV6.length ? { noIpv4: noV6 } : {}) },
    });
  },
};

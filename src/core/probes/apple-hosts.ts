import { describeFailure, LOOKUP_ERRORS } from "../host/types";
import { handshakeSignInHosts } from "./handshakes";
import type { Probe } from "./types";
import { listWords, result } from "./util";

// Can this Mac complete a TLS handshake with each host the sign-in flow
// uses? Any handshake, even one with a certificate complaint, means the
// host is reachable; what the certificate says is tls-inspection's business.
export const appleHostsProbe: Probe = {
  id: "apple-hosts",
  title: "Apple Sign-In Servers",
  area: "apple",
  async run(ctx) {
    const shakes = await handshakeSignInHosts(ctx);
    const details = shakes.map((s) =>
      s.tls
        ? `${s.host}:${s.port} handshake OK (${s.ms} ms)`
        : `${s.host}:${s.port} ${describeFailure(s.error ?? "", s.host)}`,
    );
    const data = { hosts: shakes.map((s) => ({ host: s.host, reachable: !!s.tls, error: s.error, ms: s.ms })) };
    const measured = shakes.filter((s) => s.error !== "ENOTRECORDED" && s.error !== "ECANCELLED");
    if (measured.length === 0) return result("skip", "No TLS handshakes in the recording", details);
    const down = measured.filter((s) => !s.tls);
    if (down.length === 0) return result("pass", `All ${measured.length} sign-in servers answer`, details, { data });
    const byName = down.every((s) => LOOKUP_ERRORS.has(s.error ?? ""));
    const names = listWords(down.map((s) => s.host));
    const why = describeFailure(down[0].error ?? "", down[0].host);
    return result(
      "fail",
      down.length === measured.length
        ? `Can't reach any Apple sign-in server (${why})`
        : `Can't reach ${names} (${why})`,
      details,
      {
        fixes: byName ? ["flush-dns", "open-network-settings"] : ["open-network-settings"],
        data: { ...data, cause: byName ? "dns" : "blocked" },
      },
    );
  },
};

import { CLOCK_CERT_ERRORS, handshakeSignInHosts, isCdnHost, isExpectedIssuer } from "./handshakes";
import type { Probe } from "./types";
import { listWords, result } from "./util";

/**
 * An issuer's name for a sentence: inspectors pad theirs with notes
 * ("Zscaler Intermediate Root CA (zscaler.net) (t) "); the details keep the
 * certificate's exact text for support.
 */
export function issuerName(issuer: string | undefined): string | undefined {
  const name = issuer?.replace(/(\s*\([^()]*\))+\s*$/, "").trim();
  return name || issuer?.trim() || undefined;
}

// Apple's sign-in fails behind HTTPS inspection (a corporate proxy, an
// antivirus "web shield", some VPNs): the certificate the Mac sees is then
// issued by the inspector, not by Apple.
export const tlsInspectionProbe: Probe = {
  id: "tls-inspection",
  title: "HTTPS Inspection",
  area: "security",
  async run(ctx) {
    const shakes = (await handshakeSignInHosts(ctx)).filter((s) => s.tls);
    if (shakes.length === 0) return result("skip", "No certificates to inspect (no handshake completed)");
    const details = shakes.map(
      (s) =>
        `${s.host}: issued by ${s.tls!.issuer ?? "unknown"}${s.tls!.error ? ` (${s.tls!.error})` : ""}${s.tls!.validTo ? `, valid ${s.tls!.validFrom?.slice(0, 10)} to ${s.tls!.validTo.slice(0, 10)}` : ""}`,
    );
    // A CDN name (appleid.cdn-apple.com) has no publicly documented issuer:
    // shown, but its issuer alone is never read as inspection.
    const foreign = shakes.filter((s) => !isExpectedIssuer(s.tls!.issuer) && !isCdnHost(s.host));
    const clockErrors = shakes.filter((s) => CLOCK_CERT_ERRORS.has(s.tls!.error ?? ""));
    const data = {
      issuers: [...new Set(shakes.map((s) => s.tls!.issuer ?? "unknown"))],
      foreign: foreign.map((s) => s.host),
      clockErrors: clockErrors.map((s) => ({ host: s.host, error: s.tls!.error })),
    };
    if (foreign.length) {
      const issuer = issuerName(foreign[0].tls!.issuer) ?? "an unknown issuer";
      return result(
        "fail",
        `${listWords(foreign.map((s) => s.host))} ${foreign.length === 1 ? "presents" : "present"} a certificate from "${issuer}", not Apple: something is inspecting HTTPS`,
        details,
        { fixes: ["open-network-settings", "open-vpn-settings"], data },
      );
    }
    if (clockErrors.length) {
      // This probe can't see the clock's measurement, so it names both readings;
      // the diagnosis weighs them (a clock measured right rules the clock out).
      const reading =
        clockErrors[0].tls!.error === "CERT_HAS_EXPIRED"
          ? "expired to this Mac: a clock that's off, or something serving old certificates"
          : "not yet valid to this Mac: a clock that's off, or something serving certificates dated ahead";
      return result("warn", `Apple's certificates look ${reading}`, details, {
        fixes: ["open-date-time-settings"],
        data,
      });
    }
    return result("pass", `Certificates come from Apple (${shakes.length} checked)`, details, { data });
  },
};

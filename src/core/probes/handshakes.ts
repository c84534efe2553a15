import type { TlsResult } from "../host/types";
import type { ProbeContext } from "./types";
import { attempt } from "./util";

export interface Handshake {
  host: string;
  port: number;
  ms: number;
  tls?: TlsResult;
  /** Why no handshake happened (ECONNREFUSED, ETIMEDOUT, ENOTFOUND, ...). */
  error?: string;
}

/** One TLS handshake per sign-in host. The run's shared host makes apple-hosts and tls-inspection share them. */
export function handshakeSignInHosts(ctx: ProbeContext): Promise<Handshake[]> {
  const port = ctx.targets.tlsPort;
  return Promise.all(
    ctx.targets.signInHosts.map(async (host) => {
      const r = await attempt(() => ctx.host.tls(host, port, { signal: ctx.signal }));
      return { host, port, ms: r.ms, tls: r.value, error: r.code };
    }),
  );
}

/** Issuers Apple's sign-in hosts really use (REFERENCE.md f). */
export function isExpectedIssuer(issuer: string | undefined): boolean {
  if (!issuer) return false;
  return /^Apple (Public (EV )?Server (RSA|ECC) CA|Server Authentication CA|IST CA)|^DigiCert\b/.test(issuer.trim());
}

/** Apple's CDN names (`*.cdn-apple.com`): reachable like the rest, but their certificate issuer isn't documented. */
export function isCdnHost(host: string): boolean {
  return /\.cdn-apple\.com$/i.test(host);
}

export const CLOCK_CERT_ERRORS = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);

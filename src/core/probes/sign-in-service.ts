import { describeError } from "../host/types";
import { TIMEOUTS } from "../targets";
import { readLookup, type LookupVerdict } from "../parse/grandslam-lookup";
import type { ProbeContext } from "./types";
import { attempt, hostOf } from "./util";

// A TLS handshake proves a server answers, not that Apple's sign-in service does. GrandSlam's
// lookup is the unauthenticated URL bag AuthKit fetches first; a proxy or filter that answers in
// Apple's place shows here with its own page. Any certificate is accepted for this one read: who
// answers is the question, and whose certificate it was is tls-inspection's evidence.

/** What open-source GrandSlam clients send that identifies no device (they add their own device headers). */
const HEADERS = { accept: "*/*", "accept-language": "en-US,en;q=0.9" };

export interface ServiceAnswer {
  host: string;
  /** Not measured (no input in the recording, or cancelled): nothing to say. */
  measured: boolean;
  status?: number;
  verdict?: LookupVerdict;
  /** Why nothing was read. */
  error?: string;
  /** The evidence line, when measured. */
  detail?: string;
  /** A real answer that isn't Apple's: the summary to give. */
  foreign?: string;
}

export async function askSignInService(ctx: ProbeContext): Promise<ServiceAnswer | undefined> {
  const url = ctx.targets.signInLookup;
  if (!url) return undefined;
  const host = hostOf(url);
  // Bounded like a handshake, not like a feed download: a hanging server must not hold apple-hosts longer.
  const r = await attempt(() =>
    ctx.host.http(url, { signal: ctx.signal, headers: HEADERS, anyCertificate: true, timeoutMs: TIMEOUTS.tls }),
  );
  if (!r.value) {
    if (r.code === "ENOTRECORDED" || r.code === "ECANCELLED") return { host, measured: false };
    return { host, measured: true, error: r.code, detail: `${host} sign-in lookup: ${describeError(r.code!)}` };
  }
  const { status } = r.value;
  const verdict = readLookup(r.value.body);
  if (verdict.kind === "plist") {
    return {
      host,
      measured: true,
      status,
      verdict,
      detail: `${host} sign-in lookup: Apple's answer (a plist of ${verdict.keys.length} service URLs, HTTP ${status})`,
    };
  }
  const what =
    verdict.kind === "html"
      ? `a web page${verdict.title ? ` titled "${verdict.title}"` : ""}`
      : `something else${verdict.sample ? ` ("${verdict.sample}")` : " (an empty answer)"}`;
  return {
    host,
    measured: true,
    status,
    verdict,
    detail: `${host} sign-in lookup: ${what}, HTTP ${status}, not Apple's plist`,
    foreign: `${host} answers, but not as Apple's sign-in service: its lookup returned ${what} (HTTP ${status})`,
  };
}

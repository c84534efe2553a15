import { diagnose } from "../../src/core/diagnose";
import type { FixId, ProbeId } from "../../src/core/ids";
import type { Finding, Status } from "../../src/core/types";

// Hand-made findings for diagnose() tests (not captures): shaped as the probes
// return them, with only the fields a rule reads.

const TITLES: Partial<Record<ProbeId, string>> = {
  "apple-status": "Apple System Status",
  "apple-hosts": "Apple Sign-In Servers",
  "tls-inspection": "Certificates",
  "captive-portal": "Captive Portal",
  "hosts-file": "Hosts File",
  "network-filter": "Network Filters",
  internet: "Internet",
  push: "Apple Push Service",
  clock: "Clock",
  dns: "DNS",
  proxy: "Proxy",
  vpn: "VPN",
};

/** The probes whose results bear on sign-in, as diagnose counts them. */
export const SIGN_IN: ProbeId[] = [
  "apple-status",
  "apple-hosts",
  "push",
  "internet",
  "captive-portal",
  "dns",
  "tls-inspection",
  "clock",
];

export interface FindingExtra {
  summary?: string;
  details?: string[];
  fixes?: FixId[];
}

/** One finding; the summary defaults to "<status> (<probe>)" (no title prefix, so evidence reads "Title: …"). */
export function finding(
  probe: ProbeId,
  status: Status,
  data?: Record<string, unknown>,
  extra: FindingExtra = {},
): Finding {
  return {
    probe,
    status,
    title: TITLES[probe] ?? probe,
    summary: extra.summary ?? `${status} (${probe})`,
    details: extra.details ?? [],
    fixes: extra.fixes ?? [],
    durationMs: 1,
    data,
  };
}

/** Every sign-in probe passing, with the given findings replacing theirs (or added after). */
export function passingRun(...changed: Finding[]): Finding[] {
  const byId = new Map(changed.map((c) => [c.probe, c]));
  return [
    ...SIGN_IN.map((id) => byId.get(id) ?? finding(id, "pass")),
    ...changed.filter((c) => !SIGN_IN.includes(c.probe)),
  ];
}

/** "cause/confidence" of each cause, in rank order: what a front end shows first. */
export const ranked = (findings: Finding[]) => diagnose(findings).map((c) => `${c.cause}/${c.confidence}`);

/** The evidence line evidenceOf() gives a finding made by finding() with its default summary. */
export const line = (probe: ProbeId, status: Status) => `${TITLES[probe] ?? probe}: ${status} (${probe})`;

import { diagnose } from "./diagnose";
import type { Host } from "./host/types";
import { CHECKLIST_PROBES } from "./probes";
import type { Probe } from "./probes/types";
import { runChecklist, type RunOptions } from "./run";
import type { Cause, Finding } from "./types";
import { APP_NAME, APP_VERSION } from "./version";

// The full checklist as every front end runs it: all probes at once, then
// the diagnosis. The JSON shape is CONTRACT.md section 1's.

export interface ChecklistResult {
  startedAt: Date;
  durationMs: number;
  platform: string;
  findings: Finding[];
  causes: Cause[];
}

export async function runFullChecklist(
  host: Host,
  options: RunOptions & { probes?: readonly Probe[] } = {},
): Promise<ChecklistResult> {
  const startedAt = host.now();
  const t0 = performance.now();
  const findings = await runChecklist(options.probes ?? CHECKLIST_PROBES, host, options);
  return {
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    platform: host.platform,
    findings,
    causes: diagnose(findings),
  };
}

/** The contract's `checklist --json` document; internal fields (data, identifiers) stay out. */
export function checklistJson(result: ChecklistResult) {
  return {
    tool: APP_NAME,
    version: APP_VERSION,
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    platform: result.platform,
    findings: result.findings.map(publicFinding),
    diagnosis: result.causes.map((c) => ({
      cause: c.cause,
      confidence: c.confidence,
      summary: c.summary,
      fixes: c.fixes,
      evidence: c.evidence,
      ...(c.title ? { title: c.title } : {}),
      ...(c.unchecked?.length ? { unchecked: c.unchecked } : {}),
    })),
  };
}

export function publicFinding(f: Finding) {
  return {
    probe: f.probe,
    status: f.status,
    title: f.title,
    summary: f.summary,
    details: f.details,
    fixes: f.fixes,
    durationMs: f.durationMs,
  };
}

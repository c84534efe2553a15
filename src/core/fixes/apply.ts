import type { BackupStore } from "../host/backups";
import { binaryTable, type BinaryTable } from "../host/binaries";
import type { FixHistory } from "../history";
import type { Host } from "../host/types";
import type { Probe } from "../probes/types";
import { runChecklist } from "../run";
import { cleanLine } from "../sanitize";
import { DEFAULT_TARGETS, type Targets } from "../targets";
import type { Finding } from "../types";
import type { Fix, FixContext, FixResult } from "./types";

export interface AppliedFix {
  fix: Fix;
  result: FixResult;
  before: Finding[];
  after: Finding[];
  /** Not run at all: this isn't macOS. */
  refused?: boolean;
}

/**
 * Every fix changes macOS settings or runs a macOS tool (`killall bird` is a routing daemon on
 * Linux): off macOS nothing runs, whatever the front end. The reason, or undefined on a Mac.
 */
export function offMacRefusal(host: Pick<Host, "platform">): string | undefined {
  if (host.platform === "darwin") return undefined;
  return `Fixes change macOS settings; this is ${cleanLine(String(host.platform)) || "not macOS"}: nothing was run`;
}

export interface ApplyOptions {
  history?: FixHistory;
  /** Probes to re-run: those in this list that the fix verifies (the caller's, so a command bundles only its own). */
  probes: readonly Probe[];
  /** Findings already on screen: skip the "before" run. */
  before?: Finding[];
  deadlineMs?: number;
  targets?: Targets;
  binaries?: BinaryTable;
  macosMajor?: number;
  backups?: BackupStore;
  backupName?: string;
  adminPrompt?: "password";
}

/**
 * Runs one fix, records it in the fix history (support asks what was tried),
 * then re-runs the probes it should change so the caller can show before → after.
 */
export async function applyFix(fix: Fix, host: Host, options: ApplyOptions): Promise<AppliedFix> {
  const refusal = offMacRefusal(host);
  if (refusal) {
    await options.history?.add({
      fix: fix.id,
      at: host.now().toISOString(),
      outcome: "cancelled",
      message: `Not run: ${refusal}`,
    });
    return { fix, result: { outcome: "cancelled", message: refusal, ran: [] }, before: [], after: [], refused: true };
  }
  const probes = options.probes.filter((p) => fix.verifies.includes(p.id));
  const ctx: FixContext = {
    host,
    bin: options.binaries ?? binaryTable(),
    targets: options.targets ?? DEFAULT_TARGETS,
    macosMajor: options.macosMajor,
    backups: options.backups,
    backupName: options.backupName,
    adminPrompt: options.adminPrompt,
  };
  const run = (list: readonly Probe[]) =>
    list.length
      ? runChecklist(list, host, { deadlineMs: options.deadlineMs, targets: ctx.targets, binaries: ctx.bin })
      : Promise.resolve([]);
  const before = options.before?.filter((f) => fix.verifies.includes(f.probe)) ?? (await run(probes));
  let result: FixResult;
  try {
    result = await fix.run(ctx);
  } catch (error) {
    result = { outcome: "failed", message: (error as Error)?.message ?? String(error) };
  }
  // A fix's message quotes command output (stderr of defaults, killall…): outside text.
  result = { ...result, message: cleanLine(result.message) };
  await options.history?.add({
    fix: fix.id,
    at: host.now().toISOString(),
    outcome: result.outcome,
    message: result.message,
  });
  const after = result.outcome === "done" ? await run(probes) : before;
  return { fix, result, before, after };
}

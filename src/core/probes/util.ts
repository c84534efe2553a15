import { describeError, errorCode, type ExecResult } from "../host/types";
import type { FixId } from "../ids";
import { defaultsMessage } from "../parse/defaults-error";
import type { Identifier, ProbeResult, Status } from "../types";
import type { ProbeContext } from "./types";

// Small shared pieces for probes: building results, and turning host
// failures into calm `skip`/`error` findings with the reason.

export function result(
  status: Status,
  summary: string,
  details: string[] = [],
  extra: { fixes?: FixId[]; data?: Record<string, unknown>; identifiers?: Identifier[] } = {},
): ProbeResult {
  return { status, summary, details, fixes: extra.fixes ?? [], data: extra.data, identifiers: extra.identifiers };
}

export const isMac = (ctx: ProbeContext) => ctx.host.platform === "darwin";

export function notOnMac(ctx: ProbeContext): ProbeResult {
  return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
}

const PLATFORM_NAMES: Record<string, string> = {
  darwin: "macOS",
  linux: "Linux",
  win32: "Windows",
  freebsd: "FreeBSD",
};

/** "this computer runs Linux", for a check that only means something on a Mac. */
export function onThisComputer(platform: string): string {
  return `this computer runs ${PLATFORM_NAMES[platform] ?? platform}`;
}

/** Input missing from a recording, or the run was cancelled: not the Mac's fault. */
export function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === "ENOTRECORDED" || code === "ECANCELLED";
}

export type ExecOutcome = { ok: true; stdout: string; run: ExecResult } | { ok: false; result: ProbeResult };

/** Runs a command and returns its stdout, or the finding to return when it can't be read. */
export async function readCommand(ctx: ProbeContext, command: string[], okExits: number[] = [0]): Promise<ExecOutcome> {
  const label = command.map((c, i) => (i === 0 ? c.slice(c.lastIndexOf("/") + 1) : c)).join(" ");
  try {
    const run = await ctx.host.exec(command, { signal: ctx.signal });
    if (!okExits.includes(run.exitCode)) {
      // Skips NSLog header lines (defaults, and other Foundation tools, put the message after one).
      const said = defaultsMessage(run.stderr, run.stdout);
      return {
        ok: false,
        result: result("error", `\`${label}\` failed (exit ${run.exitCode})`, said ? [said] : []),
      };
    }
    return { ok: true, stdout: run.stdout, run };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOTRECORDED")
      return { ok: false, result: result("skip", `No \`${label}\` output in the recording`) };
    if (code === "ENOENT") return { ok: false, result: result("skip", `\`${label}\` isn't available on this Mac`) };
    return { ok: false, result: result("error", `Couldn't run \`${label}\`: ${describeError(code)}`) };
  }
}

/** Times an operation and captures its failure instead of throwing. */
export async function attempt<T>(op: () => Promise<T>): Promise<{ value?: T; code?: string; ms: number }> {
  const start = performance.now();
  try {
    const value = await op();
    return { value, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { code: errorCode(error), ms: Math.round(performance.now() - start) };
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
}

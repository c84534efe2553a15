import { binaryTable, type BinaryTable } from "./host/binaries";
import { sharedHost } from "./host/shared";
import { errorCode, listDirectory, type Host } from "./host/types";
import type { Probe } from "./probes/types";
import { FIX_IDS, type FixId } from "./ids";
import { cleanDeep, cleanLine, cleanLines } from "./sanitize";
import { DEFAULT_TARGETS, type Targets } from "./targets";
import type { Finding, ProbeResult } from "./types";

export const DEFAULT_DEADLINE_MS = 5000;

export interface RunOptions {
  /** Overall bound for the run; a probe still running then becomes `error`. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Called as each probe settles, in the order they settle. */
  onFinding?: (finding: Finding) => void;
  targets?: Targets;
  binaries?: BinaryTable;
}

/**
 * Runs every probe at once and resolves with their findings in probe order.
 * Wall time is the slowest probe's (bounded by the deadline), not the sum.
 * A probe that throws or overruns is its own `error` finding, never the run's failure.
 */
export async function runChecklist(probes: readonly Probe[], host: Host, options: RunOptions = {}): Promise<Finding[]> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const shared = sharedHost(host);
  const targets = options.targets ?? DEFAULT_TARGETS;
  const bin = options.binaries ?? binaryTable();
  const results: (Finding | undefined)[] = probes.map(() => undefined);
  const emit = (index: number, finding: Finding) => {
    if (results[index]) return; // the deadline already spoke for it
    results[index] = finding;
    options.onFinding?.(finding);
  };

  // The deadline starts before any probe does: starting them (process spawns
  // are synchronous) must count against it, not push it back.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
    options.signal?.addEventListener("abort", () => resolve(), { once: true });
  });

  // One probe per turn of the event loop, in the checklist's order (Apple's
  // servers, the slowest, first): spawning a process blocks the loop, so
  // between starts a finding that is already in streams out.
  const runs: Run[] = [];
  for (const [index, probe] of probes.entries()) {
    if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const controller = new AbortController();
    const pending = new Set<string>();
    const started = performance.now();
    const task = (async () => {
      try {
        const result = await probe.run({ host: trackedHost(shared, pending), targets, bin, signal: controller.signal });
        emit(index, toFinding(probe, normalise(result), performance.now() - started));
      } catch (error) {
        // Its message is outside text too (an error can quote what the probe read): cleaned like any result.
        emit(index, toFinding(probe, normalise(crashed(error)), performance.now() - started));
      }
    })();
    runs.push({ probe, index, controller, pending, started, task });
  }

  await Promise.race([Promise.all(runs.map((r) => r.task)), deadline]);
  clearTimeout(timer);

  const cancelled = options.signal?.aborted ?? false;
  for (const run of runs) {
    if (results[run.index]) continue;
    run.controller.abort();
    const waitingOn = [...run.pending];
    const seconds = formatSeconds(deadlineMs);
    const summary = cancelled
      ? "Canceled before it finished"
      : waitingOn.length
        ? `Still waiting on ${waitingOn[0]} after ${seconds}`
        : `Did not finish within ${seconds}`;
    emit(
      run.index,
      toFinding(
        run.probe,
        { status: "error", summary, details: waitingOn.map((w) => `waiting on ${w}`), fixes: [] },
        performance.now() - run.started,
      ),
    );
  }
  return results as Finding[];
}

interface Run {
  probe: Probe;
  index: number;
  controller: AbortController;
  pending: Set<string>;
  started: number;
  task: Promise<void>;
}

function toFinding(probe: Probe, result: ProbeResult, durationMs: number): Finding {
  return { probe: probe.id, title: probe.title, ...result, durationMs: Math.round(durationMs) };
}

/**
 * Guards against a probe returning something off-shape: the front ends rely on it. This is also
 * where outside text (feeds, pages, command output, recordings) enters the findings, so every
 * string is cleaned of control characters and escape sequences here, once, for every front end;
 * a detail holding line breaks becomes one detail per line.
 */
function normalise(result: ProbeResult): ProbeResult {
  const statuses = ["pass", "warn", "fail", "skip", "error"];
  return {
    ...result,
    status: statuses.includes(result?.status) ? result.status : "error",
    summary: (typeof result?.summary === "string" && cleanLine(result.summary).trim()) || "No summary",
    details: Array.isArray(result?.details) ? capDetails(result.details.flatMap((d) => cleanLines(String(d)))) : [],
    ...(result?.data !== undefined ? { data: cleanDeep(result.data) as ProbeResult["data"] } : {}),
    fixes: Array.isArray(result?.fixes)
      ? result.fixes.filter((f): f is FixId => (FIX_IDS as readonly string[]).includes(f))
      : [],
  };
}

/** Evidence enough for support, bounded whatever a feed or a command printed: lines and line length. */
export const MAX_DETAILS = 40;
export const MAX_DETAIL_CHARS = 1000;

function capDetails(details: string[]): string[] {
  const cut = (d: string) => (d.length > MAX_DETAIL_CHARS ? `${d.slice(0, MAX_DETAIL_CHARS)}… (cut)` : d);
  if (details.length <= MAX_DETAILS) return details.map(cut);
  const left = details.length - (MAX_DETAILS - 1);
  return [...details.slice(0, MAX_DETAILS - 1).map(cut), `… ${left} more lines left out`];
}

function crashed(error: unknown): ProbeResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: "error",
    summary: `The check itself failed: ${message}`,
    details: [
      error instanceof Error && error.stack
        ? error.stack.split("\n").slice(0, 3).join("\n")
        : `${errorCode(error)}: ${message}`,
    ],
    fixes: [],
  };
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Names what a probe is waiting on, so a late probe's error says which host is slow. */
function trackedHost(host: Host, pending: Set<string>): Host {
  const track = <T>(label: string, op: () => Promise<T>): Promise<T> => {
    pending.add(label);
    return op().finally(() => pending.delete(label));
  };
  const base = (cmd: string) => cmd.slice(cmd.lastIndexOf("/") + 1);
  return {
    platform: host.platform,
    now: () => host.now(),
    env: (name) => host.env(name),
    exec: (command, o) =>
      track(`${base(command[0] ?? "")} ${command.slice(1).join(" ")}`.trim(), () => host.exec(command, o)),
    http: (url, o) => track(url.replace(/\?.*$/, ""), () => host.http(url, o)),
    dns: (name, server, o) => track(`${name} (DNS via ${server})`, () => host.dns(name, server, o)),
    tcp: (h, port, o) => track(`${h}:${port}`, () => host.tcp(h, port, o)),
    tls: (h, port, o) => track(`${h}:${port} (TLS)`, () => host.tls(h, port, o)),
    ntp: (server, o) => track(`${server} (NTP)`, () => host.ntp(server, o)),
    readFile: (path) => track(path, () => host.readFile(path)),
    listDir: (path) => track(path, () => listDirectory(host, path)),
  };
}

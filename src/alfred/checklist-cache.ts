import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { ChecklistSnapshot, FindingView, ScriptFilterOutput } from "./items";

// Every keyword's checks run in the background, the way AwGo does it: the
// first Script Filter run of an invocation starts them in a detached process
// and answers at once (the action rows, "Checking…" rows, `rerun`, and the
// run's id as a variable, which Alfred passes back to each rerun); each rerun
// reads what the background process has written so far. A finished checklist
// is shown again for FRESH_MS when the keyword is typed again; the single
// commands check again on every invocation. Two files per command in Alfred's
// workflow cache folder: a lock (one run at a time) and the run's state, both
// replaced atomically so a reader never sees half a file.

export const RUN_FILE = "checklist.json";
export const LOCK_FILE = "checklist.lock";
export const RUN_FORMAT = "apple-id-doctor.alfred-checklist/1";
/** The Script Filter variable that carries a run's id from one rerun to the next. */
export const RUN_VARIABLE = "aid_run";

/** The run and lock files of a command: checklist.json/.lock, dns.json/.lock, … */
export const runFiles = (name = "checklist") => ({ run: `${name}.json`, lock: `${name}.lock` });

/** A finished result older than this is recomputed on the next run. */
export const FRESH_MS = 30_000;
/** A failure is shown once; the next run after this tries again. */
export const FAILED_FRESH_MS = 5_000;
/** A lock that still isn't JSON after this long (real time) was left half-written by a crash. */
export const BROKEN_LOCK_MS = 2_000;
/** A run still going after this (deadline 5 s) is taken as dead. */
export const STALE_RUN_MS = 30_000;

export interface CachedRun extends ChecklistSnapshot {
  format: typeof RUN_FORMAT;
  runId: string;
  state: "running" | "done" | "failed";
  /** This process's clock (ms), not the Mac's reported time: only ages are computed from it. */
  startedAt: number;
  finishedAt?: number;
  error?: string;
  /** A single command's finished answer, ready to print. */
  output?: ScriptFilterOutput;
}

interface Lock {
  runId: string;
  startedAt: number;
  pid?: number;
}

export interface CacheDeps {
  dir: string;
  /** Which command's run (default "checklist"). */
  name?: string;
  /** The run this invocation started (Alfred passes it back to each rerun). */
  runId?: string;
  /** How long a finished result answers a new invocation (default FRESH_MS; 0: always check again). */
  freshMs?: number;
  now: () => number;
  /** Starts the background process for a run; its pid when known. */
  start: (runId: string) => number | undefined;
  isAlive: (pid: number) => boolean;
}

export type Frame =
  | { kind: "running"; snapshot: ChecklistSnapshot; runId?: string }
  | { kind: "done"; snapshot: ChecklistSnapshot; runId?: string; output?: ScriptFilterOutput }
  | { kind: "failed"; error: string };

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function readRun(dir: string, name?: string): CachedRun | undefined {
  const run = readJson<CachedRun>(join(dir, runFiles(name).run));
  if (!run || run.format !== RUN_FORMAT || typeof run.runId !== "string" || !Array.isArray(run.findings)) return;
  return run;
}

/** Replaces a file in one step: write a temporary file, then rename it over the old one. */
function writeAtomic(file: string, text: string) {
  const tmp = `${file}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export function writeRun(dir: string, run: CachedRun, name?: string) {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, runFiles(name).run), JSON.stringify(run));
}

/** Ends a run: drops the lock if it is still this run's. */
export function releaseLock(dir: string, runId: string, name?: string) {
  const file = join(dir, runFiles(name).lock);
  const lock = readJson<Lock>(file);
  if (!lock || lock.runId === runId) rmSync(file, { force: true });
}

/** Forgets the last results (after a fix changed something), so the next runs check again. */
export function invalidate(dir: string, names: readonly string[] = ["checklist"]) {
  for (const name of names) rmSync(join(dir, runFiles(name).run), { force: true });
}

/**
 * Findings recent finished runs measured, for a fix's "before", the newest
 * run's where two measured the same probe. Saves the seconds of probing
 * that would otherwise come before the password prompt.
 */
export function recentFindings(dir: string, names: readonly string[], now: number, maxAgeMs: number): FindingView[] {
  const runs = names
    .map((name) => readRun(dir, name))
    .filter((r): r is CachedRun => r?.state === "done" && now - (r.finishedAt ?? -Infinity) <= maxAgeMs)
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
  const found = new Map<string, FindingView>();
  for (const run of runs) for (const f of run.findings) if (!found.has(f.probe)) found.set(f.probe, f);
  return [...found.values()];
}

const snapshotOf = (run: CachedRun): ChecklistSnapshot => ({
  findings: run.findings,
  causes: run.causes,
  report: run.report,
  macosMajor: run.macosMajor,
  lines: run.lines,
});

/** What the Script Filter shows now, starting a background run when there is no fresh one. */
export function checklistFrame(deps: CacheDeps): Frame {
  const { dir, now, name } = deps;
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, runFiles(name).lock);
  let run = readRun(dir, name);
  const lock = readJson<Lock>(lockFile);
  // Else the next start would find the file, stay "Checking…" and never start a run.
  if (!lock) dropBrokenLock(lockFile);
  const done = (r: CachedRun): Frame => ({ kind: "done", snapshot: snapshotOf(r), runId: r.runId, output: r.output });

  if (lock) {
    const alive = lock.pid === undefined || deps.isAlive(lock.pid);
    if (alive && now() - lock.startedAt < STALE_RUN_MS) {
      const own = run?.runId === lock.runId ? run : undefined;
      if (own?.state === "done") return done(own);
      return { kind: "running", snapshot: { findings: own?.findings ?? [] }, runId: lock.runId };
    }
    // The process died or hung: say so once rather than wait forever.
    if (run?.runId === lock.runId && run.state === "running") {
      run = {
        ...run,
        state: "failed",
        finishedAt: now(),
        error: alive ? "The checks took far too long and were given up" : "The checks stopped before finishing",
      };
      writeRun(dir, run, name);
    }
    rmSync(lockFile, { force: true });
  }

  // A rerun of this invocation: its own run, however old.
  if (deps.runId && run?.runId === deps.runId && run.state === "done") return done(run);
  if (deps.runId && run?.runId === deps.runId && run.state === "failed")
    return { kind: "failed", error: run.error ?? "The checks failed" };
  if (run?.state === "done" && now() - (run.finishedAt ?? 0) < (deps.freshMs ?? FRESH_MS)) return done(run);
  if (run?.state === "failed" && now() - (run.finishedAt ?? 0) < FAILED_FRESH_MS)
    return { kind: "failed", error: run.error ?? "The checks failed" };
  return startRun(deps);
}

function startRun(deps: CacheDeps): Frame {
  const { dir, now, name } = deps;
  const lockFile = join(dir, runFiles(name).lock);
  const runId = randomBytes(6).toString("hex");
  const startedAt = now();
  let fd: number;
  try {
    fd = openSync(lockFile, "wx", 0o600); // only one Script Filter run starts the checks
  } catch {
    return { kind: "running", snapshot: { findings: [] } };
  }
  try {
    writeSync(fd, JSON.stringify({ runId, startedAt } satisfies Lock));
  } finally {
    closeSync(fd);
  }
  writeRun(dir, { format: RUN_FORMAT, runId, state: "running", startedAt, findings: [] }, name);
  let pid: number | undefined;
  try {
    pid = deps.start(runId);
  } catch (error) {
    const message = `Couldn't start the checks: ${(error as Error)?.message ?? error}`;
    writeRun(
      dir,
      { format: RUN_FORMAT, runId, state: "failed", startedAt, finishedAt: now(), findings: [], error: message },
      name,
    );
    rmSync(lockFile, { force: true });
    return { kind: "failed", error: message };
  }
  if (pid !== undefined) writeAtomic(lockFile, JSON.stringify({ runId, startedAt, pid } satisfies Lock));
  return { kind: "running", snapshot: { findings: [] }, runId };
}

function dropBrokenLock(file: string) {
  try {
    if (Date.now() - statSync(file).mtimeMs > BROKEN_LOCK_MS) rmSync(file, { force: true });
  } catch {
    // No lock file: nothing to drop.
  }
}

/**
 * A start that ran after the frame was answered (frame-main.ts): the lock
 * learns the background process's pid, or the run fails with the reason,
 * which the next rerun shows.
 */
export function settleStart(dir: string, runId: string, outcome: { pid?: number } | { error: string }, name?: string) {
  const lockFile = join(dir, runFiles(name).lock);
  const lock = readJson<Lock>(lockFile);
  if (lock?.runId !== runId) return;
  if ("error" in outcome) {
    const run = readRun(dir, name);
    const base: CachedRun =
      run?.runId === runId
        ? run
        : { format: RUN_FORMAT, runId, state: "running", startedAt: lock.startedAt, findings: [] };
    writeRun(dir, { ...base, state: "failed", finishedAt: lock.startedAt, error: outcome.error }, name);
    rmSync(lockFile, { force: true });
  } else if (outcome.pid !== undefined) {
    writeAtomic(lockFile, JSON.stringify({ ...lock, pid: outcome.pid } satisfies Lock));
  }
}

/** process.kill(pid, 0) probes a process without signalling it; EPERM means it exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ChecklistSnapshot } from "./items";

// The checklist in the background, the way AwGo does it: the first Script
// Filter run starts the checks in a detached process and answers at once
// with "Checking…" rows and `rerun`; each rerun reads what the background
// process has written so far; a finished result is shown for FRESH_MS, after
// which the next run starts over. Two files in Alfred's workflow cache
// folder: a lock (one run at a time) and the run's state, both replaced
// atomically so a reader never sees half a file.

export const RUN_FILE = "checklist.json";
export const LOCK_FILE = "checklist.lock";
export const RUN_FORMAT = "apple-id-doctor.alfred-checklist/1";

/** A finished result older than this is recomputed on the next run. */
export const FRESH_MS = 30_000;
/** A failure is shown once; the next run after this tries again. */
export const FAILED_FRESH_MS = 5_000;
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
}

interface Lock {
  runId: string;
  startedAt: number;
  pid?: number;
}

export interface CacheDeps {
  dir: string;
  now: () => number;
  /** Starts the background process for a run; its pid when known. */
  start: (runId: string) => number | undefined;
  isAlive: (pid: number) => boolean;
}

export type Frame =
  | { kind: "running"; snapshot: ChecklistSnapshot }
  | { kind: "done"; snapshot: ChecklistSnapshot }
  | { kind: "failed"; error: string };

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function readRun(dir: string): CachedRun | undefined {
  const run = readJson<CachedRun>(join(dir, RUN_FILE));
  if (!run || run.format !== RUN_FORMAT || typeof run.runId !== "string" || !Array.isArray(run.findings)) return;
  return run;
}

/** Replaces a file in one step: write a temporary file, then rename it over the old one. */
function writeAtomic(file: string, text: string) {
  const tmp = `${file}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export function writeRun(dir: string, run: CachedRun) {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, RUN_FILE), JSON.stringify(run));
}

/** Ends a run: drops the lock if it is still this run's. */
export function releaseLock(dir: string, runId: string) {
  const lock = readJson<Lock>(join(dir, LOCK_FILE));
  if (!lock || lock.runId === runId) rmSync(join(dir, LOCK_FILE), { force: true });
}

/** Forgets the last result (after a fix changed something), so the next run checks again. */
export function invalidate(dir: string) {
  rmSync(join(dir, RUN_FILE), { force: true });
}

const snapshotOf = (run: CachedRun): ChecklistSnapshot => ({
  findings: run.findings,
  causes: run.causes,
  report: run.report,
  macosMajor: run.macosMajor,
});

/** What the Script Filter shows now, starting a background run when there is no fresh one. */
export function checklistFrame(deps: CacheDeps): Frame {
  const { dir, now } = deps;
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, LOCK_FILE);
  let run = readRun(dir);
  const lock = readJson<Lock>(lockFile);

  if (lock) {
    const alive = lock.pid === undefined || deps.isAlive(lock.pid);
    if (alive && now() - lock.startedAt < STALE_RUN_MS) {
      const own = run?.runId === lock.runId ? run : undefined;
      if (own?.state === "done") return { kind: "done", snapshot: snapshotOf(own) };
      return { kind: "running", snapshot: { findings: own?.findings ?? [] } };
    }
    // The process died or hung: say so once rather than wait forever.
    if (run?.runId === lock.runId && run.state === "running") {
      run = {
        ...run,
        state: "failed",
        finishedAt: now(),
        error: alive ? "The checks took far too long and were given up" : "The checks stopped before finishing",
      };
      writeRun(dir, run);
    }
    rmSync(lockFile, { force: true });
  }

  if (run?.state === "done" && now() - (run.finishedAt ?? 0) < FRESH_MS)
    return { kind: "done", snapshot: snapshotOf(run) };
  if (run?.state === "failed" && now() - (run.finishedAt ?? 0) < FAILED_FRESH_MS)
    return { kind: "failed", error: run.error ?? "The checks failed" };
  return startRun(deps);
}

function startRun(deps: CacheDeps): Frame {
  const { dir, now } = deps;
  const lockFile = join(dir, LOCK_FILE);
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
  writeRun(dir, { format: RUN_FORMAT, runId, state: "running", startedAt, findings: [] });
  let pid: number | undefined;
  try {
    pid = deps.start(runId);
  } catch (error) {
    const message = `Couldn't start the checks: ${(error as Error)?.message ?? error}`;
    writeRun(dir, {
      format: RUN_FORMAT,
      runId,
      state: "failed",
      startedAt,
      finishedAt: now(),
      findings: [],
      error: message,
    });
    rmSync(lockFile, { force: true });
    return { kind: "failed", error: message };
  }
  if (pid !== undefined) writeAtomic(lockFile, JSON.stringify({ runId, startedAt, pid } satisfies Lock));
  return { kind: "running", snapshot: { findings: [] } };
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

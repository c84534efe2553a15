import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, jsonFileStorage } from "../cli/environment";
import { publicFinding, runFullChecklist } from "../core/checklist";
import { RESET_EXPLANATION } from "../core/fixes/account-cache";
import { FixHistory } from "../core/history";
import { createBackupStore } from "../core/host/backups";
import { createRealHost } from "../core/host/real";
import { parseRecording, RecordingError } from "../core/host/recording";
import { createReplayHost } from "../core/host/replay";
import type { Host } from "../core/host/types";
import { CHECKLIST_PROBES } from "../core/probes";
import { accountProbe } from "../core/probes/account";
import { clockProbe } from "../core/probes/clock";
import { dnsProbe, type DnsHostResult, type ResolverSummary } from "../core/probes/dns";
import { macosProbe } from "../core/probes/macos";
import { timeSettingsProbe } from "../core/probes/time-settings";
import { collectIdentifiers, redact } from "../core/redact";
import { buildReport } from "../core/report";
import { runChecklist, type RunOptions } from "../core/run";
import { fetchStatusFeed } from "../core/status-client";
import { DEFAULT_TARGETS } from "../core/targets";
import type { Finding } from "../core/types";
import { APP_VERSION } from "../core/version";
import { CAUSE_TITLES } from "../core/cause-titles";
import type { AlfredArgs, ScriptFilterCommand } from "./args";
import { releaseLock, RUN_FORMAT, writeRun, type CachedRun } from "./checklist-cache";
import { clockItems, dnsItems, dnsText, icloudItems, statusErrorItems, statusItems } from "./command-items";
import { frame } from "./frame";
import {
  checklistItems,
  errorItem,
  output,
  reportVariables,
  type ChecklistSnapshot,
  type FindingView,
  type ScriptFilterOutput,
} from "./items";

// The checks behind every keyword: what the background process runs, and
// the whole answer at once for replays and runs outside Alfred. The first
// frame (frame.ts) doesn't load this file. Every answer is valid Script
// Filter JSON: a crash or a bad recording is one row saying what happened
// and what to do, never an empty list.

export { parseAlfredArgs, SCRIPT_FILTER_COMMANDS, type AlfredArgs, type ScriptFilterCommand } from "./args";

export interface ScriptFilterDeps {
  env: NodeJS.ProcessEnv;
  now?: () => number;
  /** The live host (tests: one redirected to loopback). */
  realHost?: () => Host;
  /** Starts `<command> --background <runId>` detached; its pid. */
  spawnBackground?: (runId: string, command: ScriptFilterCommand) => number | undefined;
  isAlive?: (pid: number) => boolean;
  run?: Pick<RunOptions, "targets" | "binaries">;
  deadlineMs?: number;
}

/** Starts the bundle again, detached, with stdio ignored: Alfred's pipe closes when this process exits. */
export function spawnSelf(runId: string, command: ScriptFilterCommand = "checklist"): number | undefined {
  const script = process.argv[1];
  const child = spawn(process.execPath, [script, command, "--background", runId], {
    detached: true,
    stdio: "ignore",
    env: process.env,
  });
  child.unref();
  return child.pid;
}

/**
 * A recording to show instead of this Mac, for every keyword's checks (never
 * for fixes): support staff set it as a workflow environment variable to see
 * what a user's recording looks like in Alfred; the tests use it to run the
 * whole background cycle without touching the network.
 */
export const REPLAY_VARIABLE = "APPLE_ID_DOCTOR_REPLAY";

function hostFor(args: Pick<AlfredArgs, "replay">, deps: ScriptFilterDeps): Host {
  const replay = args.replay ?? (deps.env[REPLAY_VARIABLE] || undefined);
  if (replay) return createReplayHost(parseRecording(readFileSync(replay, "utf8")));
  return (deps.realHost ?? (() => createRealHost()))();
}

const localContext = (env: NodeJS.ProcessEnv) => ({
  userName: env.USER || env.LOGNAME || undefined,
  homeDir: env.HOME || undefined,
});

const view = (f: Finding): FindingView => {
  const { probe, status, title, summary, details, fixes } = publicFinding(f);
  return { probe, status, title, summary, details, fixes };
};

const macosMajorOf = (findings: Finding[]): number | undefined => {
  const major = findings.find((f) => f.probe === "macos")?.data?.major;
  return typeof major === "number" ? major : undefined;
};

/** Runs the full checklist and builds everything the rows need, the redacted reports included. */
export async function computeChecklist(
  host: Host,
  deps: ScriptFilterDeps,
  onFinding?: (f: FindingView) => void,
): Promise<ChecklistSnapshot> {
  const result = await runFullChecklist(host, {
    ...deps.run,
    deadlineMs: deps.deadlineMs,
    onFinding: onFinding && ((f) => onFinding(view(f))),
  });
  const history = await new FixHistory(jsonFileStorage(join(dataDir(deps.env), "history.json"))).list();
  const input = { ...result, history, appVersion: APP_VERSION, context: localContext(deps.env) };
  // ⌘C on a row copies that row, redacted like the report.
  const hide = { ...localContext(deps.env), identifiers: collectIdentifiers(result.findings) };
  const lines: Record<string, string> = {};
  for (const f of result.findings)
    lines[`finding:${f.probe}`] = redact(
      [`${f.title}: ${f.summary}`, ...f.details.map((d) => `  ${d}`)].join("\n"),
      hide,
    );
  for (const c of result.causes) lines[`cause:${c.cause}`] = redact(`${CAUSE_TITLES[c.cause]}: ${c.summary}`, hide);
  return {
    lines,
    findings: result.findings.map(view),
    causes: result.causes.map(({ cause, confidence, summary, evidence, fixes }) => ({
      cause,
      confidence,
      summary,
      evidence,
      fixes,
    })),
    report: {
      plain: buildReport(input, { format: "plain", redact: true }),
      markdown: buildReport(input, { format: "markdown", redact: true }),
    },
    macosMajor: macosMajorOf(result.findings),
  };
}

/** A single command's answer, and the findings it rests on (a later fix's "before"). */
interface Answer {
  output: ScriptFilterOutput;
  findings: FindingView[];
}

/** The background process: runs one command's checks, writing what it has as it lands. */
export async function runBackground(
  runId: string,
  deps: ScriptFilterDeps,
  host?: Host,
  command: ScriptFilterCommand = "checklist",
): Promise<void> {
  const dir = deps.env.alfred_workflow_cache;
  if (!dir) return;
  const now = deps.now ?? Date.now;
  const base: CachedRun = { format: RUN_FORMAT, runId, state: "running", startedAt: now(), findings: [] };
  const findings: FindingView[] = [];
  const live = () => host ?? hostFor({}, deps);
  try {
    if (command === "checklist") {
      const snapshot = await computeChecklist(live(), deps, (f) => {
        findings.push(f);
        writeRun(dir, { ...base, findings: [...findings] });
      });
      writeRun(dir, { ...base, ...snapshot, state: "done", finishedAt: now() });
    } else {
      const answer = await SINGLE[command](live(), deps);
      writeRun(dir, { ...base, ...answer, state: "done", finishedAt: now() }, command);
    }
  } catch (error) {
    writeRun(
      dir,
      {
        ...base,
        findings,
        state: "failed",
        finishedAt: now(),
        error: `The checks broke: ${(error as Error)?.message ?? error}`,
      },
      command,
    );
  } finally {
    releaseLock(dir, runId, command);
  }
}

async function status(host: Host, deps: ScriptFilterDeps): Promise<Answer> {
  const now = host.now();
  const targets = deps.run?.targets ?? DEFAULT_TARGETS;
  const fetched = await fetchStatusFeed(host, targets.statusFeeds.consumer, { now, source: "consumer" });
  if (!fetched.ok) return { output: output(statusErrorItems(fetched.reason)), findings: [] };
  return { output: output(statusItems(fetched.feed, fetched.fetchedAt, now)), findings: [] };
}

async function dns(host: Host, deps: ScriptFilterDeps): Promise<Answer> {
  const [finding] = await runChecklist([dnsProbe], host, { ...deps.run, deadlineMs: deps.deadlineMs });
  const hosts = (finding.data?.hosts ?? []) as DnsHostResult[];
  const resolvers = finding.data?.resolvers as ResolverSummary | undefined;
  const copy = redact(dnsText(view(finding), hosts, resolvers), {
    ...localContext(deps.env),
    identifiers: collectIdentifiers([finding]),
  });
  return { output: output(dnsItems(view(finding), hosts, resolvers, copy)), findings: [view(finding)] };
}

/** The findings as redacted text, for ⌘C on the single commands. */
function findingsText(findings: Finding[], env: NodeJS.ProcessEnv): string {
  const text = findings.map((f) => [`${f.title}: ${f.summary}`, ...f.details.map((d) => `  ${d}`)].join("\n"));
  return redact(text.join("\n"), { ...localContext(env), identifiers: collectIdentifiers(findings) });
}

async function clock(host: Host, deps: ScriptFilterDeps): Promise<Answer> {
  const findings = await runChecklist([clockProbe, timeSettingsProbe, macosProbe], host, {
    ...deps.run,
    deadlineMs: deps.deadlineMs,
  });
  const shown = findings.filter((f) => f.probe !== "macos");
  return {
    output: output(clockItems(shown.map(view), macosMajorOf(findings), findingsText(shown, deps.env))),
    findings: shown.map(view),
  };
}

async function icloud(host: Host, deps: ScriptFilterDeps): Promise<Answer> {
  const findings = await runChecklist([accountProbe, macosProbe], host, { ...deps.run, deadlineMs: deps.deadlineMs });
  const account = findings[0];
  const backups = await createBackupStore(join(dataDir(deps.env), "backups")).list();
  const rows = icloudItems({
    account: view(account),
    macosMajor: macosMajorOf(findings),
    backups,
    resetExplanation: RESET_EXPLANATION,
    copy: findingsText([account], deps.env),
  });
  return { output: output(rows), findings: [view(account)] };
}

const SINGLE: Record<Exclude<ScriptFilterCommand, "checklist">, (h: Host, d: ScriptFilterDeps) => Promise<Answer>> = {
  status,
  dns,
  clock,
  icloud,
};

/** The whole answer in this process: replays, runs outside Alfred. Never throws. */
export async function computeOutput(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  try {
    const host = hostFor(args, deps);
    if (args.command !== "checklist") return (await SINGLE[args.command](host, deps)).output;
    const snapshot = await computeChecklist(host, deps);
    return output(checklistItems(snapshot, CHECKLIST_PROBES), undefined, reportVariables(snapshot.report));
  } catch (error) {
    return output([problemItem(error, args)]);
  }
}

/** One Script Filter run: argv as the workflow passes it, the answer as Script Filter JSON (an object). */
export function scriptFilter(argv: string[], deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  return frame(argv, {
    env: deps.env,
    now: deps.now,
    isAlive: deps.isAlive,
    probes: CHECKLIST_PROBES,
    spawnBackground: (command, runId) => (deps.spawnBackground ?? spawnSelf)(runId, command),
    compute: (args) => computeOutput(args, deps),
  });
}

function problemItem(error: unknown, args: AlfredArgs) {
  const message = (error as Error)?.message ?? String(error);
  if (args.replay && (error instanceof RecordingError || (error as NodeJS.ErrnoException)?.code)) {
    return errorItem(
      "Can't Read the Recording",
      `${args.replay}: ${message}. Check the file, or make a new one with: apple-id-doctor record <file>`,
      { uid: "error:recording" },
    );
  }
  return errorItem(
    "Apple ID Doctor Ran Into a Problem",
    `${message}. Try again; if it keeps happening, ⌥⏎ copies this message for a bug report`,
    { details: (error as Error)?.stack },
  );
}

/** The Script Filter's whole stdout: one JSON document. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return JSON.stringify(await scriptFilter(argv, { env }));
}

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
import { checklistFrame, isProcessAlive, releaseLock, RUN_FORMAT, writeRun, type CachedRun } from "./checklist-cache";
import { clockItems, dnsItems, dnsText, icloudItems, statusErrorItems, statusItems } from "./command-items";
import {
  checklistItems,
  errorItem,
  filterItems,
  output,
  RERUN_SECONDS,
  type ChecklistSnapshot,
  type FindingView,
  type ScriptFilterOutput,
} from "./items";

// The Script Filter behind every keyword. `main` always resolves with valid
// Script Filter JSON: a crash or a bad recording is one row saying what
// happened and what to do, never an empty list.

export const SCRIPT_FILTER_COMMANDS = ["checklist", "status", "dns", "clock", "icloud"] as const;
export type ScriptFilterCommand = (typeof SCRIPT_FILTER_COMMANDS)[number];

export interface AlfredArgs {
  command: ScriptFilterCommand;
  /** What the user typed after the keyword: narrows the rows. */
  query: string;
  replay?: string;
  /** The id of a background checklist run this process should carry out. */
  background?: string;
}

/**
 * `<command> [--replay <file>] [--background <run-id>] [-- <query>]`. Only
 * whole tokens before `--` are options: the workflow passes the query after
 * `--`, so nothing typed in Alfred can become one.
 */
export function parseAlfredArgs(argv: string[]): { ok: true; args: AlfredArgs } | { ok: false; error: string } {
  const [command, ...rest] = argv;
  if (!(SCRIPT_FILTER_COMMANDS as readonly string[]).includes(command)) {
    return { ok: false, error: `unknown command "${command ?? ""}" (one of ${SCRIPT_FILTER_COMMANDS.join(", ")})` };
  }
  const args: AlfredArgs = { command: command as ScriptFilterCommand, query: "" };
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token === "--") {
      words.push(...rest.slice(i + 1));
      break;
    }
    if (token === "--replay" || token === "--background") {
      const value = rest[++i];
      if (value === undefined) return { ok: false, error: `${token} needs a value` };
      if (token === "--replay") args.replay = value;
      else args.background = value;
    } else if (token.startsWith("--")) return { ok: false, error: `unknown option ${token}` };
    else words.push(token);
  }
  args.query = words.join(" ").trim();
  return { ok: true, args };
}

export interface ScriptFilterDeps {
  env: NodeJS.ProcessEnv;
  now?: () => number;
  /** The live host (tests: one redirected to loopback). */
  realHost?: () => Host;
  /** Starts `checklist --background <runId>` detached; its pid. */
  spawnBackground?: (runId: string) => number | undefined;
  isAlive?: (pid: number) => boolean;
  run?: Pick<RunOptions, "targets" | "binaries">;
  deadlineMs?: number;
}

/** Starts the bundle again, detached, with stdio ignored: Alfred's pipe closes when this process exits. */
export function spawnSelf(runId: string): number | undefined {
  const script = process.argv[1];
  const child = spawn(process.execPath, [script, "checklist", "--background", runId], {
    detached: true,
    stdio: "ignore",
    env: process.env,
  });
  child.unref();
  return child.pid;
}

function hostFor(args: AlfredArgs, deps: ScriptFilterDeps): Host {
  if (args.replay) return createReplayHost(parseRecording(readFileSync(args.replay, "utf8")));
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
  return {
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

/** The background process: runs the checklist, writing each finding as it lands. */
export async function runBackground(runId: string, deps: ScriptFilterDeps, host?: Host): Promise<void> {
  const dir = deps.env.alfred_workflow_cache;
  if (!dir) return;
  const now = deps.now ?? Date.now;
  const base: CachedRun = { format: RUN_FORMAT, runId, state: "running", startedAt: now(), findings: [] };
  const findings: FindingView[] = [];
  try {
    const snapshot = await computeChecklist(host ?? (deps.realHost ?? (() => createRealHost()))(), deps, (f) => {
      findings.push(f);
      writeRun(dir, { ...base, findings: [...findings] });
    });
    writeRun(dir, { ...base, ...snapshot, state: "done", finishedAt: now() });
  } catch (error) {
    writeRun(dir, {
      ...base,
      findings,
      state: "failed",
      finishedAt: now(),
      error: `The checks broke: ${(error as Error)?.message ?? error}`,
    });
  } finally {
    releaseLock(dir, runId);
  }
}

async function checklist(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const cacheDir = deps.env.alfred_workflow_cache;
  // A replay (tests, support) or a run outside Alfred answers in one go.
  if (args.replay || !cacheDir) {
    const snapshot = await computeChecklist(hostFor(args, deps), deps);
    return output(checklistItems(snapshot, CHECKLIST_PROBES));
  }
  const frame = checklistFrame({
    dir: cacheDir,
    now: deps.now ?? Date.now,
    start: deps.spawnBackground ?? spawnSelf,
    isAlive: deps.isAlive ?? isProcessAlive,
  });
  if (frame.kind === "failed") {
    return output([errorItem(frame.error, "Type the keyword again to run the checks again", { uid: "cause:failed" })]);
  }
  const items = checklistItems(frame.snapshot, CHECKLIST_PROBES);
  return output(items, frame.kind === "running" ? RERUN_SECONDS : undefined);
}

async function status(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const host = hostFor(args, deps);
  const now = host.now();
  const targets = deps.run?.targets ?? DEFAULT_TARGETS;
  const fetched = await fetchStatusFeed(host, targets.statusFeeds.consumer, { now, source: "consumer" });
  if (!fetched.ok) return output(statusErrorItems(fetched.reason));
  return output(statusItems(fetched.feed, fetched.fetchedAt, now));
}

async function dns(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const host = hostFor(args, deps);
  const [finding] = await runChecklist([dnsProbe], host, { ...deps.run, deadlineMs: deps.deadlineMs });
  const hosts = (finding.data?.hosts ?? []) as DnsHostResult[];
  const resolvers = finding.data?.resolvers as ResolverSummary | undefined;
  const copy = redact(dnsText(view(finding), hosts, resolvers), {
    ...localContext(deps.env),
    identifiers: collectIdentifiers([finding]),
  });
  return output(dnsItems(view(finding), hosts, resolvers, copy));
}

/** The findings as redacted text, for ⌘C on the single commands. */
function findingsText(findings: Finding[], env: NodeJS.ProcessEnv): string {
  const text = findings.map((f) => [`${f.title}: ${f.summary}`, ...f.details.map((d) => `  ${d}`)].join("\n"));
  return redact(text.join("\n"), { ...localContext(env), identifiers: collectIdentifiers(findings) });
}

async function clock(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const host = hostFor(args, deps);
  const findings = await runChecklist([clockProbe, timeSettingsProbe, macosProbe], host, {
    ...deps.run,
    deadlineMs: deps.deadlineMs,
  });
  const shown = findings.filter((f) => f.probe !== "macos");
  return output(clockItems(shown.map(view), macosMajorOf(findings), findingsText(shown, deps.env)));
}

async function icloud(args: AlfredArgs, deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const host = hostFor(args, deps);
  const findings = await runChecklist([accountProbe, macosProbe], host, { ...deps.run, deadlineMs: deps.deadlineMs });
  const account = findings[0];
  const backups = await createBackupStore(join(dataDir(deps.env), "backups")).list();
  return output(
    icloudItems({
      account: view(account),
      macosMajor: macosMajorOf(findings),
      backups,
      resetExplanation: RESET_EXPLANATION,
      copy: findingsText([account], deps.env),
    }),
  );
}

const COMMANDS: Record<ScriptFilterCommand, (a: AlfredArgs, d: ScriptFilterDeps) => Promise<ScriptFilterOutput>> = {
  checklist,
  status,
  dns,
  clock,
  icloud,
};

/** One Script Filter run: argv as the workflow passes it, the answer as Script Filter JSON (an object). */
export async function scriptFilter(argv: string[], deps: ScriptFilterDeps): Promise<ScriptFilterOutput> {
  const parsed = parseAlfredArgs(argv);
  if (!parsed.ok) {
    return output([
      errorItem(
        "Apple ID Doctor Was Started the Wrong Way",
        `${parsed.error}. Reinstall the workflow; if that doesn't help, report this message`,
      ),
    ]);
  }
  const { args } = parsed;
  try {
    const answer = await COMMANDS[args.command](args, deps);
    if (answer.rerun || !args.query) return answer;
    return { ...answer, items: filterItems(answer.items, args.query) };
  } catch (error) {
    return output([problemItem(error, args)]);
  }
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

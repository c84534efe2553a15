import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { join } from "node:path";
import { checklistJson, runFullChecklist, type ChecklistResult } from "../core/checklist";
import { FixHistory } from "../core/history";
import { createRealHost } from "../core/host/real";
import { createRecordingHost } from "../core/host/record";
import { parseRecording, RecordingError } from "../core/host/recording";
import { createReplayHost } from "../core/host/replay";
import type { Host } from "../core/host/types";
import { CHECKLIST_PROBES } from "../core/probes";
import { buildReport } from "../core/report";
import type { RunOptions } from "../core/run";
import type { Finding } from "../core/types";
import { APP_VERSION } from "../core/version";
import { parseCliArgs, USAGE, type CliArgs } from "./args";
import { hostTable, resolverLines } from "./dns-table";
import { statusLines } from "./status";
import { fetchStatusFeed, statusJson } from "../core/status-client";
import { DEFAULT_TARGETS } from "../core/targets";
import { clockProbe } from "../core/probes/clock";
import { timeSettingsProbe } from "../core/probes/time-settings";
import { applyFix } from "../core/fixes/apply";
import { fixById } from "../core/fixes";
import { dnsProbe, type DnsHostResult, type ResolverSummary } from "../core/probes/dns";
import { publicFinding } from "../core/checklist";
import { runChecklist } from "../core/run";
import { FIX_IDS } from "../core/ids";
import { createBackupStore } from "../core/host/backups";
import { RESET_EXPLANATION } from "../core/fixes/account-cache";
import { dataDir, jsonFileStorage } from "./environment";
import { diagnosisBlock, findingLine, tally } from "./format";

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches, injectable so tests run it in-process against loopback or a recording. */
export interface CliDeps {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** The live host; tests pass one redirected to loopback servers. */
  realHost: () => Host;
  run?: Pick<RunOptions, "targets" | "binaries">;
  /** Asks a yes/no question before a destructive fix; false when nobody can answer. */
  confirm?: (question: string) => Promise<boolean>;
}

export function defaultDeps(): CliDeps {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    realHost: () => createRealHost(),
    confirm: askOnTerminal,
  };
}

/** y/N on a terminal; with no terminal there is nobody to ask, so the answer is no. */
async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** Runs one CLI invocation and returns its exit status (0 ok, 1 a check failed, 2 usage or recording error). */
export async function main(argv: string[], deps: CliDeps = defaultDeps()): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    if ("help" in parsed) return (void deps.stdout.write(USAGE + "\n"), 0);
    if ("version" in parsed) return (void deps.stdout.write(APP_VERSION + "\n"), 0);
    deps.stderr.write(`apple-id-doctor: ${parsed.error}\n`);
    return 2;
  }
  const args = parsed.args;
  let host: Host;
  try {
    host = args.replay ? createReplayHost(parseRecording(await readFile(args.replay, "utf8"))) : deps.realHost();
  } catch (error) {
    const reason = error instanceof RecordingError ? error.message : (error as Error).message;
    deps.stderr.write(`apple-id-doctor: can't read recording ${args.replay}: ${reason}\n`);
    return 2;
  }
  switch (args.command) {
    case "checklist":
      return checklist(args, host, deps);
    case "report":
      return report(args, host, deps);
    case "record":
      return record(args, host, deps);
    case "status":
      return status(args, host, deps);
    case "clock":
      return clock(args, host, deps);
    case "dns":
      return dns(args, host, deps);
    case "fix":
      return fix(args, host, deps);
  }
}

const exitFor = (findings: Finding[]) => (findings.some((f) => f.status === "fail") ? 1 : 0);

async function run(
  args: CliArgs,
  host: Host,
  deps: CliDeps,
  onFinding?: (f: Finding) => void,
): Promise<ChecklistResult> {
  const progress = !args.json && deps.stderr.isTTY ? startProgress(deps) : undefined;
  try {
    return await runFullChecklist(host, {
      ...deps.run,
      deadlineMs: args.deadlineMs,
      onFinding: (f) => {
        progress?.clear();
        onFinding?.(f);
        progress?.done();
      },
    });
  } finally {
    progress?.stop();
  }
}

async function checklist(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const style = { colour: !!deps.stdout.isTTY && !deps.env.NO_COLOR };
  const result = await run(
    args,
    host,
    deps,
    args.json ? undefined : (f) => deps.stdout.write(findingLine(f, style) + "\n"),
  );
  if (args.json) deps.stdout.write(JSON.stringify(checklistJson(result), null, 2) + "\n");
  else
    deps.stdout.write(
      `${diagnosisBlock(result.causes, style)}\n\n${tally(result.findings)} in ${result.durationMs} ms\n`,
    );
  return exitFor(result.findings);
}

async function report(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const result = await run(args, host, deps);
  const history = await new FixHistory(jsonFileStorage(join(dataDir(deps.env), "history.json"))).list();
  const text = buildReport(
    { ...result, history, appVersion: APP_VERSION, context: localContext(deps.env) },
    { format: args.plain ? "plain" : "markdown", redact: args.redact },
  );
  if (args.json) deps.stdout.write(JSON.stringify({ ...checklistJson(result), report: text }, null, 2) + "\n");
  else deps.stdout.write(text);
  return exitFor(result.findings);
}

async function record(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const recorder = createRecordingHost(host);
  const result = await run(args, recorder, deps);
  const file = args.positional[0];
  try {
    await writeFile(file, JSON.stringify(recorder.recording(), null, 2) + "\n", { mode: 0o600 });
  } catch (error) {
    deps.stderr.write(`apple-id-doctor: can't write ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const r = recorder.recording();
  const inputs = [r.exec, r.http, r.dns, r.tcp, r.tls, r.ntp, r.files].reduce((n, list) => n + (list?.length ?? 0), 0);
  if (args.json) deps.stdout.write(JSON.stringify({ file, inputs, ...checklistJson(result) }, null, 2) + "\n");
  else {
    deps.stdout.write(
      `Saved ${inputs} inputs from ${result.findings.length} checks to ${file}.\n` +
        "It holds identifiers (your Apple Account email, IP addresses, network names): send it only to someone helping you.\n",
    );
  }
  return exitFor(result.findings);
}

async function status(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const targets = deps.run?.targets ?? DEFAULT_TARGETS;
  const source = args.developer ? "developer" : "consumer";
  const now = host.now();
  const fetched = await fetchStatusFeed(host, targets.statusFeeds[source], { now, source });
  if (!fetched.ok) {
    deps.stderr.write(`apple-id-doctor: ${fetched.reason}\n`);
    return 1;
  }
  const doc = statusJson(fetched.feed, source, fetched.fetchedAt, args.all);
  if (args.json) deps.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  else deps.stdout.write(statusLines(doc, now).join("\n") + "\n");
  const down = doc.services.some((s) => s.signInRelated && s.state === "outage");
  return down ? 1 : 0;
}

async function clock(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const findings = await runChecklist([clockProbe, timeSettingsProbe], host, {
    ...deps.run,
    deadlineMs: args.deadlineMs,
  });
  if (args.json) {
    deps.stdout.write(
      JSON.stringify({ findings: findings.map(publicFinding), measurement: findings[0].data ?? null }, null, 2) + "\n",
    );
  } else {
    const style = { colour: !!deps.stdout.isTTY && !deps.env.NO_COLOR };
    for (const f of findings) {
      deps.stdout.write(findingLine(f, style) + "\n");
      for (const d of f.details) deps.stdout.write(`    ${d}\n`);
    }
    if (findings[0].fixes.includes("sync-clock")) deps.stdout.write("\nFix: apple-id-doctor fix sync-clock\n");
  }
  return exitFor(findings);
}

async function dns(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const [finding] = await runChecklist([dnsProbe], host, { ...deps.run, deadlineMs: args.deadlineMs });
  const hosts = (finding.data?.hosts ?? []) as DnsHostResult[];
  const resolvers = finding.data?.resolvers as ResolverSummary | undefined;
  if (args.json) {
    deps.stdout.write(
      JSON.stringify({ finding: publicFinding(finding), resolvers: resolvers ?? null, hosts }, null, 2) + "\n",
    );
  } else {
    const style = { colour: !!deps.stdout.isTTY && !deps.env.NO_COLOR };
    deps.stdout.write(
      [...resolverLines(resolvers), "", ...hostTable(hosts), "", findingLine(finding, style), ""].join("\n"),
    );
  }
  return finding.status === "fail" ? 1 : 0;
}

async function fix(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const id = args.positional[0];
  const chosen = fixById(id);
  if (!chosen) {
    const known = (FIX_IDS as readonly string[]).includes(id);
    deps.stderr.write(
      `apple-id-doctor: ${known ? `the fix "${id}" isn't available yet` : `unknown fix "${id}"`} (try --help)\n`,
    );
    return 2;
  }
  if (chosen.destructive && !args.yes) {
    deps.stderr.write(
      `apple-id-doctor: ${chosen.title} changes this Mac's settings; run again with --yes to go ahead\n`,
    );
    return 2;
  }
  const history = new FixHistory(jsonFileStorage(join(dataDir(deps.env), "history.json")));
  if (!args.json)
    deps.stdout.write(
      `${chosen.title}…${chosen.needsAdmin ? " (macOS will ask for an administrator password or Touch ID)" : ""}\n`,
    );
  const backups = createBackupStore(join(dataDir(deps.env), "backups"));
  const applied = await applyFix(chosen, host, {
    ...deps.run,
    history,
    deadlineMs: args.deadlineMs,
    backups,
    backupPath: chosen.id === "restore-account-cache" ? args.positional[1] : undefined,
  });
  const failed = applied.result.outcome !== "done" || applied.after.some((f) => f.status === "fail");
  if (args.json) {
    deps.stdout.write(
      JSON.stringify(
        {
          fix: chosen.id,
          outcome: applied.result.outcome,
          message: applied.result.message,
          ran: applied.result.ran ?? [],
          before: applied.before.map(publicFinding),
          after: applied.after.map(publicFinding),
        },
        null,
        2,
      ) + "\n",
    );
    return failed ? 1 : 0;
  }
  const style = { colour: !!deps.stdout.isTTY && !deps.env.NO_COLOR };
  deps.stdout.write(
    `${applied.result.outcome === "done" ? "✓" : applied.result.outcome === "cancelled" ? "–" : "✗"} ${applied.result.message}\n`,
  );
  for (const line of applied.result.ran ?? []) deps.stdout.write(`  ran: ${line}\n`);
  if (applied.result.outcome === "done" && applied.before.length) {
    deps.stdout.write("\nBefore → after\n");
    applied.before.forEach((b, i) => {
      const a = applied.after[i];
      deps.stdout.write(`  ${findingLine(b, style)}\n  → ${a ? findingLine(a, style) : "not re-checked"}\n`);
    });
  }
  return failed ? 1 : 0;
}

/** The local names a report hides even where no probe flagged them. */
function localContext(env: NodeJS.ProcessEnv) {
  return { userName: env.USER || env.LOGNAME || undefined, homeDir: env.HOME || undefined };
}

/** A one-line "waiting on…" ticker on stderr, for people at a terminal. */
function startProgress(deps: CliDeps) {
  const total = CHECKLIST_PROBES.length;
  let finished = 0;
  let shown = false;
  const frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
  let frame = 0;
  const draw = () => {
    deps.stderr.write(`\r\u001b[2K${frames[frame++ % frames.length]} Checking… ${finished}/${total}`);
    shown = true;
  };
  const timer = setInterval(draw, 80);
  const clear = () => {
    if (shown) deps.stderr.write("\r\u001b[2K");
    shown = false;
  };
  return {
    clear,
    done: () => void finished++,
    stop: () => {
      clearInterval(timer);
      clear();
    },
  };
}

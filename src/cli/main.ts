import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { ignoredEntries, parseRecording, RecordingError } from "../core/host/recording";
import { createReplayHost } from "../core/host/replay";
import { cleanLine } from "../core/sanitize";
import type { Host } from "../core/host/types";
import { APP_VERSION } from "../core/version";
import { parseCliArgs, usage, type CliArgs, type CommandName } from "./args";
import type { CliDeps } from "./deps";
import { commandPrefix } from "./invocation";

export type { CliDeps, Output } from "./deps";

type Command = { run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> };

// Each command loads only what it needs: `--version` and `--help` load
// nothing, and a replay never loads process execution or sockets.
const COMMANDS: Record<Exclude<CommandName, keyof typeof HOSTLESS>, () => Promise<Command>> = {
  checklist: () => import("./commands/checklist"),
  report: () => import("./commands/report"),
  record: () => import("./commands/record"),
  status: () => import("./commands/status"),
  dns: () => import("./commands/dns"),
  clock: () => import("./commands/clock"),
  fix: () => import("./commands/fix"),
};

// Commands that read only the built-in knowledge: no Mac, no recording.
const HOSTLESS = {
  explain: () => import("./commands/explain"),
};

export function defaultDeps(): CliDeps {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    scriptPath: process.argv[1],
    realHost: async () => (await import("../core/host/real")).createRealHost(),
    confirm: askOnTerminal,
  };
}

/** y/N on a terminal; with no terminal there is nobody to ask (undefined). */
async function askOnTerminal(question: string): Promise<boolean | undefined> {
  if (!process.stdin.isTTY) return undefined;
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
    if ("help" in parsed) return (void deps.stdout.write(usage(commandPrefix(deps.env, deps.scriptPath)) + "\n"), 0);
    if ("version" in parsed) return (void deps.stdout.write(APP_VERSION + "\n"), 0);
    deps.stderr.write(`apple-id-doctor: ${parsed.error}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.command === "explain") return (await HOSTLESS.explain()).run(args, deps);
  let host: Host;
  try {
    if (args.replay) {
      const recording = parseRecording(await readFile(args.replay, "utf8"));
      const ignored = ignoredEntries(recording);
      if (ignored)
        deps.stderr.write(
          `apple-id-doctor: ignored ${ignored} ${ignored === 1 ? "entry" : "entries"} of the recording with a field of the wrong type (as if not recorded)\n`,
        );
      host = createReplayHost(recording);
    } else host = await deps.realHost();
  } catch (error) {
    const reason = cleanLine(error instanceof RecordingError ? error.message : (error as Error).message);
    deps.stderr.write(`apple-id-doctor: can't read recording ${cleanLine(args.replay)}: ${reason}\n`);
    return 2;
  }
  const command = await COMMANDS[args.command]();
  return command.run(args, host, deps);
}

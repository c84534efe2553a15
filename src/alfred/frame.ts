import { parseAlfredArgs, type AlfredArgs, type ScriptFilterCommand } from "./args";
import { checklistFrame, FRESH_MS, isProcessAlive, RUN_VARIABLE } from "./checklist-cache";
import { checkingItems } from "./checking-items";
import {
  checklistItems,
  errorItem,
  filterItems,
  output,
  RERUN_SECONDS,
  reportVariables,
  type ScriptFilterOutput,
} from "./items";
import type { ProbeId } from "../core/ids";

// What a keyword shows, at keystroke speed: this file and what it imports
// are all the first frame loads (no probes, no host, no execa). The checks
// themselves run in the background process (script-filter.ts), which Alfred
// never waits for: the first frame has the action rows and "Checking…"
// rows, `rerun` asks again until the answer is in. Alfred filters the rows
// as the user types (alfredfiltersresults), so this runs once per
// invocation plus its reruns, never once per keystroke.

export interface FrameDeps {
  env: NodeJS.ProcessEnv;
  now?: () => number;
  /** Starts `<command> --background <runId>` detached; its pid. */
  spawnBackground: (command: ScriptFilterCommand, runId: string) => number | undefined;
  isAlive?: (pid: number) => boolean;
  /** The checklist's probes, for its "Checking…" rows. */
  probes: readonly { id: ProbeId; title: string }[];
  /** The whole answer in this process (replays, runs outside Alfred); never throws. */
  compute: (args: AlfredArgs) => Promise<ScriptFilterOutput>;
}

export function wrongWayOutput(error: string): ScriptFilterOutput {
  return output([
    errorItem(
      "Apple ID Doctor Was Started the Wrong Way",
      `${error}. Reinstall the workflow; if that doesn't help, report this message`,
    ),
  ]);
}

/** One Script Filter run: argv as the workflow passes it, the answer as Script Filter JSON (an object). */
export async function frame(argv: string[], deps: FrameDeps): Promise<ScriptFilterOutput> {
  const parsed = parseAlfredArgs(argv);
  if (!parsed.ok) return wrongWayOutput(parsed.error);
  const { args } = parsed;
  const dir = deps.env.alfred_workflow_cache;
  // A replay (tests, support) or a run outside Alfred answers in one go; the
  // query narrows it here, since no Alfred filters it.
  if (args.replay || !dir) {
    const answer = await deps.compute(args);
    return args.query ? { ...answer, items: filterItems(answer.items, args.query) } : answer;
  }
  try {
    const f = checklistFrame({
      dir,
      name: args.command,
      runId: deps.env[RUN_VARIABLE] || undefined,
      freshMs: args.command === "checklist" ? FRESH_MS : 0,
      now: deps.now ?? Date.now,
      start: (runId) => deps.spawnBackground(args.command, runId),
      isAlive: deps.isAlive ?? isProcessAlive,
    });
    if (f.kind === "failed") {
      return output([errorItem(f.error, "Type the keyword again to run the checks again", { uid: "cause:failed" })]);
    }
    const run = f.runId ? { [RUN_VARIABLE]: f.runId } : undefined;
    if (args.command === "checklist") {
      const items = checklistItems(f.snapshot, deps.probes);
      if (f.kind === "running") return output(items, RERUN_SECONDS, run);
      return output(items, undefined, { ...run, ...reportVariables(f.snapshot.report) });
    }
    if (f.kind === "done") {
      if (!f.output) return output([errorItem("The checks left no answer", "Type the keyword again")]);
      return { ...f.output, variables: { ...f.output.variables, ...run } };
    }
    return output(checkingItems(args.command), RERUN_SECONDS, run);
  } catch (error) {
    return output([
      errorItem(
        "Apple ID Doctor Ran Into a Problem",
        `${(error as Error)?.message ?? error}. Try again; if it keeps happening, ⌥⏎ copies this message for a bug report`,
        { details: (error as Error)?.stack },
      ),
    ]);
  }
}

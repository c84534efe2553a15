import { join } from "node:path";
import { runFullChecklist, type ChecklistResult } from "../core/checklist";
import { FixHistory } from "../core/history";
import type { Host } from "../core/host/types";
import { CHECKLIST_PROBES } from "../core/probes";
import type { Finding } from "../core/types";
import type { CliArgs } from "./args";
import type { CliDeps } from "./deps";
import { dataDir, jsonFileStorage } from "./environment";
import type { Style } from "./format";
import { commandPrefix } from "./invocation";
import { wrapWidth } from "./wrap";

/** 0 when nothing failed, 1 when a check failed (CONTRACT.md section 1). */
export const exitFor = (findings: Finding[]) => (findings.some((f) => f.status === "fail") ? 1 : 0);

export const styleFor = (deps: CliDeps): Style => ({
  colour: !!deps.stdout.isTTY && !deps.env.NO_COLOR,
  width: wrapWidth(deps.stdout.isTTY ? deps.stdout.columns : undefined),
});

/** The words that start a command the way this run was started: "apple-id-doctor", "npm run --silent cli --"… */
export const prefixFor = (deps: CliDeps) => commandPrefix(deps.env, deps.scriptPath);

export const historyFor = (deps: CliDeps) =>
  new FixHistory(
    jsonFileStorage(join(dataDir(deps.env), "history.json"), {
      onCorrupt: (keptAs) =>
        void deps.stderr.write(
          `apple-id-doctor: the fix history was damaged; kept it as ${keptAs} and started a new one\n`,
        ),
    }),
  );

/** The local names a report hides even where no probe flagged them. */
export function localContext(env: NodeJS.ProcessEnv) {
  return { userName: env.USER || env.LOGNAME || undefined, homeDir: env.HOME || undefined };
}

/** The full checklist, with a progress line on a terminal. */
export async function runWithProgress(
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

/** A one-line "Checking… 4/14" ticker on stderr, for people at a terminal. */
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

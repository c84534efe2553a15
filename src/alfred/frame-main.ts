import type * as ChildProcess from "node:child_process";
import { join } from "node:path";
import type { ProbeId } from "../core/ids";
import type { AlfredArgs, ScriptFilterCommand } from "./args";
import { settleStart } from "./checklist-cache";
import { frame } from "./frame";
import type { ScriptFilterOutput } from "./items";

// lib/frame.js: a Script Filter frame inside Alfred. The checklist's probe
// ids and titles are written in at build time (scripts/build-alfred.ts), so
// the "Checking…" rows need no probe code. Starting the background process
// waits until the answer is written and stdout closed (`afterAnswer`):
// loading child_process and forking cost more than the rest of the frame,
// and Alfred needn't wait for them. A start that fails is in the run file
// for the next rerun to show.

declare const APPLE_ID_DOCTOR_PROBES: { id: ProbeId; title: string }[];

interface Worker {
  computeOutput(args: AlfredArgs, deps: { env: NodeJS.ProcessEnv }): Promise<ScriptFilterOutput>;
}

let pending: { command: ScriptFilterCommand; runId: string; env: NodeJS.ProcessEnv } | undefined;

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const answer = await frame(argv, {
    env,
    probes: APPLE_ID_DOCTOR_PROBES,
    spawnBackground: (command, runId) => {
      pending = { command, runId, env };
      return undefined;
    },
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the heavy half, only when no Alfred is around
    compute: (args) => (require(join(__dirname, "worker.js")) as Worker).computeOutput(args, { env }),
  });
  return JSON.stringify(answer);
}

/** Starts the run the frame claimed: the entry again (it picks lib/worker.js for --background), detached. */
export function afterAnswer(): void {
  if (!pending) return;
  const { command, runId, env } = pending;
  const dir = env.alfred_workflow_cache!;
  pending = undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a run starts
    const { spawn } = require("node:child_process") as typeof ChildProcess;
    const child = spawn(process.execPath, [process.argv[1], command, "--background", runId], {
      detached: true,
      stdio: "ignore",
      env,
    });
    child.unref();
    settleStart(dir, runId, { pid: child.pid }, command);
  } catch (error) {
    settleStart(dir, runId, { error: `Couldn't start the checks: ${(error as Error)?.message ?? error}` }, command);
  }
}

import type * as ChildProcess from "node:child_process";
import { join } from "node:path";
import type { ProbeId } from "../core/ids";
import type { AlfredArgs } from "./args";
import { frame } from "./frame";
import type { ScriptFilterOutput } from "./items";

// lib/frame.js: a Script Filter frame inside Alfred. The checklist's probe
// ids and titles are written in at build time (scripts/build-alfred.ts), so
// the "Checking…" rows need no probe code.

declare const APPLE_ID_DOCTOR_PROBES: { id: ProbeId; title: string }[];

interface Worker {
  computeOutput(args: AlfredArgs, deps: { env: NodeJS.ProcessEnv }): Promise<ScriptFilterOutput>;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const answer = await frame(argv, {
    env,
    probes: APPLE_ID_DOCTOR_PROBES,
    spawnBackground: (command, runId) => {
      // The entry again (it picks lib/worker.js for --background), detached, stdio ignored:
      // Alfred's pipe closes when this process exits. child_process is loaded only here:
      // a rerun, which only reads, doesn't pay for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { spawn } = require("node:child_process") as typeof ChildProcess;
      const child = spawn(process.execPath, [process.argv[1], command, "--background", runId], {
        detached: true,
        stdio: "ignore",
        env,
      });
      child.unref();
      return child.pid;
    },
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the heavy half, only when no Alfred is around
    compute: (args) => (require(join(__dirname, "worker.js")) as Worker).computeOutput(args, { env }),
  });
  return JSON.stringify(answer);
}

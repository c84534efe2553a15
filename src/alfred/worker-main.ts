import { parseAlfredArgs } from "./args";
import { runAction } from "./run-action";
import { main as scriptFilterMain, runBackground } from "./script-filter";

// lib/worker.js: everything that checks or fixes. The background run of a
// keyword, the Run Script action, and whole answers for replays and runs
// outside Alfred.

export { computeOutput } from "./script-filter";

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  if (argv[0] === "action") {
    const dash = argv.indexOf("--");
    const result = await runAction((dash >= 0 ? argv.slice(dash + 1) : argv.slice(1)).join(" "), { env });
    return result.line ? `${result.line}\n` : "";
  }
  const parsed = parseAlfredArgs(argv);
  if (parsed.ok && parsed.args.background) {
    await runBackground(parsed.args.background, { env }, undefined, parsed.args.command);
    return "";
  }
  return scriptFilterMain(argv, env);
}

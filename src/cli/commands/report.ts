import { checklistJson } from "../../core/checklist";
import type { Host } from "../../core/host/types";
import { buildReport } from "../../core/report";
import { APP_VERSION } from "../../core/version";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { exitFor, historyFor, localContext, runWithProgress } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const result = await runWithProgress(args, host, deps);
  const history = await historyFor(deps).list();
  const text = buildReport(
    { ...result, history, appVersion: APP_VERSION, context: localContext(deps.env) },
    { format: args.plain ? "plain" : "markdown", redact: args.redact },
  );
  if (args.json) deps.stdout.write(JSON.stringify({ ...checklistJson(result), report: text }, null, 2) + "\n");
  else deps.stdout.write(text);
  return exitFor(result.findings);
}

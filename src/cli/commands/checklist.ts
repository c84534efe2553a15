import { checklistJson } from "../../core/checklist";
import type { Host } from "../../core/host/types";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { diagnosisBlock, findingLine, tally } from "../format";
import { exitFor, runWithProgress, styleFor } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const style = styleFor(deps);
  const result = await runWithProgress(
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

import { publicFinding } from "../../core/checklist";
import type { Host } from "../../core/host/types";
import { clockProbe } from "../../core/probes/clock";
import { timeSettingsProbe } from "../../core/probes/time-settings";
import { runChecklist } from "../../core/run";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { findingLine } from "../format";
import { wrapLine } from "../wrap";
import { exitFor, prefixFor, styleFor } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const findings = await runChecklist([clockProbe, timeSettingsProbe], host, {
    ...deps.run,
    deadlineMs: args.deadlineMs,
  });
  if (args.json) {
    deps.stdout.write(
      JSON.stringify({ findings: findings.map(publicFinding), measurement: findings[0].data ?? null }, null, 2) + "\n",
    );
    return exitFor(findings);
  }
  const style = styleFor(deps);
  for (const f of findings) {
    deps.stdout.write(findingLine(f, style) + "\n");
    for (const d of f.details) deps.stdout.write(wrapLine(`    ${d}`, style.width, "      ").join("\n") + "\n");
  }
  if (findings[0].fixes.includes("sync-clock")) deps.stdout.write(`\nFix: ${prefixFor(deps)} fix sync-clock\n`);
  return exitFor(findings);
}

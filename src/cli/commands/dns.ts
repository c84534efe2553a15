import { publicFinding } from "../../core/checklist";
import type { Host } from "../../core/host/types";
import { dnsProbe, type DnsHostResult, type ResolverSummary } from "../../core/probes/dns";
import { runChecklist } from "../../core/run";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { hostTable, resolverLines } from "../dns-table";
import { findingLine } from "../format";
import { styleFor } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const [finding] = await runChecklist([dnsProbe], host, { ...deps.run, deadlineMs: args.deadlineMs });
  const hosts = (finding.data?.hosts ?? []) as DnsHostResult[];
  const resolvers = finding.data?.resolvers as ResolverSummary | undefined;
  if (args.json) {
    deps.stdout.write(
      JSON.stringify({ finding: publicFinding(finding), resolvers: resolvers ?? null, hosts }, null, 2) + "\n",
    );
  } else {
    deps.stdout.write(
      [...resolverLines(resolvers), "", ...hostTable(hosts), "", findingLine(finding, styleFor(deps)), ""].join("\n"),
    );
  }
  return finding.status === "fail" ? 1 : 0;
}

import { checklistJson } from "../../core/checklist";
import type { Host } from "../../core/host/types";
import { collectIdentifiers, redact } from "../../core/redact";
import type { Finding } from "../../core/types";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { diagnosisBlock, findingLine, tally } from "../format";
import { jamfResult } from "../jamf";
import { wrapLine } from "../wrap";
import { exitFor, localContext, prefixFor, runWithProgress, styleFor } from "../shared";

// People paste terminal output into chats and forums, so the human output
// hides identifiers (the account email, VPN and network names) the way a
// report does, unless --show-identifiers; --json is for scripts and keeps them.

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const style = styleFor(deps);
  const prefix = prefixFor(deps);
  const context = localContext(deps.env);
  // Streamed lines can only hide what that check (or the patterns) knows; the diagnosis sees them all.
  const hide = (text: string, findings: Finding[]) =>
    args.showIdentifiers ? text : redact(text, { ...context, identifiers: collectIdentifiers(findings) });
  let hidden = false;
  const show = (text: string, findings: Finding[]) => {
    const shown = hide(text, findings);
    if (shown !== text) hidden = true;
    return shown;
  };
  const result = await runWithProgress(
    args,
    host,
    deps,
    args.json || args.format ? undefined : (f) => deps.stdout.write(show(findingLine(f, style), [f]) + "\n"),
  );
  if (args.format === "jamf") {
    deps.stdout.write(jamfResult(result.causes, result.findings, context) + "\n");
    return exitFor(result.findings);
  }
  if (args.json) {
    deps.stdout.write(JSON.stringify(checklistJson(result), null, 2) + "\n");
    return exitFor(result.findings);
  }
  const diagnosis = show(diagnosisBlock(result.causes, style, prefix), result.findings);
  const privacy = args.showIdentifiers
    ? `This output shows identifiers (email, network names). To share, paste \`${prefix} report\` instead.`
    : hidden
      ? `Identifiers are hidden (--show-identifiers shows them). To share, paste \`${prefix} report\`.`
      : `To share, paste \`${prefix} report\`: a support report with identifiers hidden.`;
  const footer = [tally(result.findings, result.durationMs), privacy].flatMap((l) => wrapLine(l, style.width, ""));
  deps.stdout.write(`${diagnosis}\n\n${footer.join("\n")}\n`);
  return exitFor(result.findings);
}

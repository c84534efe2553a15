import { CAUSE_TITLES } from "../../core/cause-titles";
import { FIX_TITLES } from "../../core/fix-titles";
import { searchKnowledge, type KnowledgeEntry, type KnowledgeMatch } from "../../core/knowledge";
import { probeById } from "../../core/probes";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { prefixFor, styleFor } from "../shared";
import { wrapLine } from "../wrap";

/** How many matches a person reads; --json gets the same ones. */
const SHOWN = 3;

/** `explain <error>`: 0 when something matched, 1 when nothing did (no query is bad usage, 2, in args). */
export async function run(args: CliArgs, deps: CliDeps): Promise<number> {
  const query = args.positional.join(" ").trim();
  const matches = searchKnowledge(query, SHOWN);
  const prefix = prefixFor(deps);
  if (args.json) {
    deps.stdout.write(JSON.stringify({ query, matches: matches.map(matchJson) }, null, 2) + "\n");
    return matches.length ? 0 : 1;
  }
  const style = styleFor(deps);
  const out = (text: string, hang: string) => wrapLine(text, style.width, hang);
  if (!matches.length) {
    deps.stdout.write(
      [
        ...out(`No match for "${query}". Try the exact error code, like -20209, or a few words from the message.`, ""),
        `To look at this Mac instead: ${prefix} checklist`,
      ].join("\n") + "\n",
    );
    return 1;
  }
  const bold = (text: string) => (style.colour ? `\u001b[1m${text}\u001b[0m` : text);
  const blocks = matches.map(({ entry, matched }, i) => {
    // An unverified meaning says so once, here; the title, meaning and source don't repeat it.
    const trust = entry.verified ? `${entry.confidence} confidence` : "unverified: no public source confirms it";
    let head = `${i + 1}. ${bold(entry.title.replace(/ \(Unconfirmed\)$/, ""))} (${trust})`;
    if (matched && entry.match.codes.includes(matched)) head += ` · code ${matched}`;
    const lines = [...out(head, "   ")];
    lines.push(...out(`   ${entry.meaning}`, "   "));
    if (entry.likelyCauses.length) {
      lines.push(...out(`   Likely causes: ${entry.likelyCauses.map((c) => CAUSE_TITLES[c]).join(", ")}`, "     "));
    }
    if (entry.probes.length) {
      const titles = entry.probes.map((id) => probeById(id)?.title ?? id);
      lines.push(`   Check: ${prefix} checklist  (${titles.join(", ")})`);
    }
    for (const fix of entry.fixes) lines.push(`   Fix: ${prefix} fix ${fix}  (${FIX_TITLES[fix]})`);
    if (entry.steps.length) {
      lines.push("   What to do:");
      entry.steps.forEach((step, n) => {
        const number = `${n + 1}. `;
        lines.push(...out(`     ${number}${inTerminalWords(step, prefix)}`, " ".repeat(5 + number.length)));
      });
    }
    lines.push(...out(`   Source: ${plainSource(entry)}`, "     "));
    return lines.join("\n");
  });
  deps.stdout.write(blocks.join("\n\n") + "\n");
  return 0;
}

function matchJson({ entry, score, matched }: KnowledgeMatch) {
  return { ...entry, score, matched };
}

/** The source without the "(unverified)" the heading already said. */
function plainSource(entry: KnowledgeEntry): string {
  return entry.verified ? entry.source : entry.source.replace(/(;\s*unverified|\s*\(unverified\))$/i, "");
}

/**
 * The knowledge speaks in Raycast's words ("the report from Run Full
 * Checklist"); in a terminal those name commands the user doesn't have, so
 * they become the CLI commands that do the same.
 */
export function inTerminalWords(step: string, prefix: string): string {
  return step
    .replace(/^Run Full Checklist and copy its report/, `Run \`${prefix} report\` and copy what it prints`)
    .replace(/the report from Run Full Checklist/g, `the report from \`${prefix} report\``)
    .replace(/\bRun Full Checklist\b/g, `\`${prefix} checklist\``)
    .replace(/\b([Rr])un the related checks\b/g, `$1un the related checks (\`${prefix} checklist\`)`);
}

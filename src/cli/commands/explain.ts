import { CAUSE_TITLES } from "../../core/cause-titles";
import { FIX_TITLES } from "../../core/fix-titles";
import { searchKnowledge, type KnowledgeMatch } from "../../core/knowledge";
import { probeById } from "../../core/probes";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { styleFor } from "../shared";

/** How many matches a person reads; --json gets the same ones. */
const SHOWN = 3;

/** `explain <error>`: 0 when something matched, 1 when nothing did (no query is bad usage, 2, in args). */
export async function run(args: CliArgs, deps: CliDeps): Promise<number> {
  const query = args.positional.join(" ").trim();
  const matches = searchKnowledge(query, SHOWN);
  if (args.json) {
    deps.stdout.write(JSON.stringify({ query, matches: matches.map(matchJson) }, null, 2) + "\n");
    return matches.length ? 0 : 1;
  }
  if (!matches.length) {
    deps.stdout.write(
      `No match for "${query}". Try the exact error code, like -20209, or a few words from the message.\n` +
        "To look at this Mac instead: apple-id-doctor checklist\n",
    );
    return 1;
  }
  const bold = (text: string) => (styleFor(deps).colour ? `\u001b[1m${text}\u001b[0m` : text);
  const blocks = matches.map(({ entry, matched }, i) => {
    const trust = `${entry.confidence} confidence${entry.verified ? "" : ", unverified"}`;
    const lines = [`${i + 1}. ${bold(entry.title)} (${trust})`];
    if (matched && entry.match.codes.includes(matched)) lines[0] += ` · code ${matched}`;
    lines.push(...wrap(entry.meaning, "   "));
    if (entry.likelyCauses.length) {
      lines.push(`   Likely causes: ${entry.likelyCauses.map((c) => CAUSE_TITLES[c]).join(", ")}`);
    }
    if (entry.probes.length) {
      const titles = entry.probes.map((id) => probeById(id)?.title ?? id);
      lines.push(`   Check: apple-id-doctor checklist  (${titles.join(", ")})`);
    }
    for (const fix of entry.fixes) lines.push(`   Fix: apple-id-doctor fix ${fix}  (${FIX_TITLES[fix]})`);
    if (entry.steps.length) {
      lines.push("   What to do:");
      entry.steps.forEach((step, n) => lines.push(...wrap(step, "     ", `${n + 1}. `)));
    }
    lines.push(`   Source: ${entry.source}`);
    return lines.join("\n");
  });
  deps.stdout.write(blocks.join("\n\n") + "\n");
  return 0;
}

function matchJson({ entry, score, matched }: KnowledgeMatch) {
  return { ...entry, score, matched };
}

/** Wraps at about 100 columns under an indent; `first` prefixes the first line (a list number). */
function wrap(text: string, indent: string, first = ""): string[] {
  const width = 100;
  const lines: string[] = [];
  let line = indent + first;
  const pad = indent + " ".repeat(first.length);
  for (const word of text.split(/\s+/)) {
    if (line.trim() && line.length + 1 + word.length > width && line !== indent + first) {
      lines.push(line);
      line = pad + word;
    } else {
      line += (line === indent + first ? "" : " ") + word;
    }
  }
  lines.push(line);
  return lines;
}

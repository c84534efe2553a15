import { causeName } from "../core/cause-titles";
import { FIX_TITLES } from "../core/fix-titles";
import type { Cause, Finding, Status } from "../core/types";
import { wrapLine } from "./wrap";

// Human output for a terminal: one line per check as it finishes, then the
// diagnosis. Colour only on a TTY and never with NO_COLOR; long lines wrap
// at whole words to the terminal's width.

export const MARK: Record<Status, string> = { pass: "✓", warn: "!", fail: "✗", skip: "–", error: "☠" };
const COLOUR: Record<Status, number> = { pass: 32, warn: 33, fail: 31, skip: 90, error: 35 };
/** What each mark means, in the order the tally lists them. */
export const MARK_WORDS: Record<Status, string> = {
  pass: "OK",
  warn: "to look at",
  fail: "failing",
  skip: "not checked",
  error: "broke",
};
/** The legend `--help` and the README print: every mark and its meaning. */
export const LEGEND = (Object.keys(MARK) as Status[]).map((s) => `${MARK[s]} ${MARK_WORDS[s]}`).join(" · ");

export interface Style {
  colour: boolean;
  /** Columns to wrap at; no wrapping when absent. */
  width?: number;
}

const paint = (style: Style, code: number, text: string) => (style.colour ? `\u001b[${code}m${text}\u001b[0m` : text);

export function findingLine(f: Finding, style: Style, indent = ""): string {
  const text = `${indent}${paint(style, COLOUR[f.status], MARK[f.status])} ${f.title}: ${f.summary} ${paint(style, 90, `(${f.durationMs} ms)`)}`;
  return wrapLine(text, style.width, `${indent}  `).join("\n");
}

/** The diagnosis, each fix as the command that runs it (`prefix` is how this run was started). */
export function diagnosisBlock(causes: Cause[], style: Style, prefix: string): string {
  const lines = ["", paint(style, 1, "Diagnosis")];
  const wrap = (text: string, hang = "   ") => lines.push(...wrapLine(text, style.width, hang));
  causes.forEach((c, i) => {
    lines.push(`${i + 1}. ${paint(style, 1, causeName(c))} (${c.confidence} confidence)`);
    wrap(`   ${c.summary}`);
    if (c.cause !== "none") {
      // Never wrapped: a command split over two lines can't be copied.
      for (const f of c.fixes) lines.push(`   Run: ${prefix} fix ${f}  (${FIX_TITLES[f]})`);
    }
  });
  return lines.join("\n");
}

/** "14 checks in 812 ms: ✓ 12 OK · ! 1 to look at · – 1 not checked": the counts double as the legend. */
export function tally(findings: Finding[], durationMs: number): string {
  const order: Status[] = ["pass", "warn", "fail", "skip", "error"];
  const parts = order
    .map((s) => [s, findings.filter((f) => f.status === s).length] as const)
    .filter(([s, n]) => n > 0 || s === "pass")
    .map(([s, n]) => `${MARK[s]} ${n} ${MARK_WORDS[s]}`);
  return `${findings.length} checks in ${durationMs} ms: ${parts.join(" · ")}`;
}

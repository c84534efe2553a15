import { causeName } from "../core/cause-titles";
import { FIX_TITLES } from "../core/fix-titles";
import type { Cause, Finding, Status } from "../core/types";

// Human output for a terminal: one line per check as it finishes, then the
// diagnosis. Colour only on a TTY and never with NO_COLOR.

const MARK: Record<Status, string> = { pass: "✓", warn: "!", fail: "✗", skip: "–", error: "☠" };
const COLOUR: Record<Status, number> = { pass: 32, warn: 33, fail: 31, skip: 90, error: 35 };

export interface Style {
  colour: boolean;
}

const paint = (style: Style, code: number, text: string) => (style.colour ? `\u001b[${code}m${text}\u001b[0m` : text);

export function findingLine(f: Finding, style: Style): string {
  return `${paint(style, COLOUR[f.status], MARK[f.status])} ${f.title}: ${f.summary} ${paint(style, 90, `(${f.durationMs} ms)`)}`;
}

export function diagnosisBlock(causes: Cause[], style: Style): string {
  const lines = ["", paint(style, 1, "Diagnosis")];
  causes.forEach((c, i) => {
    lines.push(`${i + 1}. ${paint(style, 1, causeName(c))} (${c.confidence} confidence)`);
    lines.push(`   ${c.summary}`);
    if (c.cause !== "none" && c.fixes.length) {
      lines.push(`   Fix: ${c.fixes.map((f) => `${FIX_TITLES[f]} (${f})`).join(", ")}`);
    }
  });
  return lines.join("\n");
}

export function tally(findings: Finding[]): string {
  const count = (s: Status) => findings.filter((f) => f.status === s).length;
  const parts = [`${count("pass")} OK`];
  if (count("warn")) parts.push(`${count("warn")} to look at`);
  if (count("fail")) parts.push(`${count("fail")} failing`);
  if (count("skip")) parts.push(`${count("skip")} not checked`);
  if (count("error")) parts.push(`${count("error")} broke`);
  return `${findings.length} checks · ${parts.join(" · ")}`;
}

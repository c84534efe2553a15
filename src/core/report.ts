import { causeName } from "./cause-titles";
import { FIX_TITLES } from "./fix-titles";
import { collectIdentifiers, redact, type RedactionContext } from "./redact";
import { APPLE_REQUIREMENTS, blockerSentence, INTERCEPTION_NOTE, measuredFailures } from "./report-it";
import { cleanLine, cleanLines } from "./sanitize";
import type { Cause, Finding, FixRecord, Status } from "./types";

// The support-ready report: what support asks for first (Mac model and
// macOS version, exact evidence, steps already tried with times, whether
// other devices sign in), redacted by default. Pure: text in, text out.

export interface ReportInput {
  findings: Finding[];
  causes: Cause[];
  history: FixRecord[];
  startedAt: Date;
  durationMs: number;
  platform: string;
  appVersion: string;
  /** Local identifiers to hide even where no probe flagged them (user name, home, computer name). */
  context?: Omit<RedactionContext, "identifiers">;
}

export interface ReportOptions {
  format: "markdown" | "plain";
  redact: boolean;
}

const MARKS: Record<Status, string> = { pass: "✓", warn: "!", fail: "✗", skip: "–", error: "☠" };
const WORDS: Record<Status, string> = { pass: "OK", warn: "Warning", fail: "Failed", skip: "Skipped", error: "Error" };

export function buildReport(input: ReportInput, options: ReportOptions): string {
  const md = options.format === "markdown";
  const lines: string[] = [];
  const h1 = (t: string) => lines.push(md ? `# ${t}` : t.toUpperCase(), "");
  const h2 = (t: string) => lines.push("", md ? `## ${t}` : `${t}\n${"-".repeat(t.length)}`, "");
  const bold = (t: string) => (md ? `**${t}**` : t);
  // Outside text (summaries quote feeds, login pages, command output) is marked here and escaped
  // for Markdown only after redaction, which must see it as it was written. cleanLine removes
  // control characters, the marks among them, so outside text cannot forge one.
  const outside = (t: string) => `${OPEN}${cleanLine(t)}${CLOSE}`;

  const mac = input.findings.find((f) => f.probe === "macos");
  const version =
    mac?.status === "pass" || mac?.status === "warn"
      ? outside(mac.summary.split(":")[0])
      : `unknown (${outside(input.platform)})`;

  h1("Apple ID Doctor Report");
  lines.push(
    `- ${bold("Checked:")} ${formatTime(input.startedAt)} (took ${(input.durationMs / 1000).toFixed(1)} s)`,
    `- ${bold("Mac:")} ${version}`,
    `- ${bold("Apple ID Doctor:")} ${input.appVersion}`,
    `- ${bold("Do other devices sign in with the same Apple Account?")} yes / no (please answer)`,
    `- ${bold("Exact error message on this Mac:")} (please paste)`,
  );

  h2("Diagnosis");
  input.causes.forEach((c, i) => {
    lines.push(`${i + 1}. ${bold(causeName(c))} (${c.confidence} confidence): ${outside(c.summary)}`);
    if (c.fixes.length && c.cause !== "none") {
      lines.push(`   In Apple ID Doctor: ${c.fixes.map((f) => FIX_TITLES[f]).join(", then ")}`);
    }
  });

  // For IT: who is in the way, Apple's requirements, what of them failed here, and Apple's word on interception.
  h2("For IT");
  const blocker = blockerSentence(input.causes);
  lines.push(`- ${bold("In the way:")} ${blocker ? outside(blocker) : "nothing found from this Mac"}`);
  lines.push(
    `- ${bold("Apple requires for sign-in")} (Apple, “Use Apple products on enterprise networks”, support.apple.com/101555):`,
  );
  lines.push(...APPLE_REQUIREMENTS.map((r) => `  - ${r}`));
  const failed = measuredFailures(input.findings);
  lines.push(`- ${bold("Failed from this Mac:")}${failed.length ? "" : " nothing of the above"}`);
  lines.push(...failed.map((l) => `  - ${outside(l)}`));
  lines.push(`- ${INTERCEPTION_NOTE}`);

  h2("Checks");
  for (const f of input.findings) {
    // A list item each in Markdown: bare lines would run together into one paragraph.
    lines.push(`${md ? "- " : ""}${MARKS[f.status]} ${bold(f.title)} (${WORDS[f.status]}): ${outside(f.summary)}`);
    // One line per detail, whatever it held; in Markdown inside a fence longer than any backtick run
    // in them, so no detail can close it and put a link or an image at the start of a line.
    const details = f.details.flatMap(cleanLines);
    if (details.length) {
      if (md) {
        const fence = "`".repeat(Math.max(3, ...details.map(longestBacktickRun).map((n) => n + 1)));
        lines.push("", `  ${fence}`, ...details.map((d) => `  ${d}`), `  ${fence}`, "");
      } else lines.push(...details.map((d) => `    ${d}`));
    }
  }

  h2("Steps Already Tried");
  if (input.history.length === 0) lines.push("None recorded by Apple ID Doctor.");
  for (const r of [...input.history].sort((a, b) => a.at.localeCompare(b.at))) {
    lines.push(
      `- ${formatTime(new Date(r.at))}: ${FIX_TITLES[r.fix]} (${r.outcome}${r.message ? `: ${outside(r.message)}` : ""})`,
    );
  }

  let text =
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n";
  if (options.redact) {
    const redacted = redact(text, { ...input.context, identifiers: collectIdentifiers(input.findings) });
    const hidden = [
      ...new Set(
        redacted.match(
          /\[(email|dsid|uuid|serial|user|computer|private-ip|mac|wifi|proxy-host|vpn|domain|credentials)\]/g,
        ) ?? [],
      ),
    ];
    text =
      redacted + (hidden.length ? `\n${md ? "_" : ""}Hidden for privacy: ${hidden.join(", ")}${md ? "_" : ""}\n` : "");
  }
  return text.replace(OUTSIDE, (_m, inner: string) => (md ? escapeMarkdown(inner) : inner)).replace(SENTINELS, "");
}

// Marks around outside text: control characters, which cleanLine removes from the text itself,
// so nothing from outside can forge one.
const OPEN = "\u0001";
const CLOSE = "\u0002";
// eslint-disable-next-line no-control-regex
const SENTINELS = /[\u0001\u0002]/g;
/** A marked span, up to its close or (when redaction replaced the close with the rest of a line) the line's end. */
// eslint-disable-next-line no-control-regex
const OUTSIDE = /\u0001([^\u0001\u0002\n]*)(?:\u0002|(?=\n)|$)/g;

/**
 * Outside text as literal Markdown: every character that could start a link, an image, HTML, code,
 * a table cell or bold text is backslash-escaped, and bare URLs are broken so they aren't
 * autolinked. Placeholders (`[email]`) stay readable where nothing after them could make a link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`)
    .replace(
      /\\\[(email|dsid|uuid|serial|user|computer|private-ip|mac|wifi|proxy-host|vpn|domain|credentials)\\\](?![(:[])/g,
      "[$1]",
    )
    .replace(/:\/\//g, "\\://")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function formatTime(date: Date): string {
  return Number.isNaN(date.getTime()) ? "unknown time" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

import { CAUSE_TITLES } from "./cause-titles";
import { FIX_TITLES } from "./fix-titles";
import { collectIdentifiers, redact, type RedactionContext } from "./redact";
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

  const mac = input.findings.find((f) => f.probe === "macos");
  const version =
    mac?.status === "pass" || mac?.status === "warn" ? mac.summary.split(":")[0] : `unknown (${input.platform})`;

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
    lines.push(`${i + 1}. ${bold(CAUSE_TITLES[c.cause])} (${c.confidence} confidence): ${c.summary}`);
    if (c.fixes.length && c.cause !== "none") {
      lines.push(`   In Apple ID Doctor: ${c.fixes.map((f) => FIX_TITLES[f]).join(", then ")}`);
    }
  });

  h2("Checks");
  for (const f of input.findings) {
    // A list item each in Markdown: bare lines would run together into one paragraph.
    lines.push(`${md ? "- " : ""}${MARKS[f.status]} ${bold(f.title)} (${WORDS[f.status]}): ${f.summary}`);
    if (f.details.length) {
      if (md) lines.push("", "  ```", ...f.details.map((d) => `  ${d}`), "  ```", "");
      else lines.push(...f.details.map((d) => `    ${d}`));
    }
  }

  h2("Steps Already Tried");
  if (input.history.length === 0) lines.push("None recorded by Apple ID Doctor.");
  for (const r of [...input.history].sort((a, b) => a.at.localeCompare(b.at))) {
    lines.push(
      `- ${formatTime(new Date(r.at))}: ${FIX_TITLES[r.fix]} (${r.outcome}${r.message ? `: ${r.message}` : ""})`,
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
        redacted.match(/\[(email|dsid|uuid|serial|user|computer|private-ip|mac|wifi|proxy-host|vpn|domain)\]/g) ?? [],
      ),
    ];
    text =
      redacted + (hidden.length ? `\n${md ? "_" : ""}Hidden for privacy: ${hidden.join(", ")}${md ? "_" : ""}\n` : "");
  }
  return text;
}

function formatTime(date: Date): string {
  return Number.isNaN(date.getTime()) ? "unknown time" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

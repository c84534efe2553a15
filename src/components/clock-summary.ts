import { CAUSE_TITLES } from "../core/cause-titles";
import { offsetDuration, offsetInWords } from "../core/clock-words";
import type { ClockMeasurement } from "../core/probes/clock";
import type { TimeSettings } from "../core/probes/time-settings";
import type { Cause, Finding } from "../core/types";

// What the Verify Clock view says, as plain data and text: read back from the
// clock and time-settings findings so the rows, the detail pane and the
// copied summary can never disagree. No @raycast/api here.

/** The clock finding's measurement, when it has one (pass, warn or fail with an offset). */
export function measurementOf(finding: Finding | undefined): ClockMeasurement | undefined {
  const d = finding?.data;
  if (!d || typeof d.offsetMs !== "number" || typeof d.server !== "string") return undefined;
  return {
    source: d.source === "http" ? "http" : "ntp",
    server: d.server,
    offsetMs: d.offsetMs,
    delayMs: typeof d.delayMs === "number" ? d.delayMs : 0,
    precisionMs: typeof d.precisionMs === "number" ? d.precisionMs : 0,
  };
}

export function timeSettingsOf(finding: Finding | undefined): TimeSettings | undefined {
  return finding?.data ? (finding.data as TimeSettings) : undefined;
}

/** A server the clock probe asked without an answer, read from its evidence ("time.apple.com (NTP): timed out"). */
export interface FailedAttempt {
  server: string;
  via: "NTP" | "HTTP date";
  reason: string;
}

export function failedAttempts(finding: Finding | undefined): FailedAttempt[] {
  return (finding?.details ?? []).flatMap((line) => {
    const m = /^(.+?) \((NTP|HTTP date)\): (.+)$/.exec(line);
    return m ? [{ server: m[1], via: m[2] as FailedAttempt["via"], reason: m[3] }] : [];
  });
}

/** "9 min 1 s ahead", "3 h behind", "within 12 ms": the offset without the server. */
export function offsetPhrase(offsetMs: number): string {
  if (Math.abs(offsetMs) < 1000) return `within ${offsetDuration(offsetMs)}`;
  return `${offsetDuration(offsetMs)} ${offsetMs < 0 ? "ahead" : "behind"}`;
}

/** "±16 ms", "±1 s". */
export function precisionWords(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `±${ms / 1000} s` : `±${ms} ms`;
}

/** The source as a person reads it: NTP is exact to milliseconds, an HTTP date to the second. */
export function sourceWords(m: ClockMeasurement): string {
  return m.source === "ntp" ? "NTP" : "HTTP date, ±1 s";
}

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type VerdictKind = "checking" | "off" | "right" | "unknown";

export interface ClockVerdict {
  kind: VerdictKind;
  /** Title Case, for the row. */
  title: string;
  /** One sentence, capitalized, no final period. */
  line?: string;
  /** The clock-skew cause the verdict rests on, when the clock is off. */
  cause?: Cause;
}

/**
 * The clock's verdict from the findings and diagnose()'s causes. Off only
 * with evidence: a measured offset, or certificates that look expired or
 * not yet valid (diagnose's clock-skew at more than low confidence). A clock
 * that couldn't be measured is said to be unknown, not off.
 */
export function clockVerdict(clock: Finding | undefined, causes: readonly Cause[] | undefined): ClockVerdict {
  if (!clock || !causes) return { kind: "checking", title: "Checking…" };
  const m = measurementOf(clock);
  const skew = causes.find((c) => c.cause === "clock-skew");
  if (skew && (m ? clock.status !== "pass" : skew.confidence !== "low")) {
    return { kind: "off", title: CAUSE_TITLES["clock-skew"], line: firstSentence(skew.summary), cause: skew };
  }
  if (m && clock.status === "pass") {
    const precision = m.source === "http" ? " (from an HTTP date, ±1 s)" : "";
    return {
      kind: "right",
      title: "Clock Is Right",
      line: capitalize(offsetInWords(m.offsetMs, m.server)) + precision,
    };
  }
  return { kind: "unknown", title: "Couldn't Check Clock", line: clock.summary };
}

/** diagnose()'s summaries are sentences joined by ". "; server names have dots but no space after them. */
function firstSentence(text: string): string {
  return text.split(". ")[0].replace(/\.$/, "");
}

/** "Clock Is Off: your clock is 9 min 1 s ahead of time.apple.com". */
export function verdictLine(verdict: ClockVerdict): string {
  if (!verdict.line) return verdict.title;
  // Lower-case the joined sentence's first letter unless it starts with a name.
  const line = /^Apple\b/.test(verdict.line)
    ? verdict.line
    : verdict.line.charAt(0).toLowerCase() + verdict.line.slice(1);
  return `${verdict.title}: ${line}`;
}

const onOff = (value: boolean | undefined, on: string, off: string) =>
  value === undefined ? "unknown" : value ? on : off;

export interface ClockSummaryInput {
  verdict: ClockVerdict;
  clock?: Finding;
  settings?: Finding;
  /** The clock finding before the last Sync Clock, when one ran. */
  before?: Finding;
}

/** The plain-text summary Copy Clock Summary puts on the clipboard: verdict first, then the numbers. */
export function clockSummaryText({ verdict, clock, settings, before }: ClockSummaryInput): string {
  const lines = ["Apple ID Doctor: clock check", `Verdict: ${verdictLine(verdict)}`];
  const m = measurementOf(clock);
  if (m) {
    const signed = `${m.offsetMs > 0 ? "+" : ""}${m.offsetMs} ms`;
    lines.push(
      `Offset: ${offsetPhrase(m.offsetMs)} (${signed}, server minus this Mac, ${precisionWords(m.precisionMs)})`,
      `Server: ${m.server} (${m.source === "ntp" ? "NTP" : "HTTP date header"})`,
      `Round trip: ${m.delayMs} ms`,
    );
  } else if (clock) {
    lines.push(`Offset: not measured (${clock.summary})`);
  }
  for (const failed of failedAttempts(clock))
    lines.push(`No answer: ${failed.server} (${failed.via}): ${failed.reason}`);
  const was = measurementOf(before);
  if (was) lines.push(`Before Sync Clock: ${offsetPhrase(was.offsetMs)} (${was.server})`);
  const s = timeSettingsOf(settings);
  if (s) {
    lines.push(
      `Time zone: ${s.timeZone ?? "unknown"}`,
      `Set time zone automatically: ${onOff(s.autoTimeZone, "on", "off")}`,
      `Set time and date automatically: ${onOff(s.autoTime, "on", "off")}`,
      `Time daemon (timed): ${onOff(s.timedRunning, "running", "not running when checked")}`,
      `Time server setting: ${s.ntpServer ?? "unknown"}`,
    );
  } else if (settings) {
    lines.push(`Date & time settings: ${settings.summary}`);
  }
  return lines.join("\n");
}

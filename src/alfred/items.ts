import { causeName } from "../core/cause-titles";
import { FIX_TITLES, STATUS_PAGE_URL } from "../core/fix-titles";
import { settingsUrl } from "../core/fixes/open-settings";
import type { CauseId, FixId, ProbeId } from "../core/ids";
import type { Confidence, Status } from "../core/types";
import { FIX_FLAGS } from "./fix-flags";

// Alfred Script Filter JSON (alfredapp.com/help/workflows/inputs/script-filter/json/)
// from plain data: no I/O here, so every row is unit-tested. Conventions on
// every row: ⏎ runs the row's first fix, ⌘ its second (or confirms a
// destructive one), ⌥ copies the redacted report, ⌘C copies the row's own
// redacted text and ⌘L shows the row in Large Type. The report itself is
// in the answer once, as the top-level variables REPORT_VARIABLES, which
// Alfred hands to whatever the chosen row leads to. `variables.action` tells
// the workflow's router what ⏎ does: "copy" (the arg), "copy-report",
// "copy-report-markdown" (those variables) or "run" (the Run Script action);
// `variables.admin` = "yes" announces the password prompt at once.

export interface AlfredIcon {
  path: string;
}

export interface AlfredMod {
  valid: boolean;
  arg: string;
  subtitle: string;
  icon?: AlfredIcon;
  variables?: Record<string, string>;
}

export interface AlfredItem {
  uid: string;
  title: string;
  subtitle: string;
  arg: string;
  valid: boolean;
  icon: AlfredIcon;
  text: { copy: string; largetype: string };
  mods: { cmd: AlfredMod; alt: AlfredMod };
  variables: Record<string, string>;
  match?: string;
  quicklookurl?: string;
}

export interface ScriptFilterOutput {
  items: AlfredItem[];
  /** Seconds until Alfred runs the Script Filter again (0.1–5); only while checks are running. */
  rerun?: number;
  /** Passed to the chosen row's actions, and back to each rerun. */
  variables?: Record<string, string>;
  /** Keep our order (diagnosis first) instead of Alfred's learned one. */
  skipknowledge: true;
}

/** How often Alfred asks again while the background checklist runs. */
export const RERUN_SECONDS = 0.3;

export const ICONS = {
  app: "icon.png",
  pass: "icons/pass.png",
  warn: "icons/warn.png",
  fail: "icons/fail.png",
  skip: "icons/skip.png",
  error: "icons/error.png",
  pending: "icons/pending.png",
  copy: "icons/copy.png",
} as const;

export const STATUS_WORDS: Record<Status, string> = {
  pass: "OK",
  warn: "Warning",
  fail: "Failed",
  skip: "Not checked",
  error: "Error",
};

/** What ⌘C copies before a report exists: nothing that could hold an identifier. */
export const NOT_READY = "Apple ID Doctor is still checking; the support report is ready in a few seconds.";

const RUN = { action: "run" } as const;
const COPY = { action: "copy" } as const;
const COPY_REPORT = { action: "copy-report" } as const;
const COPY_MARKDOWN = { action: "copy-report-markdown" } as const;

/** The top-level variables that hold the report (redacted), once per answer. */
export const REPORT_VARIABLES = { plain: "report_plain", markdown: "report_markdown" } as const;

/** ⏎ on a fix: the Run Script action, announcing the password prompt when the fix asks for one. */
const runVariables = (action?: { needsAdmin: boolean }): Record<string, string> =>
  action?.needsAdmin ? { ...RUN, admin: "yes" } : { ...RUN };

/** A finding as the contract's JSON has it: what a cached run keeps. */
export interface FindingView {
  probe: ProbeId;
  status: Status;
  title: string;
  summary: string;
  details: string[];
  fixes: FixId[];
}

export interface CauseView {
  cause: CauseId;
  confidence: Confidence;
  summary: string;
  /** What the diagnosis rests on: ⌘'s subtitle when there is no second fix. */
  evidence?: string[];
  fixes: FixId[];
  title?: string;
}

export interface ReportTexts {
  /** Redacted plain text: ⌘C, ⌥⏎ and the Copy Support Report row. */
  plain: string;
  /** Redacted Markdown: ⌘⏎ on the Copy Support Report row. */
  markdown: string;
}

/** A checklist run, finished or not, as the rows need it. */
export interface ChecklistSnapshot {
  findings: FindingView[];
  causes?: CauseView[];
  report?: ReportTexts;
  macosMajor?: number;
  /** Each row's own redacted text for ⌘C, by row uid ("finding:dns", "cause:dns"). */
  lines?: Record<string, string>;
}

// ------------------------------------------------------------------ fixes

export interface FixAction {
  id: FixId;
  title: string;
  /** What ⏎ passes to the Run Script action: `fix:<id>` or `open:<url>`. */
  arg: string;
  destructive: boolean;
  needsAdmin: boolean;
}

/** The Run Script argument for a fix: open-* fixes open their URL, the rest run through the core. */
export function fixAction(id: FixId, macosMajor?: number): FixAction | undefined {
  const url = settingsUrl(id, macosMajor);
  if (url) return { id, title: FIX_TITLES[id], arg: `open:${url}`, destructive: false, needsAdmin: false };
  const fix = FIX_FLAGS[id];
  if (!fix) return undefined;
  return { id, title: FIX_TITLES[id], arg: `fix:${id}`, destructive: fix.destructive, needsAdmin: fix.needsAdmin };
}

/** The argument that runs a destructive fix: the Run Script action refuses it without ":confirm". */
export const confirmedArg = (action: FixAction) => `${action.arg}:confirm`;

function fixHint(action: FixAction): string {
  return `${action.title}${action.needsAdmin ? " (macOS asks for your password)" : ""}`;
}

// ------------------------------------------------------------------ building blocks

const disabledMod = (subtitle: string): AlfredMod => ({ valid: false, arg: "", subtitle });

/** ⌥⏎ copies the report from the answer's variables: no copy of it on the row. */
function copyMod(report: ReportTexts | undefined, what = "Copy Support Report (identifiers hidden)"): AlfredMod {
  return report
    ? { valid: true, arg: "", subtitle: `⌥⏎ ${what}`, variables: { ...COPY_REPORT } }
    : disabledMod("The report is ready when every check has finished");
}

/**
 * ⌘C: the row's own redacted text once the run has finished (or the
 * command's redacted text); ⌘L: the same, short. Until then nothing that
 * could hold an identifier: `safe` names the row without its evidence.
 */
function textFor(
  ctx: { report?: ReportTexts; lines?: Record<string, string>; copy?: string },
  uid: string,
  safe: string,
) {
  const line = ctx.report ? ctx.lines?.[uid] : undefined;
  if (line)
    return {
      copy: line,
      largetype: line
        .split("\n")
        .slice(0, 1 + LARGE_TYPE_DETAILS)
        .join("\n"),
    };
  if (ctx.copy) return { copy: ctx.copy, largetype: ctx.copy };
  return { copy: NOT_READY, largetype: safe };
}

/** ⏎ and ⌘ for a list of fixes: ⏎ the first, ⌘ the second; a destructive fix only ever on ⌘. */
function fixRow(fixes: FixId[], macosMajor: number | undefined, otherwise: string) {
  const actions = fixes.map((f) => fixAction(f, macosMajor)).filter((a): a is FixAction => !!a);
  const [first, second] = actions;
  if (first?.destructive) {
    return {
      arg: "",
      valid: false,
      hint: `Hold ⌘ and press ⏎ to ${first.title.toLowerCase()}`,
      variables: runVariables(),
      cmd: { valid: true, arg: confirmedArg(first), subtitle: `⌘⏎ ${fixHint(first)}`, variables: runVariables(first) },
    };
  }
  const cmd: AlfredMod = second
    ? {
        valid: true,
        arg: second.destructive ? confirmedArg(second) : second.arg,
        subtitle: `⌘⏎ ${fixHint(second)}`,
        variables: runVariables(second),
      }
    : disabledMod(otherwise);
  return first
    ? { arg: first.arg, valid: true, hint: `⏎ ${fixHint(first)}`, variables: runVariables(first), cmd }
    : { arg: "", valid: false, hint: "", variables: runVariables(), cmd };
}

const joinParts = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" · ");

// ------------------------------------------------------------------ checklist

const STATUS_ORDER: Record<Status, number> = { fail: 0, error: 1, warn: 2, pass: 3, skip: 4 };

function causeIcon(cause: CauseView): AlfredIcon {
  if (cause.cause === "none" && cause.confidence === "high") return { path: ICONS.pass };
  return { path: cause.confidence === "high" ? ICONS.fail : ICONS.warn };
}

export function causeItem(cause: CauseView, index: number, snapshot: ChecklistSnapshot): AlfredItem {
  const row = fixRow(cause.fixes, snapshot.macosMajor, cause.evidence?.join(" · ") || cause.summary);
  const name = causeName(cause);
  const title =
    index === 0
      ? cause.cause === "none"
        ? `Diagnosis: ${name}`
        : `Diagnosis: ${name} (${cause.confidence} confidence)`
      : `Also Possible: ${name} (${cause.confidence} confidence)`;
  return {
    uid: `cause:${cause.cause}`,
    title,
    subtitle: joinParts(row.hint, cause.summary),
    arg: row.arg,
    valid: row.valid,
    icon: causeIcon(cause),
    text: textFor(snapshot, `cause:${cause.cause}`, [name, row.hint].filter(Boolean).join("\n")),
    mods: { cmd: row.cmd, alt: copyMod(snapshot.report) },
    variables: row.variables,
    match: `${name} ${cause.summary}`,
  };
}

export interface FindingContext {
  report?: ReportTexts;
  lines?: Record<string, string>;
  macosMajor?: number;
  /** Redacted text for ⌘C and ⌥⏎ where there is no report (the single commands). */
  copy?: string;
}

export function findingItem(finding: FindingView, ctx: FindingContext): AlfredItem {
  const detail = finding.details[0];
  const row = fixRow(finding.fixes, ctx.macosMajor, finding.details.slice(0, 3).join(" · ") || finding.summary);
  const uid = `finding:${finding.probe}`;
  return {
    uid,
    title: `${finding.title}: ${finding.summary}`,
    subtitle: joinParts(row.hint, detail ?? STATUS_WORDS[finding.status]),
    arg: row.arg,
    valid: row.valid,
    icon: { path: ICONS[finding.status] },
    // Large Type shows this row, short: the whole report is ⌥⏎'s.
    text: textFor(ctx, uid, `${finding.title}: ${STATUS_WORDS[finding.status]}`),
    mods: { cmd: row.cmd, alt: ctx.report || !ctx.copy ? copyMod(ctx.report) : copyTextMod(ctx.copy) },
    variables: row.variables,
    match: `${finding.title} ${finding.summary} ${STATUS_WORDS[finding.status]}`,
  };
}

/** How many of a finding's details ⌘L shows under its summary. */
export const LARGE_TYPE_DETAILS = 3;

/** ⌥⏎ copies some (already redacted) text. */
export function copyTextMod(text: string, what = "Copy these results (identifiers hidden)"): AlfredMod {
  return { valid: true, arg: text, subtitle: `⌥⏎ ${what}`, variables: { ...COPY } };
}

/** A row that runs one fix (the single commands' action rows). */
export function fixItem(
  id: FixId,
  subtitle: string,
  ctx: { macosMajor?: number; copy: string; largetype?: string },
): AlfredItem | undefined {
  const action = fixAction(id, ctx.macosMajor);
  if (!action) return undefined;
  const row = fixRow([id], ctx.macosMajor, subtitle);
  return {
    uid: `fix:${id}`,
    title: action.title,
    subtitle: joinParts(subtitle, action.destructive ? "hold ⌘ and press ⏎ to confirm" : undefined),
    arg: row.arg,
    valid: row.valid,
    icon: { path: ICONS.app },
    text: { copy: ctx.copy, largetype: ctx.largetype ?? joinParts(action.title, subtitle) },
    mods: { cmd: row.cmd, alt: copyTextMod(ctx.copy) },
    variables: row.variables,
    match: action.title,
  };
}

export function pendingItem(probe: { id: ProbeId; title: string }): AlfredItem {
  return {
    uid: `finding:${probe.id}`,
    title: probe.title,
    subtitle: "Checking…",
    arg: "",
    valid: false,
    icon: { path: ICONS.pending },
    text: { copy: NOT_READY, largetype: `${probe.title}: still checking` },
    mods: { cmd: disabledMod("Still checking…"), alt: copyMod(undefined) },
    variables: { ...RUN },
  };
}

/** ⏎ and ⌘⏎ copy the report from the answer's variables; ⌘C here copies it too. */
export function reportItem(report: ReportTexts): AlfredItem {
  const lines = report.plain.split("\n").length;
  return {
    uid: "report",
    title: "Copy Support Report",
    subtitle: "Emails, IP addresses and network names are hidden · ⌘⏎ copy as Markdown",
    arg: "",
    valid: true,
    icon: { path: ICONS.copy },
    text: { copy: report.plain, largetype: `Support report: ${lines} lines, identifiers hidden.\n⏎ copies it.` },
    mods: {
      cmd: { valid: true, arg: "", subtitle: "⌘⏎ Copy as Markdown", variables: { ...COPY_MARKDOWN } },
      alt: copyMod(report),
    },
    variables: { ...COPY_REPORT },
    match: "copy support report",
  };
}

/** The top-level variables of a finished checklist: the one copy of the report. */
export const reportVariables = (report: ReportTexts | undefined): Record<string, string> | undefined =>
  report ? { [REPORT_VARIABLES.plain]: report.plain, [REPORT_VARIABLES.markdown]: report.markdown } : undefined;

/**
 * The checklist's rows: the diagnosis first (then other likely causes), the
 * report row, then every check with problems first. While checks run, the
 * ones not finished yet are "Checking…" rows in the same places.
 */
export function checklistItems(
  snapshot: ChecklistSnapshot,
  probes: readonly { id: ProbeId; title: string }[],
): AlfredItem[] {
  const items: AlfredItem[] = [];
  const done = new Map(snapshot.findings.map((f) => [f.probe, f]));
  const finished = snapshot.causes !== undefined;
  if (finished) {
    snapshot.causes!.forEach((cause, i) => items.push(causeItem(cause, i, snapshot)));
    if (snapshot.report) items.push(reportItem(snapshot.report));
  } else {
    items.push(progressItem(done.size, probes.length));
  }
  const findings = [...snapshot.findings].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  for (const f of findings) items.push(findingItem(f, snapshot));
  if (!finished) for (const p of probes) if (!done.has(p.id)) items.push(pendingItem(p));
  return items;
}

function progressItem(done: number, total: number): AlfredItem {
  const title = "Apple ID Doctor Is Checking…";
  return {
    uid: "cause:pending",
    title,
    subtitle: `${done} of ${total} checks done · every check runs at once, the diagnosis follows in a few seconds`,
    arg: "",
    valid: false,
    icon: { path: ICONS.pending },
    text: { copy: NOT_READY, largetype: title },
    mods: { cmd: disabledMod("Still checking…"), alt: copyMod(undefined) },
    variables: { ...RUN },
  };
}

// ------------------------------------------------------------------ errors

/** One row that says what went wrong and what to do: never an empty list or broken JSON. */
export function errorItem(
  title: string,
  whatToDo: string,
  options: { arg?: string; uid?: string; details?: string } = {},
): AlfredItem {
  const text = [title, whatToDo, options.details].filter(Boolean).join("\n");
  return {
    uid: options.uid ?? "error",
    title,
    subtitle: whatToDo,
    arg: options.arg ?? "",
    valid: !!options.arg,
    icon: { path: ICONS.error },
    text: { copy: text, largetype: text },
    mods: {
      cmd: disabledMod(whatToDo),
      alt: { valid: true, arg: text, subtitle: "⌥⏎ Copy this message", variables: { ...COPY } },
    },
    variables: { ...RUN },
  };
}

export function output(items: AlfredItem[], rerun?: number, variables?: Record<string, string>): ScriptFilterOutput {
  return {
    items,
    ...(rerun ? { rerun } : {}),
    ...(variables && Object.keys(variables).length ? { variables } : {}),
    skipknowledge: true,
  };
}

/**
 * Keeps the rows whose words contain every word typed after the keyword.
 * The first row (the diagnosis or a summary) always stays, so there is
 * never an empty list.
 */
export function filterItems(items: AlfredItem[], query: string): AlfredItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || items.length === 0) return items;
  const [first, ...rest] = items;
  const hay = (i: AlfredItem) => `${i.match ?? ""} ${i.title} ${i.subtitle}`.toLowerCase();
  const kept = rest.filter((i) => words.every((w) => hay(i).includes(w)));
  return [first, ...kept];
}

export { disabledMod, joinParts, runVariables, RUN, COPY, COPY_REPORT, COPY_MARKDOWN, STATUS_PAGE_URL };

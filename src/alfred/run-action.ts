import { join } from "node:path";
import { dataDir, jsonFileStorage } from "../cli/environment";
import { applyFix, type AppliedFix } from "../core/fixes/apply";
import { fixById } from "../core/fixes";
import { FixHistory } from "../core/history";
import { createBackupStore } from "../core/host/backups";
import type { BinaryTable } from "../core/host/binaries";
import { binaryTable } from "../core/host/binaries";
import { createRealHost } from "../core/host/real";
import { errorCode, type Host } from "../core/host/types";
import { CHECKLIST_PROBES } from "../core/probes";
import type { Targets } from "../core/targets";
import { invalidate, recentFindings } from "./checklist-cache";
import { STATUS_WORDS } from "./items";

// What ⏎ on a row does (the workflow's Run Script action): `fix:<id>` runs
// a fix through the core, with the fix history and account backups in
// Alfred's workflow data folder; `fix:<id>:confirm` is the only way to run
// a destructive one; `open:<url>` opens a System Settings pane or Apple's
// page with /usr/bin/open (argv, no shell). The one line it prints becomes
// the Post Notification, whatever happened: the process exits 0, because
// Alfred drops the output of a Run Script that fails.

export type ParsedAction =
  { kind: "fix"; id: string; confirmed: boolean } | { kind: "open"; url: string } | { kind: "invalid"; reason: string };

/** Only these open: a settings pane or an https page, never a file or an app. */
const OPENABLE = /^(https:\/\/[^\s]+|x-apple\.systempreferences:[A-Za-z0-9._-]+(\?[A-Za-z0-9._=&-]*)?)$/;

export function parseActionArg(arg: string): ParsedAction {
  const text = arg.trim();
  if (text.startsWith("open:")) {
    const url = text.slice("open:".length);
    return OPENABLE.test(url) ? { kind: "open", url } : { kind: "invalid", reason: `won't open "${url}"` };
  }
  const fix = /^fix:([a-z-]+)(:confirm)?$/.exec(text);
  if (fix) return { kind: "fix", id: fix[1], confirmed: !!fix[2] };
  return { kind: "invalid", reason: text ? `nothing to do for "${text.slice(0, 60)}"` : "nothing was chosen" };
}

export interface ActionDeps {
  env: NodeJS.ProcessEnv;
  /** The live host by default; tests pass one whose binaries are fakes. */
  host?: Host;
  binaries?: BinaryTable;
  targets?: Targets;
  deadlineMs?: number;
  now?: () => number;
}

export interface ActionResult {
  /** One line for the notification; empty when there is nothing worth saying (a page opened). */
  line: string;
  /** 0 done or cancelled, 1 failed, 2 refused: for tests and logs; the process itself exits 0. */
  code: number;
}

/** A "before" measured this long ago still counts: the user is acting on the rows they just saw. */
export const BEFORE_MAX_AGE_MS = 5 * 60_000;
/** The keywords whose cached results can stand in for a fix's "before". */
const CACHED_RUNS = ["checklist", "dns", "clock", "icloud"] as const;

/** "DNS: Failed → OK" for the probes the fix re-checked. */
export function changeWords(applied: AppliedFix): string {
  return applied.before
    .map((b) => {
      const a = applied.after.find((f) => f.probe === b.probe);
      return a ? `${b.title}: ${STATUS_WORDS[b.status]} → ${STATUS_WORDS[a.status]}` : "";
    })
    .filter(Boolean)
    .join(", ");
}

export async function runAction(arg: string, deps: ActionDeps): Promise<ActionResult> {
  const action = parseActionArg(arg);
  const host = deps.host ?? createRealHost();
  const bin = deps.binaries ?? binaryTable();
  if (action.kind === "invalid") return { line: `Apple ID Doctor: ${action.reason}`, code: 2 };

  if (action.kind === "open") {
    try {
      const r = await host.exec([bin.open, action.url], { timeoutMs: 10_000 });
      if (r.exitCode === 0) return { line: "", code: 0 };
      return { line: `Couldn't open ${action.url}: ${r.stderr.trim() || `open exited ${r.exitCode}`}`, code: 1 };
    } catch (error) {
      return { line: `Couldn't open ${action.url}: ${errorCode(error)}`, code: 1 };
    }
  }

  const fix = fixById(action.id);
  if (!fix) return { line: `Apple ID Doctor: unknown fix "${action.id}"`, code: 2 };
  if (fix.destructive && !action.confirmed) {
    return { line: `${fix.title} changes this Mac's settings: hold ⌘ and press ⏎ to confirm`, code: 2 };
  }
  const data = dataDir(deps.env);
  const cache = deps.env.alfred_workflow_cache;
  // The findings on screen are the "before", so the password prompt comes at
  // once instead of after seconds of probing. Only when they cover every
  // probe the fix re-checks; else the fix measures its own.
  const verified = CHECKLIST_PROBES.filter((p) => fix.verifies.includes(p.id));
  const cached = cache
    ? recentFindings(cache, CACHED_RUNS, (deps.now ?? Date.now)(), BEFORE_MAX_AGE_MS).filter((f) =>
        fix.verifies.includes(f.probe),
      )
    : [];
  const before =
    verified.length > 0 && verified.every((p) => cached.some((f) => f.probe === p.id))
      ? cached.map((f) => ({ ...f, durationMs: 0 }))
      : undefined;
  const apply = (adminPrompt?: "password") =>
    applyFix(fix, host, {
      before,
      probes: CHECKLIST_PROBES,
      history: new FixHistory(jsonFileStorage(join(data, "history.json"))),
      backups: createBackupStore(join(data, "backups")),
      binaries: bin,
      targets: deps.targets,
      deadlineMs: deps.deadlineMs,
      adminPrompt,
    });
  let applied = await apply();
  // Touch ID couldn't be shown: a Run Script has no second button, so the
  // password sheet itself is the next step offered (the user can cancel it).
  const viaPassword = applied.result.retryWithPassword === true;
  if (viaPassword) applied = await apply("password");
  // Whatever the fix changed, the next checklist must look again.
  if (cache) invalidate(cache, CACHED_RUNS);
  const { outcome } = applied.result;
  const message = `${viaPassword ? "Touch ID wasn't available, so macOS asked for the password. " : ""}${applied.result.message}`;
  if (applied.refused) return { line: applied.result.message, code: 3 };
  if (outcome === "cancelled")
    return { line: `${viaPassword ? "Touch ID wasn't available; " : ""}Cancelled: nothing was changed`, code: 0 };
  if (outcome === "failed") {
    return { line: `✗ Couldn't ${fix.title.replace(/^\w/, (c) => c.toLowerCase())}: ${message}`, code: 1 };
  }
  const change = changeWords(applied);
  return { line: `✓ ${message}${change ? ` · ${change}` : ""}`, code: 0 };
}

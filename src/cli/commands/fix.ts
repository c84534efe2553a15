import { join } from "node:path";
import { publicFinding } from "../../core/checklist";
import { fixById, FIXES } from "../../core/fixes";
import { RESET_EXPLANATION } from "../../core/fixes/account-cache";
import { applyFix, offMacRefusal } from "../../core/fixes/apply";
import { createBackupStore } from "../../core/host/backups";
import { CHECKLIST_PROBES } from "../../core/probes";
import type { Host } from "../../core/host/types";
import { FIX_IDS } from "../../core/ids";
import { touchIdEnabled } from "../../core/privileged";
import { collectIdentifiers, redact } from "../../core/redact";
import type { Finding } from "../../core/types";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { dataDir } from "../environment";
import { findingLine } from "../format";
import { historyFor, localContext, styleFor } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const id = args.positional[0];
  const chosen = fixById(id);
  if (!chosen) {
    const known = (FIX_IDS as readonly string[]).includes(id);
    deps.stderr.write(
      `apple-id-doctor: ${known ? `the fix "${id}" isn't available yet` : `unknown fix "${id}"`}; fixes: ${FIXES.map((f) => f.id).join(", ")}\n`,
    );
    return 2;
  }
  // Off macOS nothing runs, and nobody is asked first (exit 3, README "As a CLI").
  const refusal = offMacRefusal(host);
  if (refusal) {
    await applyFix(chosen, host, { probes: [], history: historyFor(deps) });
    deps.stderr.write(`apple-id-doctor: ${refusal}\n`);
    return 3;
  }
  if (chosen.destructive && !args.yes) {
    if (chosen.id === "reset-account-cache") deps.stderr.write(`${RESET_EXPLANATION}\n`);
    const answer = await deps.confirm?.(`${chosen.title}?`);
    // Saying no is an answer, not bad usage: 1, like a cancelled password prompt.
    if (answer === false) {
      deps.stderr.write(`${chosen.title} not run: nothing was changed.\n`);
      return 1;
    }
    // Nobody to ask (a script, a pipe): running it needs --yes, so that is a usage error.
    if (answer !== true) {
      deps.stderr.write(
        `apple-id-doctor: ${chosen.title} asks first, and there is no terminal to ask on: run it in a terminal, or add --yes\n`,
      );
      return 2;
    }
  }
  if (!args.json) {
    // Touch ID is named only where sudo is set up for it (the password sheet has none since macOS 14).
    const touchId = chosen.needsAdmin && !args.password && (await touchIdEnabled(host));
    const asks = touchId ? " (Touch ID may be asked for)" : " (macOS will ask for an administrator password)";
    deps.stdout.write(`${chosen.title}…${chosen.needsAdmin ? asks : ""}\n`);
  }
  const applied = await applyFix(chosen, host, {
    ...deps.run,
    probes: CHECKLIST_PROBES,
    history: historyFor(deps),
    deadlineMs: args.deadlineMs,
    backups: createBackupStore(join(dataDir(deps.env), "backups")),
    backupName: chosen.id === "restore-account-cache" ? args.positional[1] : undefined,
    adminPrompt: args.password ? "password" : undefined,
  });
  const failed = applied.result.outcome !== "done" || applied.after.some((f) => f.status === "fail");
  if (args.json) {
    const { outcome, message, ran = [] } = applied.result;
    const doc = {
      fix: chosen.id,
      outcome,
      message,
      ran,
      before: applied.before.map(publicFinding),
      after: applied.after.map(publicFinding),
    };
    deps.stdout.write(JSON.stringify(doc, null, 2) + "\n");
    return failed ? 1 : 0;
  }
  const style = styleFor(deps);
  const mark = { done: "✓", cancelled: "–", failed: "✗" }[applied.result.outcome];
  deps.stdout.write(`${mark} ${applied.result.message}\n`);
  if (applied.result.retryWithPassword) deps.stdout.write(`  next: fix ${chosen.id} --password\n`);
  for (const line of applied.result.ran ?? []) deps.stdout.write(`  ran: ${line}\n`);
  if (applied.result.outcome === "done" && applied.before.length) {
    deps.stdout.write("\nBefore → after\n");
    // Identifiers stay off the screen, as in checklist (--show-identifiers shows them).
    const all = [...applied.before, ...applied.after];
    const line = (f: Finding, indent: string) => {
      const text = findingLine(f, style, indent);
      return args.showIdentifiers
        ? text
        : redact(text, { ...localContext(deps.env), identifiers: collectIdentifiers(all) });
    };
    applied.before.forEach((b, i) => {
      const a = applied.after[i];
      deps.stdout.write(`${line(b, "  ")}\n  → ${a ? line(a, "    ").trimStart() : "not re-checked"}\n`);
    });
  }
  return failed ? 1 : 0;
}

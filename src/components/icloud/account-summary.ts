import { FIX_TITLES } from "../../core/fix-titles";
import type { Backup } from "../../core/host/backups";
import type { FixId } from "../../core/ids";
import { redact } from "../../core/redact";
import type { Finding, FixRecord } from "../../core/types";
import { accountData } from "./account-data";
import { OUTCOME_LOOKS } from "./history-words";

/**
 * What support needs about the account, redacted with the identifiers the
 * account check reported (address, DSID, UUID, name): never the email itself.
 */
export function accountSummary(
  account: Finding,
  lastRuns: ReadonlyMap<FixId, FixRecord>,
  backups: readonly Backup[] | undefined,
): string {
  const data = accountData(account);
  const lines = ["Apple Account (Clear iCloud Tokens)", `Status: ${account.summary}`];
  for (const entry of data?.accounts ?? []) {
    const on = entry.services.filter((s) => s.enabled).map((s) => s.name);
    const off = entry.services.filter((s) => !s.enabled).map((s) => s.name);
    lines.push(
      `Account: ${entry.email ?? "unknown"}${entry.managed ? " (Managed Apple Account)" : ""}`,
      `iCloud services on: ${on.join(", ") || "none"}`,
      `iCloud services off: ${off.join(", ") || "none"}`,
    );
  }
  for (const fix of ["restart-icloud-daemons", "reset-account-cache", "restore-account-cache"] as const) {
    const record = lastRuns.get(fix);
    lines.push(
      `${FIX_TITLES[fix]}: ${record ? `${OUTCOME_LOOKS[record.outcome].word.toLowerCase()} at ${record.at}${record.message ? ` (${record.message})` : ""}` : "not run"}`,
    );
  }
  lines.push(`Account settings backups: ${backups?.length ?? 0}`);
  return redact(lines.join("\n"), { identifiers: account.identifiers });
}

import { collectIdentifiers, redact, type RedactionContext } from "../core/redact";
import { cleanLine } from "../core/sanitize";
import type { Cause, Finding } from "../core/types";

// A Jamf Pro extension attribute: Jamf keeps whatever a script prints between
// <result> and </result> as the Mac's value, so an administrator can sort and
// smart-group every Mac by it. One line, the top cause's ID first (stable,
// CONTRACT.md section 3) so criteria like "like hosts-file" work, then its
// summary, redacted: inventory is read by more people than the Mac's user.

/** Long enough for any summary's first sentence; inventory tables cut long values anyway. */
export const JAMF_MAX = 300;

export function jamfResult(
  causes: readonly Cause[],
  findings: Finding[],
  context: Omit<RedactionContext, "identifiers">,
): string {
  const top = causes[0];
  if (!top) return "<result>none: nothing checked</result>";
  const summary = redact(cleanLine(top.summary), { ...context, identifiers: collectIdentifiers(findings) })
    // The value must not end the tag early or start another; newlines would split the value.
    .replace(/[<>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const value = `${top.cause}: ${summary}`;
  const cut = value.length > JAMF_MAX ? `${value.slice(0, JAMF_MAX - 1).trimEnd()}…` : value;
  return `<result>${cut}</result>`;
}

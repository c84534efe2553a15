import { format, isSameDay } from "date-fns";
import { MAX_EVENTS_PER_SERVICE, sinceNote } from "../core/probes/apple-status";
import type { StatusJson } from "../core/status-client";

// `status` for a terminal: sign-in services first, a mark per state, and
// the current events with how long they have been going on.

const MARK = { ok: "✓", issue: "!", outage: "✗", maintenance: "~", performance: "!" } as const;

export function statusLines(doc: StatusJson, now: Date): string[] {
  const lines: string[] = [];
  let section = "";
  for (const s of doc.services) {
    const title = s.signInRelated ? "Sign-in services" : "Other services";
    if (title !== section) {
      if (section) lines.push("");
      lines.push(title);
      section = title;
    }
    const current = s.events.filter(
      (e) => e.status === "ongoing" || (e.status === "upcoming" && isStarted(e.start, now)),
    );
    lines.push(`${MARK[s.state]} ${s.name}${s.state === "ok" ? "" : ` (${s.state})`}`);
    for (const e of current.slice(0, MAX_EVENTS_PER_SERVICE))
      lines.push(`    ${e.type || "Issue"}${sinceNote(e.start, now)}: ${e.message}`);
    const more = Math.max(0, current.length - MAX_EVENTS_PER_SERVICE) + (s.currentLeftOut ?? 0);
    if (more) lines.push(`    … ${more} more current events left out`);
  }
  lines.push("", `As of ${localTime(doc.fetchedAt, now)}`);
  return lines;
}

/** "10:42" today, "Nov 21, 10:42" another day: this Mac's local time, as people read a clock. */
export function localTime(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return format(at, isSameDay(at, now) ? "HH:mm" : "MMM d, HH:mm");
}

function isStarted(start: string | null, now: Date): boolean {
  return !!start && Date.parse(start) <= now.getTime();
}

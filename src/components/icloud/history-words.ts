import { Color, List } from "@raycast/api";
import { format } from "date-fns";
import type { FixId } from "../../core/ids";
import { distanceWords } from "../../core/time-words";
import type { FixRecord } from "../../core/types";

// How the fix history reads on the Steps rows and in the summary.

/** The newest record for each fix. */
export function lastRunByFix(history: FixRecord[]): Map<FixId, FixRecord> {
  const last = new Map<FixId, FixRecord>();
  for (const record of history) {
    const seen = last.get(record.fix);
    if (!seen || seen.at <= record.at) last.set(record.fix, record);
  }
  return last;
}

export const OUTCOME_LOOKS: Record<FixRecord["outcome"], { word: string; color: Color }> = {
  done: { word: "Done", color: Color.Green },
  cancelled: { word: "Canceled", color: Color.SecondaryText },
  failed: { word: "Failed", color: Color.Red },
};

/** "Last run 5 min ago", with a Failed/Canceled tag before it when it didn't work out. */
export function lastRunAccessories(record: FixRecord | undefined, now: Date): List.Item.Accessory[] {
  if (!record) return [{ text: { value: "Not run yet", color: Color.SecondaryText } }];
  const at = new Date(record.at);
  const look = OUTCOME_LOOKS[record.outcome];
  const tooltip = `${look.word} ${absoluteTime(at)}${record.message ? `: ${record.message}` : ""}`;
  const accessories: List.Item.Accessory[] = [];
  if (record.outcome !== "done") accessories.push({ tag: { value: look.word, color: look.color }, tooltip });
  accessories.push({ text: `Last run ${timeAgo(at, now)}`, tooltip });
  return accessories;
}

/** "just now", "5 min ago", "2 hours ago", "3 days ago". */
export function timeAgo(at: Date, now: Date): string {
  if (Number.isNaN(at.getTime())) return "at an unknown time";
  if (Math.abs(now.getTime() - at.getTime()) < 60_000) return "just now";
  const words = distanceWords(at.getTime(), now.getTime());
  return at.getTime() > now.getTime() ? `in ${words}` : `${words} ago`;
}

/** "Nov 21, 2026 at 10:00 AM", in the Mac's time zone. */
export function absoluteTime(at: Date): string {
  return Number.isNaN(at.getTime()) ? "unknown time" : format(at, "MMM d, yyyy 'at' h:mm a");
}

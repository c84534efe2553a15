import { formatDistanceStrict } from "date-fns";

// How long ago, in the words people use in a status list: "for 23 min"
// (never "for 23 min", which mixes two ways of saying it), "starts in 2 hours". One wording for the probe, the CLI and the views.

const parse = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);

/** "23 min", "2 hours", "3 days": date-fns' strict distance with short minutes and seconds. */
export function distanceWords(fromMs: number, toMs: number): string {
  return formatDistanceStrict(fromMs, toMs)
    .replace(/ minutes?$/, " min")
    .replace(/ seconds?$/, " sec");
}

/** "for 23 min" for a current event; "starts in 2 hours" for one not begun; "" without a start. */
export function sinceWords(start: string | null, now: Date): string {
  const at = parse(start);
  if (!Number.isFinite(at)) return "";
  const t = now.getTime();
  if (at > t) return `starts in ${distanceWords(at, t)}`;
  if (t - at < 60_000) return "just started";
  return `for ${distanceWords(at, t)}`;
}

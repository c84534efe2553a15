import { formatDuration, intervalToDuration } from "date-fns";

// Clock offsets in words ("9 min 1 s ahead"): people read those, not
// milliseconds. NTP's sign (server minus local) is flipped into "ahead"
// (this Mac's clock is later than the server's) and "behind".

export function offsetDuration(offsetMs: number): string {
  const abs = Math.abs(offsetMs);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  // date-fns has no words past what a Date can hold (±8.64e15 ms): say so rather than print nothing.
  if (!(abs <= 8.64e15)) return Number.isFinite(abs) ? "more than 270,000 years" : "an unknown time";
  // Past an hour, seconds are noise (and below HTTP dates' precision anyway).
  const unit = abs >= 3600_000 ? 60_000 : 1000;
  const duration = intervalToDuration({ start: 0, end: Math.round(abs / unit) * unit });
  const words = formatDuration(duration, {
    format: ["years", "months", "days", "hours", "minutes", "seconds"],
    delimiter: " ",
  });
  return words
    .replace(/ minutes?/g, " min")
    .replace(/ seconds?/g, " s")
    .replace(/ hours?/g, " h");
}

/** "9 min 1 s ahead of time.apple.com" for an NTP offset of −541000 ms. */
export function offsetInWords(offsetMs: number, server: string): string {
  if (Math.abs(offsetMs) < 1000) return `within ${offsetDuration(offsetMs)} of ${server}`;
  return `${offsetDuration(offsetMs)} ${offsetMs < 0 ? "ahead of" : "behind"} ${server}`;
}

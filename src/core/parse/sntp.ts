// `/usr/bin/sntp` output (REFERENCE.md c): the last line holding " +/- "
// carries the measurement; the token before "+/-" is the offset in seconds
// (server minus local: positive means this Mac is behind). Lines it doesn't
// know (verbose exchange blocks, "[message repeats]") are ignored.

export interface SntpResult {
  /** Seconds, NTP convention: server minus local. */
  offsetSeconds: number;
  errorSeconds?: number;
  server?: string;
  address?: string;
}

export type SntpParse = { ok: true; result: SntpResult } | { ok: false; reason: string };

export function parseSntp(text: string): SntpParse {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, reason: "sntp printed nothing" };
  const lines = text.split(/\r?\n/);
  const line = [...lines].reverse().find((l) => l.includes(" +/- "));
  if (!line) {
    const failure = lines.find((l) => /^sntp: /.test(l.trim()));
    return { ok: false, reason: failure ? failure.trim().replace(/^sntp: /, "") : "no measurement in sntp's output" };
  }
  const tokens = line.trim().split(/\s+/);
  const at = tokens.indexOf("+/-");
  const offsetSeconds = Number(tokens[at - 1]);
  if (at < 1 || !Number.isFinite(offsetSeconds)) return { ok: false, reason: "sntp's offset isn't a number" };
  const errorSeconds = Number(tokens[at + 1]);
  return {
    ok: true,
    result: {
      offsetSeconds,
      errorSeconds: Number.isFinite(errorSeconds) ? errorSeconds : undefined,
      server: tokens[at + 2],
      address: tokens[at + 3],
    },
  };
}

import { offsetInWords } from "../clock-words";
import { describeFailure } from "../host/types";
import type { Probe, ProbeContext } from "./types";
import { attempt, hostOf, result } from "./util";

/** Thresholds (ms): sign-in tolerates small drift; macOS security baselines fail beyond 270 s. */
export const CLOCK_PASS_MS = 2000;
export const CLOCK_WARN_MS = 60_000;

export interface ClockMeasurement {
  source: "ntp" | "http";
  server: string;
  offsetMs: number;
  delayMs: number;
  /** ± ms: NTP's half round trip, or a second for HTTP's whole-second dates. */
  precisionMs: number;
}

/** NTP to each server in turn; the first answer wins. */
async function viaNtp(ctx: ProbeContext, failures: string[]): Promise<ClockMeasurement | undefined> {
  for (const server of ctx.targets.ntpServers) {
    const r = await attempt(() => ctx.host.ntp(server, { signal: ctx.signal }));
    if (r.value) {
      return {
        source: "ntp",
        server,
        offsetMs: r.value.offsetMs,
        delayMs: r.value.delayMs,
        precisionMs: Math.max(1, Math.round(r.value.delayMs / 2)),
      };
    }
    failures.push(`${server} (NTP): ${describeFailure(r.code ?? "", server)}`);
  }
  return undefined;
}

/**
 * When UDP 123 is blocked: the `date` header of an HTTP answer the run
 * already has (shared reads, no extra traffic when another probe asked).
 * The header was written between the request leaving and the response
 * arriving, so it is read against the local clock at the midpoint of that
 * round trip, never against the time the probe gets round to it (after two
 * NTP timeouts). Whole seconds, truncated: add half a second.
 */
async function viaHttp(ctx: ProbeContext, failures: string[]): Promise<ClockMeasurement | undefined> {
  for (const url of [ctx.targets.captiveUrl, ctx.targets.statusFeeds.consumer]) {
    const r = await attempt(() => ctx.host.http(url, { signal: ctx.signal }));
    const serverMs = Date.parse(r.value?.headers.date ?? "");
    if (r.value && Number.isFinite(serverMs)) {
      const receivedAt = r.value.timing?.receivedAtMs ?? ctx.host.now().getTime();
      const roundTrip = Math.max(0, receivedAt - (r.value.timing?.sentAtMs ?? receivedAt - r.ms));
      return {
        source: "http",
        server: hostOf(url),
        offsetMs: Math.round(serverMs + 500 - (receivedAt - roundTrip / 2)),
        delayMs: Math.round(roundTrip),
        precisionMs: 1000,
      };
    }
    failures.push(
      `${hostOf(url)} (HTTP date): ${r.value ? "no date header" : describeFailure(r.code ?? "", new URL(url).hostname)}`,
    );
  }
  return undefined;
}

/** Milliseconds as a person reads them: 0.66 ms, 12 ms (SNTP gives fractions nobody needs). */
export function formatMs(ms: number, signed = false): string {
  const abs = Math.abs(ms);
  const digits = abs >= 10 ? 0 : abs >= 1 ? 1 : 2;
  const text = Number(abs.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
  const sign = ms < 0 && Number(text.replace(/,/g, "")) !== 0 ? "-" : signed && ms > 0 ? "+" : "";
  return `${sign}${text} ms`;
}

export const clockProbe: Probe = {
  id: "clock",
  title: "Clock",
  area: "time",
  async run(ctx) {
    const failures: string[] = [];
    const m = (await viaNtp(ctx, failures)) ?? (await viaHttp(ctx, failures));
    if (!m) {
      const allMissing = failures.every((f) => f.endsWith("not in the recording"));
      if (allMissing) return result("skip", "No time measurement in the recording", failures);
      // Every source failed because no name resolved: say that, it is the whole story.
      const lookup = failures.find((f) => f.includes("couldn't look up"));
      const why = lookup ? ` (${lookup.slice(lookup.indexOf("couldn't look up"))})` : "";
      return result("warn", `Couldn't compare the clock with Apple's time servers${why}`, failures, {
        data: { unmeasured: lookup ? "dns" : "unreachable" },
      });
    }
    const abs = Math.abs(m.offsetMs);
    const precision = m.source === "http" ? " (from an HTTP date, ±1 s)" : "";
    const details = [
      `${m.server}: offset ${formatMs(m.offsetMs, true)} (server minus this Mac), round trip ${formatMs(m.delayMs)}${precision}`,
      `This Mac's clock: ${ctx.host.now().toISOString()}`,
      ...failures,
    ];
    // NTP unreachable: Sync Clock uses that same blocked port, so the time is set by hand.
    const ntpBlocked = m.source === "http";
    const apple = new Date(ctx.host.now().getTime() + m.offsetMs);
    const serverTime = Number.isFinite(apple.getTime()) ? apple.toISOString() : undefined;
    if (ntpBlocked && serverTime) details.push(`Apple's time (from ${m.server}): ${serverTime}`);
    const data = { ...m, ntpBlocked, serverTime };
    // Within HTTP's own precision, a second or so off is not a finding.
    const passLimit = m.source === "http" ? CLOCK_PASS_MS + 1000 : CLOCK_PASS_MS;
    if (abs <= passLimit)
      return result("pass", `Clock is right (${offsetInWords(m.offsetMs, m.server)})${precision}`, details, { data });
    const summary = `Clock is ${offsetInWords(m.offsetMs, m.server)}${precision}`;
    const fixes = ntpBlocked
      ? ["open-date-time-settings" as const]
      : ["sync-clock" as const, "open-date-time-settings" as const];
    if (abs <= CLOCK_WARN_MS) return result("warn", summary, details, { fixes, data });
    return result("fail", summary, details, { fixes, data });
  },
};

import { offsetInWords } from "../clock-words";
import { describeError } from "../host/types";
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
    failures.push(`${server} (NTP): ${describeError(r.code ?? "")}`);
  }
  return undefined;
}

/**
 * When UDP 123 is blocked: the `date` header of an HTTP answer the run
 * already has (shared reads, no extra traffic when another probe asked).
 * Whole seconds, truncated: add half a second, and half the round trip.
 */
async function viaHttp(ctx: ProbeContext, failures: string[]): Promise<ClockMeasurement | undefined> {
  for (const url of [ctx.targets.captiveUrl, ctx.targets.statusFeeds.consumer]) {
    const r = await attempt(() => ctx.host.http(url, { signal: ctx.signal }));
    const serverMs = Date.parse(r.value?.headers.date ?? "");
    if (r.value && Number.isFinite(serverMs)) {
      const localMs = ctx.host.now().getTime() - r.ms / 2;
      return {
        source: "http",
        server: hostOf(url),
        offsetMs: Math.round(serverMs + 500 - localMs),
        delayMs: r.ms,
        precisionMs: 1000,
      };
    }
    failures.push(`${hostOf(url)} (HTTP date): ${r.value ? "no date header" : describeError(r.code ?? "")}`);
  }
  return undefined;
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
      return result(
        allMissing ? "skip" : "warn",
        allMissing ? "No time measurement in the recording" : "Couldn't compare the clock with Apple's time servers",
        failures,
      );
    }
    const abs = Math.abs(m.offsetMs);
    const precision = m.source === "http" ? " (from an HTTP date, ±1 s)" : "";
    const details = [
      `${m.server}: offset ${m.offsetMs > 0 ? "+" : ""}${m.offsetMs} ms (server minus this Mac), round trip ${m.delayMs} ms${precision}`,
      `This Mac's clock: ${ctx.host.now().toISOString()}`,
      ...failures,
    ];
    const data = { ...m };
    // Within HTTP's own precision, a second or so off is not a finding.
    const passLimit = m.source === "http" ? CLOCK_PASS_MS + 1000 : CLOCK_PASS_MS;
    if (abs <= passLimit)
      return result("pass", `Clock is right (${offsetInWords(m.offsetMs, m.server)})${precision}`, details, { data });
    const summary = `Clock is ${offsetInWords(m.offsetMs, m.server)}${precision}`;
    const fixes = ["sync-clock" as const, "open-date-time-settings" as const];
    if (abs <= CLOCK_WARN_MS) return result("warn", summary, details, { fixes, data });
    return result("fail", summary, details, { fixes, data });
  },
};

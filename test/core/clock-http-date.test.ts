import { describe, expect, it } from "vitest";
import { createReplayHost } from "../../src/core/host/replay";
import { parseRecording } from "../../src/core/host/recording";
import { captivePortalProbe } from "../../src/core/probes/captive-portal";
import { clockProbe, formatMs } from "../../src/core/probes/clock";
import { runChecklist } from "../../src/core/run";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import * as scenarios from "../support/scenarios";

// The HTTP Date fallback reads the header against the local time when its
// response arrived, not when the clock probe gets to it after both NTP
// servers timed out (issue 13: a right clock was "4 s ahead").

describe("clock: HTTP date against the response's own arrival", () => {
  it("a right clock stays right after two slow NTP timeouts", async () => {
    const rec = scenarios.healthy();
    // Both NTP servers hang close to their bound; the captive page answered at once, dated now.
    rec.ntp = DEFAULT_TARGETS.ntpServers.map((server) => ({ server, error: "ETIMEDOUT", waitMs: 1500 }));
    const host = createReplayHost(parseRecording(JSON.stringify(rec)));
    const findings = await runChecklist([captivePortalProbe, clockProbe], host, { deadlineMs: 5000 });
    const clock = findings[1];
    expect(clock.status).toBe("pass");
    expect(clock.summary).toMatch(
      /^Clock is right \(within \d+ ms of captive\.apple\.com\) \(from an HTTP date, ±1 s\)$/,
    );
    expect(Math.abs(clock.data!.offsetMs as number)).toBeLessThanOrEqual(1000);
    // NTP is blocked: Sync Clock would use the same port.
    expect(clock.fixes).toEqual([]);
  });

  it("a recorded arrival time and round trip are what the header is read against", async () => {
    const rec = scenarios.ntpBlocked();
    const captive = rec.http.find((h) => h.url === DEFAULT_TARGETS.captiveUrl)!;
    // Recorded 3 h 0 min 2 s after recordedAt's clock: the header was 3 h ahead of the arrival minus that.
    captive.receivedAt = "2026-11-21T07:00:02.000Z";
    captive.roundTripMs = 1000;
    const [clock] = await runChecklist([clockProbe], createReplayHost(parseRecording(JSON.stringify(rec))));
    // Date 10:00:00 (+500 ms for truncation) against the round trip's midpoint 07:00:01.5.
    expect(clock.data!.offsetMs).toBe(3 * 3600_000 - 1000);
    expect(clock.fixes).toEqual(["open-date-time-settings"]);
    expect(clock.details.join("\n")).toMatch(/Apple's time \(from captive\.apple\.com\): 2026-11-21T09:59:5\d/);
  });
});

describe("formatMs: numbers for people", () => {
  it("rounds SNTP's fractions", () => {
    expect(formatMs(0.65673828125, true)).toBe("+0.66 ms");
    expect(formatMs(0.06396484375)).toBe("0.06 ms");
    expect(formatMs(-3.25, true)).toBe("-3.3 ms");
    expect(formatMs(-541_000.4, true)).toBe("-541,000 ms");
    expect(formatMs(-0.001, true)).toBe("0 ms");
  });

  it("the clock detail prints rounded offsets", async () => {
    const rec = scenarios.healthy();
    rec.ntp = [{ server: "time.apple.com", offsetMs: 0.65673828125, delayMs: 0.06396484375 }];
    const [clock] = await runChecklist([clockProbe], createReplayHost(parseRecording(JSON.stringify(rec))));
    expect(clock.details[0]).toBe("time.apple.com: offset +0.66 ms (server minus this Mac), round trip 0.06 ms");
  });
});

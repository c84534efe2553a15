import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealHost } from "../../src/core/host/real";
import { clockProbe } from "../../src/core/probes/clock";
import { runChecklist } from "../../src/core/run";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { APPLE_NAMED_CA, closedPort, startHttpServer, startNtpServer, type TestServer } from "../support/servers";

// NTP silent (UDP 123 blocked), the captive page unreachable: the clock is
// read from the Date header of Apple's status feed, served over HTTPS on
// loopback with a clock 9 minutes ahead of this machine's.

describe("clock probe: HTTP date fallback against loopback servers", () => {
  const servers: TestServer[] = [];
  let host: ReturnType<typeof createRealHost>;
  beforeAll(async () => {
    const ntp = await startNtpServer({ fault: "silent" });
    const https = await startHttpServer(
      {
        "*": {
          body: "{}",
          // Set once at start: the NTP timeouts before the fallback make it a few seconds old.
          headers: { date: new Date(Date.now() + 9 * 60_000).toUTCString() },
        },
      },
      { tls: "apple-issued" },
    );
    servers.push(ntp, https);
    const refused = await closedPort();
    host = createRealHost({
      platform: "darwin",
      ca: [APPLE_NAMED_CA],
      loopbackOnly: true,
      redirect: {
        ntp: Object.fromEntries(DEFAULT_TARGETS.ntpServers.map((s) => [s, `127.0.0.1:${ntp.port}`])),
        http: {
          "http://captive.apple.com": `http://127.0.0.1:${refused}`,
          "https://www.apple.com": `https://127.0.0.1:${https.port}`,
        },
      },
    });
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it("falls back to the HTTPS Date header and says the precision is ±1 s", async () => {
    const [f] = await runChecklist([clockProbe], host, { deadlineMs: 8000 });
    expect(f.status).toBe("fail");
    expect(f.summary).toMatch(
      /^Clock is (8 min \d+ s|9 min( \d s)?) behind www\.apple\.com \(from an HTTP date, ±1 s\)$/,
    );
    expect(Math.abs((f.data!.offsetMs as number) - 9 * 60_000)).toBeLessThan(10_000);
    expect(f.details).toEqual(
      expect.arrayContaining([
        "time.apple.com (NTP): timed out",
        "time-macos.apple.com (NTP): timed out",
        "captive.apple.com (HTTP date): connection refused",
      ]),
    );
  });
});

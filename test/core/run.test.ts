import { describe, expect, it } from "vitest";
import { createReplayHost } from "../../src/core/host/replay";
import { RECORDING_FORMAT } from "../../src/core/host/recording";
import type { Probe } from "../../src/core/probes/types";
import { runChecklist } from "../../src/core/run";
import type { Finding } from "../../src/core/types";

// The runner: everything at once, a deadline that holds, a crash that stays
// one row. Delays come from a recording's `delayMs`, so the probes do real
// awaits through a real host.

const host = createReplayHost({
  format: RECORDING_FORMAT,
  recordedAt: "2026-11-21T10:00:00.000Z",
  platform: "darwin",
  tcp: [
    { host: "a.example", port: 443, result: "open", delayMs: 100 },
    { host: "b.example", port: 443, result: "open", delayMs: 200 },
    { host: "c.example", port: 443, result: "open", delayMs: 300 },
  ],
});

const tcpProbe = (id: Probe["id"], target: string): Probe => ({
  id,
  title: id,
  area: "network",
  async run({ host, signal }) {
    const r = await host.tcp(target, 443, { signal });
    return { status: r === "open" ? "pass" : "fail", summary: `${target} ${r}`, details: [], fixes: [] };
  },
});

describe("runChecklist", () => {
  it("runs probes in parallel: all of them are in flight at once", async () => {
    // Measured as overlap, not seconds: the bench times it (npm run bench).
    let inFlight = 0;
    let most = 0;
    const counting = {
      ...host,
      tcp: async (...args: Parameters<typeof host.tcp>) => {
        most = Math.max(most, ++inFlight);
        try {
          return await host.tcp(...args);
        } finally {
          inFlight--;
        }
      },
    };
    const probes = [tcpProbe("internet", "a.example"), tcpProbe("push", "b.example"), tcpProbe("dns", "c.example")];
    const findings = await runChecklist(probes, counting, { deadlineMs: 5000 });
    expect(findings.map((f) => f.status)).toEqual(["pass", "pass", "pass"]);
    expect(most).toBe(3);
  });

  it("streams findings as they settle, fastest first, and returns them in probe order", async () => {
    const seen: string[] = [];
    const probes = [tcpProbe("dns", "c.example"), tcpProbe("internet", "a.example"), tcpProbe("push", "b.example")];
    const findings = await runChecklist(probes, host, { onFinding: (f) => seen.push(f.probe) });
    expect(seen).toEqual(["internet", "push", "dns"]);
    expect(findings.map((f) => f.probe)).toEqual(["dns", "internet", "push"]);
  });

  it("honours the deadline with a probe that never settles, naming what it waits on", async () => {
    const never: Probe = {
      id: "apple-hosts",
      title: "Apple Sign-In Servers",
      area: "apple",
      async run({ host }) {
        await host.tcp("a.example", 443);
        await new Promise(() => {}); // never settles
        throw new Error("unreachable");
      },
    };
    const waiting: Probe = {
      id: "clock",
      title: "Clock",
      area: "time",
      run: ({ host }) =>
        host.tls("gsa.apple.com", 443).then(() => ({ status: "pass", summary: "", details: [], fixes: [] })),
    };
    const slowHost = createReplayHost({
      format: RECORDING_FORMAT,
      recordedAt: "2026-11-21T10:00:00.000Z",
      platform: "darwin",
      tcp: [{ host: "a.example", port: 443, result: "open" }],
      tls: [{ host: "gsa.apple.com", port: 443, authorized: true, delayMs: 60_000 }],
    });
    const start = performance.now();
    const findings = await runChecklist([never, waiting, tcpProbe("push", "a.example")], slowHost, { deadlineMs: 400 });
    const wall = performance.now() - start;
    expect(wall).toBeLessThan(1000);
    expect(findings[0]).toMatchObject({
      probe: "apple-hosts",
      status: "error",
      summary: "Did not finish within 0.4 s",
    });
    expect(findings[1]).toMatchObject({
      probe: "clock",
      status: "error",
      summary: "Still waiting on gsa.apple.com:443 (TLS) after 0.4 s",
    });
    expect(findings[2]).toMatchObject({ probe: "push", status: "pass" });
  });

  it("isolates a probe that throws: its own error row, the rest kept", async () => {
    const boom: Probe = {
      id: "vpn",
      title: "VPN",
      area: "security",
      async run() {
        throw new TypeError("cannot read properties of undefined (reading 'name')");
      },
    };
    const findings = await runChecklist([boom, tcpProbe("push", "a.example")], host);
    expect(findings[0]).toMatchObject({ probe: "vpn", status: "error" });
    expect(findings[0].summary).toBe("The check itself failed: cannot read properties of undefined (reading 'name')");
    expect(findings[1].status).toBe("pass");
  });

  it("normalises an off-shape result instead of passing it on", async () => {
    const odd: Probe = {
      id: "proxy",
      title: "Proxy",
      area: "security",
      run: async () => ({ status: "weird", summary: "", details: "x", fixes: ["not-a-fix", "flush-dns"] }) as never,
    };
    const [f] = await runChecklist([odd], host);
    expect(f).toMatchObject({
      status: "error",
      summary: "No summary",
      details: [],
      fixes: ["flush-dns"],
    } satisfies Partial<Finding>);
  });

  it("a cancelled run returns every finding", async () => {
    const controller = new AbortController();
    const slow = tcpProbe("dns", "c.example");
    setTimeout(() => controller.abort(), 50);
    const findings = await runChecklist([slow], host, { signal: controller.signal });
    expect(findings[0]).toMatchObject({ status: "error", summary: "Canceled before it finished" });
  });

  it("shares one read between probes that ask for the same input", async () => {
    let reads = 0;
    const counting = { ...host, tcp: async (...args: Parameters<typeof host.tcp>) => (reads++, host.tcp(...args)) };
    await runChecklist([tcpProbe("internet", "a.example"), tcpProbe("push", "a.example")], counting);
    expect(reads).toBe(1);
  });
});

describe("shared reads", () => {
  it("the status feed is fetched once per run, whatever its cache-buster", async () => {
    const urls: string[] = [];
    const counting = { ...host, http: async (url: string) => (urls.push(url), { status: 200, headers: {}, body: "" }) };
    const fetcher = (id: Probe["id"], query: string): Probe => ({
      id,
      title: id,
      area: "apple",
      async run({ host }) {
        await host.http(`https://www.apple.com/support/systemstatus/data/system_status_en_US.js${query}`);
        return { status: "pass", summary: "ok", details: [], fixes: [] };
      },
    });
    await runChecklist([fetcher("apple-status", "?_=1"), fetcher("clock", "")], counting);
    expect(urls).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type { Host } from "../../src/core/host/types";
import type { Probe } from "../../src/core/probes/types";
import { DEFAULT_DEADLINE_MS, MAX_DETAIL_CHARS, MAX_DETAILS, runChecklist } from "../../src/core/run";
import type { ProbeResult } from "../../src/core/types";
import { never, stuckHost as hangingHost } from "../support/stuck-host";

// What the runner makes of each probe's row: a late probe's error names what it
// still waits on, a crash is one row with its own reason, an off-shape result is
// made safe and bounded, and a finding streams once. Hand-made probes and a host
// whose every operation never settles (no recording: the waits are the point).

const stuckHost = hangingHost({ env: (name) => (name === "HTTPS_PROXY" ? "http://proxy.example:3128" : undefined) });

const probe = (run: Probe["run"], id: Probe["id"] = "dns"): Probe => ({
  id,
  title: `Title of ${id}`,
  area: "network",
  run,
});
const ok = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  status: "pass",
  summary: "fine",
  details: [],
  fixes: [],
  ...over,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("runChecklist: a probe still running at the deadline", () => {
  it.each<[string, (host: Host) => Promise<unknown>, string]>([
    ["a command, named by its binary and arguments", (h) => h.exec(["/usr/sbin/scutil", "--dns"]), "scutil --dns"],
    ["a bare command", (h) => h.exec(["/usr/bin/sw_vers"]), "sw_vers"],
    ["a command with several arguments", (h) => h.exec(["/usr/sbin/scutil", "--nc", "list"]), "scutil --nc list"],
    [
      "a URL, without its query",
      (h) => h.http("https://www.apple.com/status.js?_=123"),
      "https://www.apple.com/status.js",
    ],
    [
      "a DNS lookup with its server",
      (h) => h.dns("gsa.apple.com", "system" as never),
      "gsa.apple.com (DNS via system)",
    ],
    ["a TCP connect", (h) => h.tcp("gsa.apple.com", 443), "gsa.apple.com:443"],
    ["a TLS handshake", (h) => h.tls("gsa.apple.com", 443), "gsa.apple.com:443 (TLS)"],
    ["an NTP query", (h) => h.ntp("time.apple.com"), "time.apple.com (NTP)"],
    ["a file", (h) => h.readFile("/etc/hosts"), "/etc/hosts"],
    ["a directory listing", (h) => h.listDir!("/etc/resolver"), "/etc/resolver"],
  ])("names %s", async (_name, op, label) => {
    const [f] = await runChecklist([probe(({ host }) => op(host) as never)], stuckHost, { deadlineMs: 100 });
    expect(f).toMatchObject({
      probe: "dns",
      title: "Title of dns",
      status: "error",
      summary: `Still waiting on ${label} after 0.1 s`,
      details: [`waiting on ${label}`],
      fixes: [],
    });
  });

  it("names every operation it waits on, in the order they started", async () => {
    const both = probe(({ host }) => Promise.all([host.tcp("a.example", 443), host.ntp("b.example")]) as never);
    const [f] = await runChecklist([both], stuckHost, { deadlineMs: 100 });
    expect(f.summary).toBe("Still waiting on a.example:443 after 0.1 s");
    expect(f.details).toEqual(["waiting on a.example:443", "waiting on b.example (NTP)"]);
  });

  it("an operation that finished is no longer named", async () => {
    const host = { ...stuckHost, tcp: async () => "open" as const };
    const [f] = await runChecklist([probe(async ({ host }) => (await host.tcp("a.example", 443), never()))], host, {
      deadlineMs: 100,
    });
    expect(f).toMatchObject({ summary: "Did not finish within 0.1 s", details: [] });
  });

  it.each([
    [1000, "1 s"],
    [2500, "2.5 s"],
    [120, "0.1 s"],
  ])("the deadline of %i ms reads %s", async (deadlineMs, text) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const run = runChecklist([probe(() => never())], stuckHost, { deadlineMs });
    await vi.advanceTimersByTimeAsync(deadlineMs);
    expect((await run)[0].summary).toBe(`Did not finish within ${text}`);
  });

  it(`without a deadline given, the run ends after ${DEFAULT_DEADLINE_MS / 1000} s and not before`, async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let settled = false;
    const run = runChecklist([probe(() => never())], stuckHost).then((r) => ((settled = true), r));
    await vi.advanceTimersByTimeAsync(DEFAULT_DEADLINE_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await run)[0].summary).toBe("Did not finish within 5 s");
  });

  it("the late probe is told to stop, and its answer after the deadline changes nothing", async () => {
    let signal: AbortSignal | undefined;
    let finish: (r: ProbeResult) => void = () => {};
    const late = probe(({ signal: s }) => {
      signal = s;
      return new Promise<ProbeResult>((resolve) => (finish = resolve));
    });
    const seen: string[] = [];
    const findings = await runChecklist([late], stuckHost, { deadlineMs: 100, onFinding: (f) => seen.push(f.status) });
    expect(signal?.aborted).toBe(true);
    finish(ok());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(findings[0].status).toBe("error");
    expect(seen).toEqual(["error"]);
  });

  it("a probe that finished in time is not told to stop", async () => {
    let signal: AbortSignal | undefined;
    await runChecklist([probe(async ({ signal: s }) => ((signal = s), ok()))], stuckHost, { deadlineMs: 100 });
    expect(signal?.aborted).toBe(false);
  });

  it("a run whose probes all finish returns without waiting for the deadline", async () => {
    const start = performance.now();
    await runChecklist([probe(async () => ok())], stuckHost, { deadlineMs: 10000 });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("a run canceled before it starts returns at once, every probe canceled", async () => {
    const controller = new AbortController();
    const run = runChecklist([probe(() => never()), probe(() => never(), "push")], stuckHost, {
      signal: controller.signal,
    });
    controller.abort();
    const findings = await run;
    expect(findings.map((f) => [f.probe, f.summary])).toEqual([
      ["dns", "Canceled before it finished"],
      ["push", "Canceled before it finished"],
    ]);
  });
});

describe("runChecklist: streaming", () => {
  it("a finding already in streams out before the next probe starts", async () => {
    const order: string[] = [];
    const first = probe(async () => ok(), "internet");
    const second = probe(async () => (order.push("second starts"), ok()), "push");
    await runChecklist([first, second], stuckHost, { onFinding: (f) => order.push(`${f.probe} streamed`) });
    expect(order).toEqual(["internet streamed", "second starts", "push streamed"]);
  });

  it("each probe streams exactly once, with its duration rounded to whole milliseconds", async () => {
    const seen: number[] = [];
    const probes = [probe(async () => ok(), "internet"), probe(() => Promise.reject(new Error("x")), "push")];
    const findings = await runChecklist(probes, stuckHost, { onFinding: (f) => seen.push(f.durationMs) });
    expect(seen).toHaveLength(2);
    for (const f of findings) expect(Number.isInteger(f.durationMs)).toBe(true);
  });
});

describe("runChecklist: a probe that crashes", () => {
  it("an Error: its message in the summary, the top of its stack as the detail", async () => {
    const [f] = await runChecklist([probe(async () => Promise.reject(new RangeError("bad index")))], stuckHost);
    expect(f.summary).toBe("The check itself failed: bad index");
    expect(f.details[0]).toBe("RangeError: bad index");
    expect(f.details.length).toBeGreaterThan(1);
    expect(f.details.length).toBeLessThanOrEqual(3);
    expect(f.fixes).toEqual([]);
  });

  it("its message is outside text like any summary: one line, no escape sequences", async () => {
    // An error can quote what a probe read (a JSON.parse message, a path): it must not reach a terminal raw.
    const [f] = await runChecklist(
      [probe(async () => Promise.reject(new Error("bad \u001b[2Jinput\nline two")))],
      stuckHost,
    );
    expect(f.summary).toBe("The check itself failed: bad input line two");
    // eslint-disable-next-line no-control-regex
    for (const d of f.details) expect(d).not.toMatch(/[\u0000-\u001f]/);
  });

  it("a thrown string or code object: its code and message", async () => {
    const [s, c] = await runChecklist(
      [
        probe(() => Promise.reject("plain words")),
        probe(() => Promise.reject({ code: "EPERM", toString: () => "not allowed" }), "push"),
      ],
      stuckHost,
    );
    expect(s).toMatchObject({ status: "error", summary: "The check itself failed: plain words" });
    expect(s.details).toEqual(["EUNKNOWN: plain words"]);
    expect(c.details).toEqual(["EPERM: not allowed"]);
  });

  it("an Error without a stack: its code and message", async () => {
    const bare = Object.assign(new Error("no stack here"), { code: "ENOENT" });
    bare.stack = undefined;
    const [f] = await runChecklist([probe(() => Promise.reject(bare))], stuckHost);
    expect(f.details).toEqual(["ENOENT: no stack here"]);
  });

  it("a probe that throws before its first await is still its own row", async () => {
    const sync: Probe = {
      ...probe(async () => ok()),
      run: () => {
        throw new Error("sync boom");
      },
    };
    const [f, g] = await runChecklist([sync, probe(async () => ok(), "push")], stuckHost);
    expect(f.summary).toBe("The check itself failed: sync boom");
    expect(g.status).toBe("pass");
  });
});

describe("runChecklist: results made safe", () => {
  const one = async (result: unknown) => (await runChecklist([probe(async () => result as ProbeResult)], stuckHost))[0];

  it.each(["pass", "warn", "fail", "skip", "error"] as const)("keeps the status %s", async (status) => {
    expect((await one(ok({ status }))).status).toBe(status);
  });

  it("a result that isn't an object is an error row with no summary", async () => {
    expect(await one(undefined)).toMatchObject({ status: "error", summary: "No summary", details: [], fixes: [] });
  });

  it("trims the summary and removes control characters; a blank one reads 'No summary'", async () => {
    expect((await one(ok({ summary: "  \u001b[31mred\u001b[0m  " }))).summary).toBe("red");
    expect((await one(ok({ summary: "   " }))).summary).toBe("No summary");
  });

  it("details: one per line, non-strings as text", async () => {
    const f = await one(ok({ details: ["a\nb", 42 as never, "c\r\nd"] }));
    expect(f.details).toEqual(["a", "b", "42", "c", "d"]);
  });

  it(`caps details at ${MAX_DETAILS} lines, saying how many were left out`, async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
    expect((await one(ok({ details: lines(MAX_DETAILS) }))).details).toEqual(lines(MAX_DETAILS));
    const capped = (await one(ok({ details: lines(MAX_DETAILS + 2) }))).details;
    expect(capped).toHaveLength(MAX_DETAILS);
    expect(capped.slice(0, -1)).toEqual(lines(MAX_DETAILS - 1));
    expect(capped.at(-1)).toBe("… 3 more lines left out");
  });

  it(`cuts a detail longer than ${MAX_DETAIL_CHARS} characters, and says so`, async () => {
    const exact = "x".repeat(MAX_DETAIL_CHARS);
    const f = await one(ok({ details: [exact, `${exact}y`] }));
    expect(f.details).toEqual([exact, `${exact}… (cut)`]);
    const many = await one(ok({ details: Array.from({ length: 50 }, () => `${exact}y`) }));
    expect(many.details[0]).toBe(`${exact}… (cut)`);
  });

  it("data is cleaned of control characters; a result without data has none", async () => {
    const f = await one(ok({ data: { name: "a\u0007b", list: ["c\u001bd"] } }));
    expect(f.data).toEqual({ name: "a b", list: ["c"] });
    expect(Object.keys(await one(ok()))).not.toContain("data");
  });

  it("fixes: only known ones, in their order; anything else is none", async () => {
    expect((await one(ok({ fixes: ["sync-clock", "rm -rf /" as never, "flush-dns"] }))).fixes).toEqual([
      "sync-clock",
      "flush-dns",
    ]);
    expect((await one(ok({ fixes: "flush-dns" as never }))).fixes).toEqual([]);
  });

  it("the host a probe gets passes platform, clock and environment through", async () => {
    let seen: unknown[] = [];
    await runChecklist(
      [probe(async ({ host }) => ((seen = [host.platform, host.now().toISOString(), host.env("HTTPS_PROXY")]), ok()))],
      stuckHost,
    );
    expect(seen).toEqual(["darwin", "2026-11-21T10:00:00.000Z", "http://proxy.example:3128"]);
  });
});

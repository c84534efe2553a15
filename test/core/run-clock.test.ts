import { afterEach, describe, expect, it, vi } from "vitest";
import { BINARIES, binaryTable } from "../../src/core/host/binaries";
import type { Host } from "../../src/core/host/types";
import type { Probe, ProbeContext } from "../../src/core/probes/types";
import { runChecklist } from "../../src/core/run";
import { DEFAULT_TARGETS, type Targets } from "../../src/core/targets";
import type { ProbeResult } from "../../src/core/types";
import { never, stuckHost as hangingHost } from "../support/stuck-host";

const stuckHost = hangingHost();

// The runner's clock and what it hands each probe: durations measured on the
// run's own clock (fake timers, so nothing here depends on the machine's load),
// no timer left behind once the run is over, the first probe started at once,
// and the targets and binaries a probe gets.

const probe = (run: Probe["run"], id: Probe["id"] = "dns"): Probe => ({ id, title: id, area: "network", run });
const ok = (): ProbeResult => ({ status: "pass", summary: "fine", details: [], fixes: [] });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.useRealTimers();
});

describe("runChecklist: the run's clock", () => {
  it("each finding's duration is how long its probe took: one that answered, one that crashed, one cut off", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "performance"] });
    const probes = [
      probe(() => never(), "clock"),
      probe(async () => (await wait(250), ok()), "internet"),
      probe(async () => {
        await wait(400);
        throw new Error("gave up");
      }, "push"),
    ];
    vi.advanceTimersByTime(60_000); // the run starts a minute into the clock, not at its zero
    const run = runChecklist(probes, stuckHost, { deadlineMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    // The one cut off is first: it starts with the deadline, so it ran the whole of it.
    expect((await run).map((f) => [f.probe, f.status, f.durationMs])).toEqual([
      ["clock", "error", 1000],
      ["internet", "pass", 250],
      ["push", "error", 400],
    ]);
  });

  it("a run that ends before its deadline leaves no timer behind to keep the process alive", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await runChecklist([probe(async () => ok())], stuckHost, { deadlineMs: 5000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the first probe (Apple's servers, the slowest) starts within the call, the next one a turn later", () => {
    const started: string[] = [];
    const probes = [
      probe(() => (started.push("apple-hosts"), never()), "apple-hosts"),
      probe(() => (started.push("dns"), never()), "dns"),
    ];
    void runChecklist(probes, stuckHost, { deadlineMs: 100 });
    expect(started).toEqual(["apple-hosts"]);
  });
});

describe("runChecklist: what a probe is given", () => {
  const seen: Pick<ProbeContext, "targets" | "bin">[] = [];
  const looking = probe(async ({ targets, bin }) => (seen.push({ targets, bin }), ok()));
  afterEach(() => {
    seen.length = 0;
  });

  it("the default targets and binaries when the run names none", async () => {
    await runChecklist([looking], stuckHost);
    expect(seen[0].targets).toBe(DEFAULT_TARGETS);
    expect(seen[0].bin).toEqual(binaryTable());
    expect(seen[0].bin.scutil).toBe(BINARIES.scutil);
  });

  it("the run's own targets and binaries when it names them", async () => {
    const targets: Targets = { ...DEFAULT_TARGETS, signInHosts: ["gsa.test.example"] };
    const bin = binaryTable({ scutil: "/opt/test/scutil" });
    await runChecklist([looking], stuckHost, { targets, binaries: bin });
    expect(seen[0]).toEqual({ targets, bin });
  });

  it("a directory listing goes through to the host", async () => {
    const host: Host = { ...stuckHost, listDir: async (path) => [`${path}/apple.com`] };
    let listed: string[] = [];
    await runChecklist([probe(async ({ host }) => ((listed = await host.listDir!("/etc/resolver")), ok()))], host);
    expect(listed).toEqual(["/etc/resolver/apple.com"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { createRecordingHost } from "../../src/core/host/record";
import { parseRecording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Finding } from "../../src/core/types";
import { startLoopbackMac, type LoopbackMac } from "../support/loopback-mac";

// The real host and the real probes against a whole Mac's network on
// loopback: nothing leaves 127.0.0.1 (the host refuses anything else).

/** Timings differ between a live run and its replay; everything else must not. */
const stable = (f: Finding) => ({
  probe: f.probe,
  status: f.status,
  summary: f.summary.replace(/\d+ ms/g, "N ms"),
  details: f.details.map((d) => d.replace(/\d+ ms/g, "N ms").replace(/This Mac's clock: .*/, "This Mac's clock")),
  fixes: f.fixes,
});

describe("full checklist against loopback servers", () => {
  let mac: LoopbackMac;
  beforeAll(async () => {
    mac = await startLoopbackMac({ delays: { http: 50, tls: 120, tcp: 80, dns: 60, ntp: 40 } });
  });
  afterAll(() => mac.close());

  it("a healthy Mac: every check passes through real sockets and processes", async () => {
    const result = await runFullChecklist(mac.host, { targets: mac.targets, binaries: mac.binaries });
    const notPassing = result.findings
      .filter((f) => f.status !== "pass")
      .map((f) => `${f.probe}: ${f.status} ${f.summary}`);
    expect(notPassing).toEqual([]);
    expect(result.causes[0].cause).toBe("none");
    const tls = result.findings.find((f) => f.probe === "tls-inspection")!;
    expect(tls.summary).toBe("Certificates come from Apple (6 checked)");
  });

  it("record → replay gives identical findings", async () => {
    const recorder = createRecordingHost(mac.host);
    const live = await runFullChecklist(recorder, { targets: mac.targets, binaries: mac.binaries });
    const recording = parseRecording(JSON.stringify(recorder.recording()));
    expect(recording.exec!.length).toBeGreaterThan(5);
    expect(recording.tls!.length).toBe(6);
    const replayed = await runFullChecklist(createReplayHost(recording), {
      targets: mac.targets,
      binaries: mac.binaries,
    });
    expect(replayed.findings.map(stable)).toEqual(live.findings.map(stable));
    expect(replayed.causes).toEqual(live.causes);
  });
});

describe("every network dependency hanging", () => {
  let mac: LoopbackMac;
  beforeAll(async () => {
    mac = await startLoopbackMac({ hang: true });
  });
  afterAll(() => mac.close());

  it("the run returns every finding within the deadline, naming what is slow", async () => {
    const start = performance.now();
    const result = await runFullChecklist(mac.host, { targets: mac.targets, binaries: mac.binaries, deadlineMs: 1500 });
    const wall = performance.now() - start;
    expect(result.findings).toHaveLength(17);
    expect(wall).toBeLessThan(2500);
    for (const f of result.findings) expect(["pass", "warn", "fail", "skip", "error"]).toContain(f.status);
    const late = result.findings.filter((f) => f.status === "error");
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((f) => /^Still waiting on |^Did not finish/.test(f.summary))).toBe(true);
  });
});

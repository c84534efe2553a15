import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Finding } from "../../src/core/types";
import * as scenarios from "../support/scenarios";

// Filter agents in the process list (`ps -axo comm=`), the network-filter
// check's second witness: named when running, a lead unless sign-in fails
// while the internet works, and a recording made before ps was read replays
// on the extensions alone, as it did.

const run = async (rec: Recording) => runFullChecklist(createReplayHost(parseRecording(JSON.stringify(rec))));
const filterFinding = (findings: Finding[]) => findings.find((f) => f.probe === "network-filter")!;
type Mutable = ReturnType<typeof scenarios.healthy>;
const PS = JSON.stringify(["/bin/ps", "-axo", "comm="]);
const withPs = (r: Mutable, stdout: string) => {
  r.exec = [
    ...r.exec.filter((e) => JSON.stringify(e.command) !== PS),
    { command: ["/bin/ps", "-axo", "comm="], stdout },
  ];
  return r;
};

describe("filter agents in the process list", () => {
  it("Zscaler's tunnel running and two sign-in servers timing out while the internet works: Zscaler named, IT told what to exempt", async () => {
    const { findings, causes } = await run(scenarios.filterAgent());
    expect(filterFinding(findings)).toMatchObject({
      status: "warn",
      summary: "Zscaler is running and can block Apple's sign-in daemons (akd, accountsd)",
    });
    expect(filterFinding(findings).details).toContain("Zscaler's agent is running: ZscalerTunnel");
    expect(causes[0]).toMatchObject({ cause: "network-filter", confidence: "high" });
    expect(causes[0].summary).toBe(
      "Zscaler is running and the sign-in servers time out while the internet works: ask IT to exempt Apple's sign-in hosts from Zscaler's inspection and blocking.",
    );
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("the same agent while everything works: a low-confidence lead with what to do if sign-in fails", async () => {
    const r = withPs(
      scenarios.healthy(),
      "/Library/Little Snitch/Little Snitch Daemon.bundle/Contents/MacOS/Little Snitch Daemon\n",
    );
    const { findings, causes } = await run(r);
    expect(filterFinding(findings).summary).toBe(
      "Little Snitch is running and can block Apple's sign-in daemons (akd, accountsd)",
    );
    expect(causes[0]).toMatchObject({ cause: "network-filter", confidence: "low" });
    expect(causes[0].summary).toBe(
      "Little Snitch is running. Nothing failed now, but if sign-in fails: allow akd and accountsd (and apsd for push) in Little Snitch's rules.",
    );
  });

  it("an extension and its agent are one product, said once; the extension makes it active", async () => {
    const r = withPs(scenarios.networkFilter(), "/Applications/LuLu.app/Contents/MacOS/LuLu\n");
    const f = filterFinding((await run(r)).findings);
    expect(f.summary).toBe("LuLu is active and can block Apple's sign-in daemons (akd, accountsd)");
    expect(f.data?.active).toEqual([
      { product: "LuLu", kind: "firewall", bundleId: "com.objective-see.lulu.extension", process: "LuLu" },
    ]);
  });

  it("systemextensionsctl unreadable: the process list alone still names an agent, or says none runs", async () => {
    const broken = (r: Mutable) => {
      r.exec = r.exec.filter((e) => !String(e.command[0]).endsWith("systemextensionsctl"));
      r.exec.push({ command: ["/usr/bin/systemextensionsctl", "list"], stdout: "", stderr: "", exitCode: 1 });
      return r;
    };
    const none = filterFinding((await run(broken(scenarios.healthy()))).findings);
    expect(none).toMatchObject({ status: "pass", summary: "No known filter or firewall agent is running" });
    expect(none.details).toContain("`systemextensionsctl list` failed (exit 1)");
    const agent = filterFinding((await run(broken(scenarios.filterAgent()))).findings);
    expect(agent.summary).toBe("Zscaler is running and can block Apple's sign-in daemons (akd, accountsd)");
  });

  it.each(Object.entries(scenarios.SCENARIOS))(
    "%s: without the process list (an older recording) the finding is the extensions' alone",
    async (_name, build) => {
      const rec = build() as Mutable;
      if (!rec.exec) return;
      const without = { ...rec, exec: rec.exec.filter((e) => JSON.stringify(e.command) !== PS) };
      const f = filterFinding((await run(without)).findings);
      expect(f.details.join("\n")).not.toMatch(/agent is running|process list/);
      if (f.status === "warn") expect(f.summary).toMatch(/ is active and /);
    },
  );
});

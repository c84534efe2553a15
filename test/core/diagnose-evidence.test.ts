import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/core/diagnose";
import type { ProbeId } from "../../src/core/ids";
import type { Finding, Status } from "../../src/core/types";
import { finding, passingRun, ranked, SIGN_IN } from "../support/findings";

// Causes follow the evidence (issue 13): each rule added or changed, firing
// and not firing, on findings shaped as the probes return them.

// The older short form: summary before data, and a summary of "<probe> <status>".
const f = (probe: ProbeId, status: Status, summary = `${probe} ${status}`, data?: Record<string, unknown>): Finding =>
  finding(probe, status, data, { summary });
const run = passingRun;
const ids = ranked;

const dnsFail = (publicWorks: boolean) =>
  f(
    "dns",
    "fail",
    publicWorks
      ? "This Mac's DNS can't find Apple's sign-in hosts, but 1.1.1.1 can"
      : "No DNS server answered for Apple's sign-in hosts",
    {
      verdict: publicWorks ? "system-fails" : "none-answer",
      hostsAffected: ["gsa.apple.com"],
      hosts: [
        {
          name: "gsa.apple.com",
          lookups: [
            { server: "system", error: "EAI_AGAIN" },
            publicWorks
              ? { server: "1.1.1.1", addresses: ["17.32.194.98"] }
              : { server: "1.1.1.1", error: "ENOTFOUND" },
            { server: "8.8.8.8", error: "ENOTFOUND" },
          ],
        },
      ],
    },
  );

describe("push that failed by name is DNS, not push-blocked", () => {
  it("fires push-blocked when the ports themselves are blocked", () => {
    expect(ids(run(f("push", "fail")))).toEqual(["push-blocked/medium"]);
  });
  it("doesn't when the push host's name didn't resolve", () => {
    const causes = ids(run(dnsFail(true), f("push", "fail", "Push service not tried", { cause: "dns" })));
    expect(causes).toEqual(["dns/high"]);
  });
});

describe("a 5223-only block is a lead, not none", () => {
  it("lists push-blocked with low confidence when push warns", () => {
    const [c] = diagnose(
      run(f("push", "warn", "Port 5223 is blocked (timed out); push falls back to 443, which is slower")),
    );
    expect(c).toMatchObject({ cause: "push-blocked", confidence: "low" });
    expect(c.summary).toMatch(/two-factor codes/);
  });
  it("says nothing about push when it passes", () => {
    expect(ids(run())).toEqual(["none/high"]);
  });
});

describe("DNS advice names only a resolver that answered", () => {
  it("suggests 1.1.1.1 when 1.1.1.1 answered", () => {
    expect(diagnose(run(dnsFail(true)))[0].summary).toMatch(/such as 1\.1\.1\.1/);
  });
  it("doesn't when the public resolvers failed too", () => {
    const summary = diagnose(run(dnsFail(false)))[0].summary;
    expect(summary).not.toMatch(/1\.1\.1\.1/);
    expect(summary).toMatch(/try another network/);
  });
});

describe("clock advice fits how the clock was measured", () => {
  const skew = (data: Record<string, unknown>) =>
    f("clock", "fail", "Clock is 9 min behind captive.apple.com", { offsetMs: 540_000, ...data });
  it("NTP blocked: no Sync Clock, set the time by hand from the HTTP-measured time", () => {
    const [c] = diagnose(run(skew({ ntpBlocked: true, serverTime: "2026-12-01T22:00:50.000Z" })));
    expect(c.fixes).toEqual(["open-date-time-settings"]);
    expect(c.summary).toMatch(/set the date and time by hand .*22:00:50 UTC on 2026-12-01, ±1 s/);
  });
  it("NTP reachable: Sync Clock first", () => {
    expect(diagnose(run(skew({ ntpBlocked: false })))[0].fixes).toEqual(["sync-clock", "open-date-time-settings"]);
  });
  it("doesn't tell the user to turn on automatic time when it is on", () => {
    const on = diagnose(run(skew({}), f("time-settings", "pass", "Europe/Berlin", { timedRunning: true })))[0];
    expect(on.summary).not.toMatch(/turn on/);
    expect(on.summary).toMatch(/Automatic time is on/);
    const unknown = diagnose(run(skew({})))[0];
    expect(unknown.summary).toMatch(/turn on “Set time and date automatically”/);
  });
});

describe("what couldn't be checked is never 'No problem found'", () => {
  it("a sign-in probe still running at the deadline: none, low, naming it", () => {
    const [c, ...rest] = diagnose(run(f("apple-hosts", "error", "Still waiting on gsa.apple.com:443 (TLS) after 2 s")));
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      cause: "none",
      confidence: "low",
      title: "Not Fully Checked",
      unchecked: ["apple-hosts"],
    });
    expect(c.summary).toMatch(/^Couldn't finish checking Apple Sign-In Servers \(still waiting on gsa\.apple\.com/);
  });
  it("an error outside sign-in (firewall) doesn't cloud the verdict", () => {
    expect(ids(run(f("firewall", "error")))).toEqual(["none/high"]);
  });
  it("nothing checked: said plainly, low confidence", () => {
    const skipped = SIGN_IN.map((id) => f(id, "skip"));
    expect(diagnose(skipped)[0]).toMatchObject({ cause: "none", confidence: "low", title: "Nothing Checked" });
    const stuck = SIGN_IN.map((id) => f(id, "error"));
    expect(diagnose(stuck)[0].summary).toMatch(/^Nothing could be checked: all 8 checks that ran couldn't finish/);
  });
  it("a warning without a rule: low, naming it; a skipped sign-in check: medium, not high", () => {
    expect(diagnose(run(f("apple-status", "warn", "Couldn't check Apple's System Status")))[0]).toMatchObject({
      cause: "none",
      confidence: "low",
      title: "No Clear Cause",
    });
    const partial = run(f("clock", "skip"));
    expect(diagnose(partial)[0]).toMatchObject({ cause: "none", confidence: "medium" });
    expect(diagnose(partial)[0].summary).toMatch(/Clock couldn't be checked/);
  });
});

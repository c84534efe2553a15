import { describe, expect, it } from "vitest";
import { evidenceOf } from "../../src/core/cause-builders";
import { diagnose } from "../../src/core/diagnose";
import { finding, line, passingRun, SIGN_IN } from "../support/findings";

// The `none` verdicts (issue 19): how clean a result is when no rule explains
// it. A front end shows their title, confidence, evidence and fixes; the
// `unchecked` list says which sign-in checks the verdict isn't based on.

describe("nothing checked", () => {
  it("every check skipped: low, nothing unchecked, no evidence", () => {
    const causes = diagnose(SIGN_IN.map((id) => finding(id, "skip")));
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "low", title: "Nothing Checked", unchecked: [] });
    expect(causes[0].evidence).toEqual([]);
    expect(causes[0].fixes).toEqual([]);
  });
  it("no findings at all: nothing checked", () => {
    expect(diagnose([])).toMatchObject([{ cause: "none", title: "Nothing Checked" }]);
  });
  it("checks that couldn't finish are listed, with their evidence", () => {
    const [c] = diagnose([
      finding("dns", "error"),
      finding("clock", "skip"),
      finding("apple-hosts", "error", undefined, { summary: "Still waiting on gsa.apple.com" }),
    ]);
    expect(c).toMatchObject({
      cause: "none",
      confidence: "low",
      title: "Nothing Checked",
      unchecked: ["dns", "apple-hosts"],
    });
    expect(c.evidence).toEqual([line("dns", "error"), "Apple Sign-In Servers: Still waiting on gsa.apple.com"]);
    expect(c.summary).toMatch(/all 2 checks that ran/);
  });
  it("one check that ran and didn't finish is named as one", () => {
    expect(diagnose([finding("dns", "error")])[0].summary).toMatch(/the one check that ran/);
  });
  it("one check that ran is enough to leave 'nothing checked'", () => {
    const [c] = diagnose([...SIGN_IN.slice(1).map((id) => finding(id, "skip")), finding("apple-status", "pass")]);
    expect(c).toMatchObject({ cause: "none", confidence: "medium" });
    expect(c.title).toBeUndefined();
  });
  it("a warning or a failure counts as checked too", () => {
    const skips = SIGN_IN.slice(1).map((id) => finding(id, "skip"));
    expect(diagnose([...skips, finding("apple-status", "warn")])[0].title).toBe("No Clear Cause");
    expect(diagnose([...skips, finding("apple-status", "fail")])[0].title).toBeUndefined();
  });
});

describe("a failure no rule explains", () => {
  it("none, low, with every failure as evidence and Apple Support as the fix", () => {
    const causes = diagnose(passingRun(finding("apple-status", "fail"), finding("firewall", "fail")));
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "low", fixes: ["contact-apple-support"] });
    expect(causes[0].evidence).toEqual([line("apple-status", "fail"), line("firewall", "fail")]);
    expect(causes[0].summary).toMatch(/\(Apple System Status, firewall\)/);
  });
  it("a failure with only a low lead: the lead, not 'no known cause'", () => {
    const causes = diagnose(passingRun(finding("hosts-file", "fail", { pinnedHosts: ["gsa.apple.com"] })));
    expect(causes.map((c) => `${c.cause}/${c.confidence}`)).toEqual(["hosts-file/low"]);
  });
  it("a serious cause without a failure: only the causes, even when a check couldn't finish", () => {
    const causes = diagnose(
      passingRun(finding("account", "warn", { signedIn: false }), finding("apple-hosts", "error")),
    );
    expect(causes.map((c) => `${c.cause}/${c.confidence}`)).toEqual(["signed-out/medium"]);
  });
  it("a serious cause: only the causes, even when a check couldn't finish", () => {
    const causes = diagnose(passingRun(finding("internet", "fail"), finding("dns", "error")));
    expect(causes.map((c) => `${c.cause}/${c.confidence}`)).toEqual(["offline/high"]);
  });
});

describe("not fully checked", () => {
  it("comes first, naming the unfinished sign-in checks, then the leads", () => {
    const causes = diagnose(
      passingRun(finding("apple-hosts", "error"), finding("clock", "error"), finding("push", "warn")),
    );
    expect(causes.map((c) => `${c.cause}/${c.confidence}`)).toEqual(["none/low", "push-blocked/low"]);
    expect(causes[0]).toMatchObject({ title: "Not Fully Checked", unchecked: ["apple-hosts", "clock"], fixes: [] });
    expect(causes[0].evidence).toEqual([line("apple-hosts", "error"), line("clock", "error")]);
  });
  it("lowers the first letter of each unfinished summary after the title", () => {
    const [c] = diagnose(passingRun(finding("dns", "error", undefined, { summary: "Timed out after 2 s" })));
    expect(c.summary).toMatch(/^Couldn't finish checking DNS \(timed out after 2 s\), so/);
  });
  it("an error outside sign-in doesn't count", () => {
    expect(diagnose(passingRun(finding("firewall", "error")))[0]).toMatchObject({ cause: "none", confidence: "high" });
  });
});

describe("warnings no rule explains", () => {
  it("none, low, No Clear Cause: each warning as evidence, their fixes once each in order", () => {
    const [c, ...rest] = diagnose(
      passingRun(
        finding("internet", "warn", undefined, { fixes: ["flush-dns", "open-network-settings"] }),
        finding("dns", "warn", undefined, { fixes: ["open-network-settings", "flush-dns"] }),
      ),
    );
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ cause: "none", confidence: "low", title: "No Clear Cause" });
    expect(c.evidence).toEqual([line("internet", "warn"), line("dns", "warn")]);
    expect(c.fixes).toEqual(["flush-dns", "open-network-settings"]);
    expect(c.summary).toMatch(/Internet warned \(warn \(internet\)\); DNS warned/);
  });
  it("a warning outside sign-in doesn't count", () => {
    expect(diagnose(passingRun(finding("firewall", "warn")))[0]).toMatchObject({ cause: "none", confidence: "high" });
  });
});

describe("clean", () => {
  it("every sign-in check passed: high, counting the checks, no evidence or fixes", () => {
    const causes = diagnose(passingRun(finding("firewall", "pass")));
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "high", evidence: [], fixes: [] });
    expect(causes[0].title).toBeUndefined();
    expect(causes[0].summary).toMatch(/^No problem found in 9 checks:/);
  });
  it("a sign-in check skipped: medium, naming it", () => {
    const [c] = diagnose(passingRun(finding("clock", "skip"), finding("dns", "skip")));
    expect(c).toMatchObject({ cause: "none", confidence: "medium" });
    expect(c.summary).toMatch(/in 6 checks: .* DNS, Clock couldn't be checked\./);
  });
  it.each(SIGN_IN)("%s skipped: medium, not clean", (id) => {
    expect(diagnose(passingRun(finding(id, "skip")))[0]).toMatchObject({ cause: "none", confidence: "medium" });
  });
  it.each(SIGN_IN)("%s unfinished: not fully checked", (id) => {
    expect(diagnose(passingRun(finding(id, "error")))[0]).toMatchObject({
      title: "Not Fully Checked",
      unchecked: [id],
    });
  });
  it("a check outside sign-in skipped: still high", () => {
    expect(diagnose(passingRun(finding("firewall", "skip")))[0]).toMatchObject({ cause: "none", confidence: "high" });
  });
});

describe("evidence lines", () => {
  it.each([
    ["Clock", "Clock is 9 min ahead", "Clock is 9 min ahead"],
    ["Clock", "clock is 9 min ahead", "clock is 9 min ahead"],
    ["DNS", "No DNS server answered", "DNS: No DNS server answered"],
  ])("title %s, summary %s: %s", (title, summary, want) => {
    expect(evidenceOf({ ...finding("clock", "fail"), title, summary })).toEqual([want]);
  });
  it("no finding, no line", () => expect(evidenceOf(undefined)).toEqual([]));
});

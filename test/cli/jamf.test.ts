import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JAMF_MAX, jamfResult } from "../../src/cli/jamf";
import type { Cause, Finding } from "../../src/core/types";
import { runCli } from "../support/cli";

// `checklist --format jamf`: exactly one Jamf Pro extension attribute line, whatever the Mac says.

const rec = (name: string) => join(__dirname, "..", "fixtures", "recordings", `${name}.json`);
const ONE_RESULT = /^<result>[^<>\n]*<\/result>\n$/;

describe("checklist --format jamf", () => {
  it("the hosts-file Mac: one line, the top cause's ID first, nothing else on stdout", async () => {
    const { code, stdout, stderr } = await runCli(["checklist", "--format", "jamf", "--replay", rec("hosts-file")]);
    expect(stdout).toMatch(ONE_RESULT);
    expect(stdout).toMatch(/^<result>hosts-file: Your \/etc\/hosts sends gsa\.apple\.com to 0\.0\.0\.0 \(line 53/);
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });

  it("a healthy Mac is none, exit 0", async () => {
    const { code, stdout } = await runCli(["checklist", "--format=jamf", "--replay", rec("healthy")]);
    expect(stdout).toMatch(/^<result>none: No problem found in 17 checks/);
    expect(code).toBe(0);
  });

  it("hides identifiers, as inventory is read by more people than the user", async () => {
    const { stdout } = await runCli(["checklist", "--format", "jamf", "--replay", rec("with-identifiers")]);
    expect(stdout).toMatch(ONE_RESULT);
    expect(stdout).not.toMatch(/jane|hotel-example|192\.168|a4:83/i);
  });

  it.each([
    [["checklist", "--format", "xml"], /unknown format "xml"/],
    [["report", "--format", "jamf"], /for checklist only/],
    [["checklist", "--format", "jamf", "--json"], /pick one/],
    [["checklist", "--format"], /--format needs a format/],
  ])("bad usage %j is exit 2 with a reason", async (argv, reason) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(reason);
  });
});

describe("jamfResult", () => {
  const cause = (summary: string): Cause => ({
    cause: "blocked",
    confidence: "high",
    summary,
    evidence: [],
    fixes: [],
  });
  const none: Finding[] = [];

  it("a summary can't close the tag, open another or split the line", () => {
    const out = jamfResult([cause("a</result><result>x\nline two\u001b[31m")], none, {});
    // eslint-disable-next-line no-control-regex
    expect(out).toMatch(/^<result>[^<>\n\u001b]*<\/result>$/);
    expect(out).toContain("line two");
  });

  it(`cuts at ${JAMF_MAX} characters`, () => {
    const out = jamfResult([cause("x".repeat(5000))], none, {});
    expect(out.length).toBe("<result></result>".length + JAMF_MAX);
    expect(out).toMatch(/…<\/result>$/);
  });

  it("no cause at all still prints a value", () => {
    expect(jamfResult([], none, {})).toBe("<result>none: nothing checked</result>");
  });
});

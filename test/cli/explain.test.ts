// `apple-id-doctor explain <error>`: the knowledge base from a terminal. It
// reads no Mac and no recording (the test deps refuse a live host), prints
// the best matches with the commands to run, and exits 0 on a match, 1 on
// none, 2 with nothing to look up.
import { describe, expect, it } from "vitest";
import { KNOWLEDGE } from "../../src/core/knowledge";
import { runCli } from "../support/cli";

describe("CLI explain", () => {
  it("a negative code needs no `--`: the best match with its meaning, checks and fixes", async () => {
    const { code, stdout, stderr } = await runCli(["explain", "-20209"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. Account Locked for Security Reasons \(high confidence\) · code -20209\n/);
    expect(stdout).toContain("Apple locked the account");
    expect(stdout).toContain("   Check: apple-id-doctor checklist  (Apple Account)");
    expect(stdout).toContain("   Fix: apple-id-doctor fix open-apple-account-settings  (Open Apple Account Settings)");
    expect(stdout).toMatch(/What to do:\n {5}1\. Avoid more tries/);
    expect(stdout).toContain("iforgot.apple.com");
    expect(stdout).toContain("Source: Error -20209 from Apple's sign-in server");
    expect(stdout).not.toContain("\u001b["); // no colour when not a TTY
  });

  it.each([
    [["explain", "ec", "-20209"], "Account Locked for Security Reasons"],
    [["explain", "(-60007)"], "Administrator Prompt Couldn't Be Shown"],
    [["explain", "error", "4001"], "iCloud Error 4001 (unverified"],
    [["explain", "CERT_HAS_EXPIRED"], "Certificate Not Yet Valid or Expired"],
    [["explain", "getaddrinfo ENOTFOUND gsa.apple.com"], "Name Not Found (DNS)"],
    [["explain", "stuck", "on", "verifying"], "Stuck on Verifying"],
    [
      ["explain", "There was an error connecting to the Apple ID server."],
      "Error Connecting to the Apple Account Server",
    ],
  ])("%j → %s", async (argv, title) => {
    const { code, stdout } = await runCli(argv);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toContain(`1. ${title}`);
  });

  it("names likely causes and says once that a meaning is unverified", async () => {
    const { stdout } = await runCli(["explain", "4001"]);
    expect(stdout).toMatch(/^1\. iCloud Error 4001 \(unverified: no public source confirms it\) · code 4001$/m);
    expect(stdout).toContain("Source: One product guide only; Apple doesn't document it\n");
    const block = stdout.split("\n\n")[0];
    expect(block.match(/unverified|unconfirmed|\ba lead\b|low confidence/gi)).toEqual(["unverified"]);
    const dns = await runCli(["explain", "ENOTFOUND"]);
    expect(dns.stdout).toContain("Likely causes: DNS Problem, No Internet Connection, Wi-Fi Login Page");
    expect(dns.stdout).toContain(
      "Check: apple-id-doctor checklist  (Internet Connection, Wi-Fi Login Page, DNS, Apple Sign-In Servers)",
    );
    expect(dns.stdout).toContain("Fix: apple-id-doctor fix flush-dns  (Flush DNS Cache)");
  });

  it("prints at most three matches, best first", async () => {
    const { code, stdout } = await runCli(["explain", "password"]);
    expect(code).toBe(0);
    const numbered = stdout.match(/^\d+\. /gm) ?? [];
    expect(numbered).toEqual(["1. ", "2. ", "3. "]);
  });

  it("--json prints the matches, each a whole entry with its score and what matched", async () => {
    const { code, stdout, stderr } = await runCli(["explain", "-60007", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.query).toBe("-60007");
    expect(doc.matches).toHaveLength(1);
    const [match] = doc.matches;
    const entry = KNOWLEDGE.find((e) => e.id === "admin-prompt-not-allowed")!;
    expect(match).toEqual({ ...entry, score: expect.any(Number), matched: "-60007" });
  });

  it("exit 1 when nothing matches, with a hint (and an empty list in JSON)", async () => {
    const text = await runCli(["explain", "xyzzy"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('No match for "xyzzy". Try the exact error code, like -20209');
    const json = await runCli(["explain", "xyzzy", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ query: "xyzzy", matches: [] });
  });

  it("exit 2 with nothing to look up", async () => {
    for (const argv of [["explain"], ["explain", "  "], ["explain", "--json"]]) {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^apple-id-doctor: explain needs an error code or a few words/);
    }
  });

  it("needs no Mac: a --replay file is not even read", async () => {
    const { code } = await runCli(["explain", "ENOTFOUND", "--replay", "/nonexistent/recording.json"]);
    expect(code).toBe(0);
  });

  it("--help lists the command; other commands' options still parse as before", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/^ {2}explain <error> {6}what an error code or message means/m);
    const bad = await runCli(["checklist", "-5"]);
    expect(bad.code).toBe(2);
  });
});

// Words a newcomer reads first, over every recorded scenario: each phrase
// issue 17 found once, as a pattern, so it can't come back somewhere else.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE } from "../../src/core/knowledge";
import { runCli } from "../support/cli";

const RECORDINGS = join(__dirname, "..", "fixtures", "recordings");
const rec = (name: string) => join(RECORDINGS, `${name}.json`);
const NAMES = readdirSync(RECORDINGS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));

/** Everything a person reads from one scenario: findings, evidence, diagnosis, human output, report. */
async function allText(name: string): Promise<{ texts: string[]; evidence: string[] }> {
  const json = JSON.parse((await runCli(["checklist", "--replay", rec(name), "--json"])).stdout);
  const texts: string[] = [];
  const evidence: string[] = [];
  for (const f of json.findings) texts.push(f.summary, ...f.details);
  for (const c of json.diagnosis) {
    texts.push(c.summary, ...c.evidence);
    evidence.push(...c.evidence);
  }
  texts.push((await runCli(["checklist", "--replay", rec(name)])).stdout);
  texts.push((await runCli(["report", "--replay", rec(name)])).stdout);
  texts.push((await runCli(["status", "--replay", rec(name)])).stdout);
  return { texts, evidence };
}

const BANNED: Array<[string, RegExp]> = [
  ["a port state as an adjective (“Port 5223 is timeout”)", /\bPort \d+ is (timeout|refused|open)\b/],
  ["“since … ago”", /\bsince (\d+ \w+|just now|a moment) ago\b|\bsince just now\b/],
  ["an error chained onto an error", /Couldn't \w+ [^:]*: (could not|couldn't)/i],
  ["“sign in in”", /\bsign in in\b/i],
  ["a platform's code name", /\(this is (linux|darwin|win32)\)/],
  ["a count run into the time (“1 not checked in 12 ms”)", /not checked in \d+ ms/],
  ["an issuer with its notes", /\(zscaler\.net\) \(t\)"/],
  ["the old name of the service", /\bApple ID\b(?! Doctor| server)/],
];

describe("wording over every recorded scenario", () => {
  it.each(NAMES)("%s", async (name) => {
    const { texts, evidence } = await allText(name);
    for (const text of texts) {
      for (const [what, pattern] of BANNED) expect(text, `${what} in ${name}`).not.toMatch(pattern);
      expect(text.match(/if sign-in still fails/gi)?.length ?? 0, `${name}: said twice`).toBeLessThan(2);
    }
    // "Clock: Clock is 9 min 1 s ahead": a title said twice.
    for (const e of evidence) expect(e, name).not.toMatch(/^([^:]+): \1\b/i);
  });

  it("the phrases themselves, where issue 17 saw them", async () => {
    // 5223 timing out while 443 answers (push-blocked with its fallback open).
    const doc = JSON.parse(readFileSync(rec("push-blocked"), "utf8"));
    doc.tcp = doc.tcp.map((t: { port: number }) => (t.port === 443 ? { ...t, result: "open" } : t));
    const file = join(mkdtempSync(join(tmpdir(), "aid-wording-")), "push-5223.json");
    writeFileSync(file, JSON.stringify(doc));
    const push = JSON.parse((await runCli(["checklist", "--replay", file, "--json"])).stdout);
    expect(push.findings.find((f: { probe: string }) => f.probe === "push").summary).toMatch(
      /^Port 5223 is blocked \(timed out\); push falls back to 443/,
    );
    const offline = JSON.parse((await runCli(["checklist", "--replay", rec("offline"), "--json"])).stdout);
    expect(offline.findings.find((f: { probe: string }) => f.probe === "apple-status").summary).toBe(
      "Couldn't reach Apple's System Status (couldn't look up www.apple.com: name not found)",
    );
    const tls = JSON.parse((await runCli(["checklist", "--replay", rec("https-interception"), "--json"])).stdout);
    expect(tls.findings.find((f: { probe: string }) => f.probe === "tls-inspection").summary).toContain(
      'a certificate from "Zscaler Intermediate Root CA", not Apple',
    );
    const clock = JSON.parse((await runCli(["checklist", "--replay", rec("clock-ahead"), "--json"])).stdout);
    expect(clock.diagnosis[0].evidence[0]).toBe("Clock is 9 min 1 s ahead of time.apple.com");
  });

  it("sources say who said it in words first, an internal name at most in brackets after", () => {
    for (const e of KNOWLEDGE) {
      expect(e.source, e.id).not.toMatch(/^(GrandSlam|idmsa|AKAuthenticationError|CSIdentityErrorDomain|CloudKit)\b/);
    }
  });

  it("the report's checks are a Markdown list, so they don't run together into one paragraph", async () => {
    const { stdout } = await runCli(["report", "--replay", rec("healthy")]);
    const checks = stdout.split("## Checks")[1].split("\n## ")[0];
    const rows = checks.split("\n").filter((l) => /^\S/.test(l));
    expect(rows.length).toBe(17);
    for (const row of rows) expect(row).toMatch(/^- /);
  });

  it("status: local time, and a next step when Apple can't be reached", async () => {
    const up = await runCli(["status", "--replay", rec("apple-outage")]);
    expect(up.stdout).toMatch(/\nAs of (\d\d:\d\d|[A-Z][a-z]{2} \d{1,2}, \d\d:\d\d)\n$/);
    expect(up.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(up.stdout).toMatch(/^✗ Apple Account \(outage\)$/m);
    const down = await runCli(["status", "--replay", rec("offline")]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/\nNext: check this Mac's connection with `apple-id-doctor checklist`/);
  });
});

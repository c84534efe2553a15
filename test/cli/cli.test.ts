import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CAUSE_IDS, FIX_IDS, PROBE_IDS } from "../../src/core/ids";
import { runCli } from "../support/cli";

const rec = (name: string) => join(__dirname, "..", "fixtures", "recordings", `${name}.json`);
const tmp = () => mkdtempSync(join(tmpdir(), "aid-cli-"));

function expectContractShape(doc: Record<string, unknown>) {
  expect(doc).toMatchObject({ tool: "apple-id-doctor", version: expect.any(String), platform: expect.any(String) });
  expect(Number.isNaN(Date.parse(doc.startedAt as string))).toBe(false);
  expect(typeof doc.durationMs).toBe("number");
  for (const f of doc.findings as Record<string, unknown>[]) {
    expect(PROBE_IDS).toContain(f.probe);
    expect(["pass", "warn", "fail", "skip", "error"]).toContain(f.status);
    expect(typeof f.title).toBe("string");
    expect(typeof f.summary).toBe("string");
    expect(Array.isArray(f.details)).toBe(true);
    for (const fix of f.fixes as string[]) expect(FIX_IDS).toContain(fix);
    expect(typeof f.durationMs).toBe("number");
    expect(Object.keys(f).sort()).toEqual(["details", "durationMs", "fixes", "probe", "status", "summary", "title"]);
  }
  const diagnosis = doc.diagnosis as Record<string, unknown>[];
  expect(diagnosis.length).toBeGreaterThan(0);
  for (const c of diagnosis) {
    expect(CAUSE_IDS).toContain(c.cause);
    expect(["high", "medium", "low"]).toContain(c.confidence);
    for (const fix of c.fixes as string[]) expect(FIX_IDS).toContain(fix);
  }
}

describe("CLI", () => {
  it("checklist --replay --json prints one contract-shaped JSON document and nothing else", async () => {
    const { code, stdout, stderr } = await runCli(["checklist", "--replay", rec("dns-broken"), "--json"]);
    expect(stderr).toBe("");
    const doc = JSON.parse(stdout);
    expectContractShape(doc);
    expect(doc.diagnosis[0].cause).toBe("dns");
    expect(code).toBe(1);
  });

  it("exit 0 for a healthy Mac, human lines with marks, then the diagnosis", async () => {
    const { code, stdout } = await runCli(["checklist", "--replay", rec("healthy")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ DNS: All 6 sign-in hosts resolve \(\d+ ms\)$/m);
    expect(stdout).toContain("Diagnosis\n1. No Problems Found (high confidence)");
    expect(stdout).toMatch(/^17 checks in \d+ ms: ✓ 17 OK$/m);
    expect(stdout).not.toContain("\u001b["); // no colour when not a TTY
  });

  it("a recording with only recordedAt and platform: every probe skip, exit 0", async () => {
    const { code, stdout } = await runCli(["checklist", "--replay", rec("empty"), "--json"]);
    const doc = JSON.parse(stdout);
    expectContractShape(doc);
    expect(doc.findings.every((f: { status: string }) => f.status === "skip")).toBe(true);
    expect(code).toBe(0);
  });

  it.each([
    ["a missing file", "/nonexistent/recording.json", /can't read recording .*ENOENT/],
    ["not JSON", "not-json", /not JSON/],
    ["a wrong format", "wrong-format", /format is "something\/2"/],
    ["no recordedAt", "no-date", /recordedAt is missing/],
  ])("exit 2 with a one-line reason for %s", async (_name, which, reason) => {
    const dir = tmp();
    const files: Record<string, string> = {
      "not-json": "<html>nope</html>",
      "wrong-format": JSON.stringify({ format: "something/2", recordedAt: "2026-11-21T10:00:00Z", platform: "darwin" }),
      "no-date": JSON.stringify({ format: "apple-id-doctor.recording/1", platform: "darwin" }),
    };
    const file = which.startsWith("/") ? which : join(dir, `${which}.json`);
    if (!which.startsWith("/")) writeFileSync(file, files[which]);
    const { code, stdout, stderr } = await runCli(["checklist", "--replay", file, "--json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([[["frobnicate"]], [["checklist", "--deadline", "soon"]], [["checklist", "--bogus"]], [["record"]]])(
    "exit 2 for bad usage %j",
    async (argv) => {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^apple-id-doctor: /);
    },
  );

  it("--help and --version", async () => {
    expect((await runCli(["--help"])).stdout).toContain("Usage: apple-id-doctor <command>");
    expect((await runCli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("report is redacted by default and keeps identifiers with --no-redact", async () => {
    const redacted = await runCli(["report", "--replay", rec("with-identifiers")]);
    expect(redacted.stdout).toMatch(/^# Apple ID Doctor Report/);
    // Every identifier kind in CONTRACT.md section 4 that the recording carries.
    const secrets = [
      "jane.doe@example.com", // email (captive redirect, VPN name)
      "1234567890", // DSID
      "3F2504E0-4F89-11D3-9A0C-0305E82C3301", // UUID
      "C02XL0GUJGH5", // serial number
      "/Users/jane", // home path and user name
      "Janes-MacBook-Pro", // computer name (search domain)
      "Jane's MacBook Pro", // computer name (in text)
      "10.20.30.40", // private IPv4
      "fe80::1c2b:3c4d:5e6f:7a8b", // link-local IPv6
      "100.101.102.103", // CGNAT / VPN tunnel address
      "a4:83:e7:12:34:56", // MAC
      "proxy.corp-example.net", // proxy host
      "home VPN", // VPN name
      "166534133", // account number in a Back to My Mac domain
    ];
    for (const secret of secrets) expect(redacted.stdout).not.toContain(secret);
    expect(redacted.stdout).toMatch(/Hidden for privacy: .*\[email\]/);
    const raw = await runCli(["report", "--replay", rec("with-identifiers"), "--no-redact"]);
    for (const secret of ["jane.doe@example.com", "proxy.corp-example.net", "C02XL0GUJGH5"]) {
      expect(raw.stdout).toContain(secret);
    }
    // The login page's query string (the client's MAC among its tracking parameters) never reaches a report.
    expect(raw.stdout).toContain("HTTP 302 → https://portal.hotel-example.com/login (query left out)");
    expect(raw.stdout).not.toContain("a4:83:e7:12:34:56");
  });

  it("report --plain has no Markdown", async () => {
    const { stdout } = await runCli(["report", "--replay", rec("healthy"), "--plain"]);
    expect(stdout).toMatch(/^APPLE ID DOCTOR REPORT/);
    expect(stdout).not.toMatch(/\*\*|^#/m);
  });

  it("runs from source exactly as the README says: npm run --silent cli -- …", async () => {
    const { stdout } = await promisify(execFile)(
      "npm",
      ["run", "--silent", "cli", "--", "checklist", "--replay", rec("healthy"), "--json"],
      { cwd: join(__dirname, "..", ".."), env: { ...process.env, NO_COLOR: "1" } },
    );
    expectContractShape(JSON.parse(stdout));
  });
});

import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { offsetInWords } from "../../src/core/clock-words";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { parseSntp } from "../../src/core/parse/sntp";
import { clockProbe } from "../../src/core/probes/clock";
import { timeSettingsProbe } from "../../src/core/probes/time-settings";
import { runChecklist } from "../../src/core/run";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as scenarios from "../support/scenarios";

const replay = (rec: Recording) => createReplayHost(parseRecording(JSON.stringify(rec)));
const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("clock in words", () => {
  it("follows NTP's sign: negative offset = this Mac ahead (the contract's example)", () => {
    expect(offsetInWords(-541000, "time.apple.com")).toBe("9 min 1 s ahead of time.apple.com");
    expect(offsetInWords(3 * 3600_000, "time.apple.com")).toBe("3 h behind time.apple.com");
    expect(offsetInWords(12, "time.apple.com")).toBe("within 12 ms of time.apple.com");
  });
});

describe("clock probe", () => {
  it("9 min fast: fail, in words, with Sync Clock", async () => {
    const [f] = await runChecklist([clockProbe], replay(scenarios.clockAhead()));
    expect(f).toMatchObject({
      status: "fail",
      summary: "Clock is 9 min 1 s ahead of time.apple.com",
      fixes: ["sync-clock", "open-date-time-settings"],
    });
  });

  it("within 2 s: pass", async () => {
    const [f] = await runChecklist([clockProbe], replay(scenarios.healthy()));
    expect(f).toMatchObject({ status: "pass", summary: "Clock is right (within 12 ms of time.apple.com)" });
  });

  it("between 2 s and 60 s: warn", async () => {
    const rec = scenarios.healthy();
    rec.ntp = [{ server: "time.apple.com", offsetMs: 30_000, delayMs: 20 }];
    const [f] = await runChecklist([clockProbe], replay(rec));
    expect(f).toMatchObject({ status: "warn", summary: "Clock is 30 s behind time.apple.com" });
  });

  it("falls back to the second NTP server", async () => {
    const rec = scenarios.healthy();
    rec.ntp = [
      { server: "time.apple.com", error: "ETIMEDOUT" },
      { server: "time-macos.apple.com", offsetMs: -541000, delayMs: 40 },
    ];
    const [f] = await runChecklist([clockProbe], replay(rec));
    expect(f.summary).toBe("Clock is 9 min 1 s ahead of time-macos.apple.com");
    expect(f.details).toContain("time.apple.com (NTP): timed out");
  });

  it("UDP 123 blocked: the HTTP date header measures it, ±1 s", async () => {
    const [f] = await runChecklist([clockProbe], replay(scenarios.ntpBlocked()));
    expect(f.status).toBe("fail");
    expect(f.summary).toBe("Clock is 3 h behind captive.apple.com (from an HTTP date, ±1 s)");
    expect(f.data).toMatchObject({ source: "http", precisionMs: 1000 });
  });

  it("nothing to measure: skip from a recording, warn on a live failure", async () => {
    expect((await runChecklist([clockProbe], replay(scenarios.empty())))[0]).toMatchObject({ status: "skip" });
    const rec = scenarios.offline();
    const [f] = await runChecklist([clockProbe], replay(rec));
    expect(f.status).toBe("warn");
    expect(f.summary).toMatch(/^Couldn't compare the clock with Apple's time servers/);
  });
});

describe("time-settings probe", () => {
  it("reads zone, automatic zone, timed and the NTP server", async () => {
    const [f] = await runChecklist([timeSettingsProbe], replay(scenarios.healthy()));
    expect(f).toMatchObject({ status: "pass", summary: "Europe/Berlin, set automatically" });
    expect(f.details).toEqual([
      "Time zone: Europe/Berlin",
      "Set time zone automatically: on",
      "Set time and date automatically: on",
      "Time daemon (timed): running",
      "Time server: time.apple.com",
    ]);
  });

  it("timed not running is only reported (no claim about automatic time); an unreadable switch is unknown, with defaults' message past the NSLog header", async () => {
    const rec = scenarios.healthy();
    rec.exec = rec.exec.map((e) =>
      e.command[0] === "/usr/bin/pgrep"
        ? { ...e, stdout: "", exitCode: 1 }
        : e.command[3] === "TMAutomaticTimeOnlyEnabled"
          ? {
              ...e,
              stdout: "",
              stderr:
                "2023-11-10 20:58:08.277 defaults[11951:419861] \nThe domain/default pair of (/private/var/db/timed/Library/Preferences/com.apple.timed, TMAutomaticTimeOnlyEnabled) does not exist\n",
              exitCode: 1,
            }
          : e,
    );
    const [f] = await runChecklist([timeSettingsProbe], replay(rec));
    expect(f.status).toBe("pass");
    expect(f.summary).not.toMatch(/timed|clock/i);
    expect(f.details).toContain("Time daemon (timed): not running when checked");
    expect(f.details).toContain(
      "Set time and date automatically: unknown (The domain/default pair of (/private/var/db/timed/Library/Preferences/com.apple.timed, TMAutomaticTimeOnlyEnabled) does not exist)",
    );
  });

  it("TMAutomaticTimeOnlyEnabled 0: Set time and date automatically is off (warn, with the settings)", async () => {
    const rec = scenarios.healthy();
    rec.exec = rec.exec.map((e) => (e.command[3] === "TMAutomaticTimeOnlyEnabled" ? { ...e, stdout: "0\n" } : e));
    const [f] = await runChecklist([timeSettingsProbe], replay(rec));
    expect(f).toMatchObject({ status: "warn", summary: "Set time and date automatically is off" });
    expect(f.fixes).toEqual(["open-date-time-settings", "sync-clock"]);
  });

  it("a missing auto key is unknown; an MDM time server is named", async () => {
    const rec = scenarios.healthy();
    rec.exec = rec.exec.map((e) =>
      e.command[0] === "/usr/bin/pgrep"
        ? { ...e, stdout: "", exitCode: 1 }
        : e.command[0] === "/usr/bin/defaults"
          ? {
              ...e,
              stdout: "",
              stderr:
                "The domain/default pair of (/Library/Preferences/com.apple.timezone.auto, Active) does not exist\n",
              exitCode: 1,
            }
          : e,
    );
    rec.files = rec.files.map((file) =>
      file.path === "/etc/ntp.conf" ? { path: file.path, text: "server ntp.corp-example.net\n" } : file,
    );
    const [f] = await runChecklist([timeSettingsProbe], replay(rec));
    expect(f.status).toBe("pass");
    expect(f.details).toContain(
      "Set time zone automatically: unknown (The domain/default pair of (/Library/Preferences/com.apple.timezone.auto, Active) does not exist)",
    );
    expect(f.details).toContain("Time server: ntp.corp-example.net");
  });

  it("missing inputs → skip; not macOS → skip", async () => {
    expect((await runChecklist([timeSettingsProbe], replay(scenarios.empty())))[0].status).toBe("skip");
    expect(
      (await runChecklist([timeSettingsProbe], replay({ ...scenarios.healthy(), platform: "linux" })))[0].status,
    ).toBe("skip");
  });
});

describe("clock-skew diagnosis", () => {
  it("+9 min with good TLS → clock-skew first", async () => {
    const { causes } = await runFullChecklist(replay(scenarios.clockAhead()));
    expect(causes[0]).toMatchObject({
      cause: "clock-skew",
      confidence: "high",
      fixes: ["sync-clock", "open-date-time-settings"],
    });
    expect(causes[0].summary).toMatch(
      /^Your clock is 9 min 1 s ahead of time\.apple\.com\. Apple's servers reject sign-ins/,
    );
  });

  it("+400 days with every handshake CERT_HAS_EXPIRED → clock-skew above tls-inspection and blocked", async () => {
    const { causes, findings } = await runFullChecklist(replay(scenarios.clockYearAhead()));
    expect(findings.find((f) => f.probe === "tls-inspection")?.status).toBe("warn");
    expect(causes[0].cause).toBe("clock-skew");
    const ids = causes.map((c) => c.cause);
    expect(ids).not.toContain("tls-inspection");
    expect(ids).not.toContain("blocked");
  });

  it("expired certificates everywhere and no clock measurement still point at the clock (medium)", async () => {
    const rec = scenarios.clockYearAhead();
    rec.ntp = [];
    rec.http = [];
    const { causes } = await runFullChecklist(replay(rec));
    expect(causes[0]).toMatchObject({ cause: "clock-skew", confidence: "medium" });
  });
});

describe("sntp output", () => {
  it("reads the real success line (server minus local: +0.17 s means this Mac is behind)", () => {
    expect(parseSntp(fixture("sntp-success.txt"))).toEqual({
      ok: true,
      result: { offsetSeconds: 0.171773, errorSeconds: 0.105399, server: "time.apple.com", address: "17.253.60.45" },
    });
  });

  it("the real timeout capture has no measurement, and says why", () => {
    expect(parseSntp(fixture("sntp-timeout.txt"))).toEqual({ ok: false, reason: "Exchange failed: Timeout" });
  });

  it("verbose and old upstream formats: the last +/- line wins", () => {
    const verbose =
      "sntp_exchange {\n\tresult: 0 (Success)\n}\n-1.234567 +/- 0.020000 time.apple.com 2a01:b740:a20:3000::1f2\n";
    expect(parseSntp(verbose)).toMatchObject({
      ok: true,
      result: { offsetSeconds: -1.234567, address: "2a01:b740:a20:3000::1f2" },
    });
    const upstream =
      "2019-11-10 12:00:01.123456 (+0100) +0.004514 +/- 0.007599 time.apple.com 17.253.34.253 s1 no-leap\n";
    expect(parseSntp(upstream)).toMatchObject({ ok: true, result: { offsetSeconds: 0.004514 } });
  });

  it.each(["", "   \n", "<html>", "x +/- y", "sntp: no servers can be used, exiting\n", "\u0000\uffff".repeat(100)])(
    "bad input %j never throws",
    (text) => {
      expect(parseSntp(text).ok).toBe(false);
    },
  );
});

describe("expired certificates with a clock measured right", () => {
  it("the HTTPS Inspection row doesn't send the user to a clock that was just measured right", async () => {
    const rec = scenarios.healthy();
    rec.tls = rec.tls.map((t) => ({ ...t, authorized: false, error: "CERT_HAS_EXPIRED" }));
    const { findings } = await runFullChecklist(replay(rec));
    expect(findings.find((f) => f.probe === "clock")?.status).toBe("pass");
    const tls = findings.find((f) => f.probe === "tls-inspection");
    expect(tls?.status).toBe("warn");
    expect(tls?.summary).toBe(
      "Apple's certificates look expired to this Mac: a clock that's off, or something serving old certificates",
    );
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { resetAccountCacheFix, restoreAccountCache } from "../../src/core/fixes/account-cache";
import { restartIcloudDaemonsFix } from "../../src/core/fixes/restart-icloud-daemons";
import { accountFixContext } from "../support/account-fix";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { accountProbe } from "../../src/core/probes/account";
import { runChecklist } from "../../src/core/run";
import * as scenarios from "../support/scenarios";

const FIXTURE = readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8");
const replay = (rec: Recording) => createReplayHost(parseRecording(JSON.stringify(rec)));
const EXPORT = ["/usr/bin/defaults", "export", "MobileMeAccounts", "-"];

function withExport(stdout: string, exitCode = 0, stderr = ""): Recording {
  const rec = scenarios.healthy();
  rec.exec = [...rec.exec.filter((e) => e.command[1] !== "export"), { command: EXPORT, stdout, stderr, exitCode }];
  return rec;
}

describe("account probe", () => {
  it("signed in: pass with the account, services on, and the identifiers for redaction", async () => {
    const [f] = await runChecklist([accountProbe], replay(withExport(FIXTURE)));
    expect(f).toMatchObject({ status: "pass", summary: "Signed in as jane.doe@example.com" });
    expect(f.details).toEqual([
      "jane.doe@example.com: iCloud Drive on, Desktop & Documents Folders on, iCloud Keychain on",
    ]);
    expect(f.identifiers?.map((i) => i.kind).sort()).toEqual(["dsid", "email", "user", "uuid"]);
  });

  it("missing domain (non-zero exit) or an empty Accounts list → warn, and the diagnosis says signed-out", async () => {
    const missing = withExport(
      "",
      1,
      "2023-11-10 20:58:08.277 defaults[11951:419861] \nDomain MobileMeAccounts does not exist\n",
    );
    const [f] = await runChecklist([accountProbe], replay(missing));
    expect(f).toMatchObject({
      status: "warn",
      summary: "No Apple Account is signed in on this Mac",
      fixes: ["open-apple-account-settings"],
    });
    const { causes } = await runFullChecklist(replay(missing));
    expect(causes[0]).toMatchObject({ cause: "signed-out", fixes: ["open-apple-account-settings"] });
    const empty = withExport(
      FIXTURE.replace(/<key>Accounts<\/key>\s*<array>[\s\S]*<\/array>/, "<key>Accounts</key><array/>"),
    );
    expect((await runChecklist([accountProbe], replay(empty)))[0].status).toBe("warn");
  });

  it("malformed output → skip with the reason; not macOS → skip", async () => {
    const [f] = await runChecklist([accountProbe], replay(withExport(FIXTURE.slice(0, 300))));
    expect(f.status).toBe("skip");
    expect(f.summary).toMatch(/^Couldn't read the account settings: /);
    expect((await runChecklist([accountProbe], replay({ ...withExport(FIXTURE), platform: "linux" })))[0].status).toBe(
      "skip",
    );
  });

  it("the report never shows the account's identifiers", async () => {
    const { buildReport } = await import("../../src/core/report");
    const result = await runFullChecklist(replay(withExport(FIXTURE)));
    const text = buildReport({ ...result, history: [], appVersion: "1.0.0" }, { format: "markdown", redact: true });
    for (const secret of ["jane.doe@example.com", "12345678901", "11111111-2222-4333-8444-555555555555", "Jane Doe"]) {
      expect(text).not.toContain(secret);
    }
  });
});

function fixContext() {
  const { fake, ctx, dir } = accountFixContext(FIXTURE);
  const deleted = () => fake.calls().some((c) => c[0] === "defaults" && c[1] === "delete");
  return { fake, ctx, dir, deleted };
}

describe("reset-account-cache and restore-account-cache against fake defaults keeping a real plist", () => {
  it("backup → delete → restore round trip leaves the same file", async () => {
    const { fake, ctx, deleted } = fixContext();
    const reset = await resetAccountCacheFix.run(ctx);
    expect(reset.outcome).toBe("done");
    expect(deleted()).toBe(true);
    expect(fake.accountState()).toBeUndefined();
    // The backup was read back and compared before the delete ran.
    const order = fake.calls().map((c) => c.slice(0, 2).join(" "));
    expect(order.indexOf("plutil -convert")).toBeLessThan(order.indexOf("defaults delete"));
    const backups = await ctx.backups!.list();
    expect(backups).toHaveLength(1);
    const restored = await restoreAccountCache(ctx);
    expect(restored).toMatchObject({ outcome: "done" });
    expect(fake.accountState()).toBe(FIXTURE);
  });

  it.each([
    ["the export to a file fails", "defaults", "export-fails", /The backup failed/],
    ["the backup is empty", "defaults", "export-empty", /couldn't be read back/],
    ["the backup holds other accounts", "defaults", "export-other", /doesn't match/],
    ["the backup is unreadable", "plutil", "fail", /couldn't be read back/],
  ])("%s: stops before delete, and says why", async (_name, bin, mode, reason) => {
    const { fake, ctx, deleted } = fixContext();
    fake.mode(bin, mode);
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(reason);
    expect(r.message).toMatch(/nothing was changed/);
    expect(deleted()).toBe(false);
    expect(fake.accountState()).toBe(FIXTURE);
  });

  it("nothing to back up (signed out), or no backup folder: nothing is deleted", async () => {
    const a = fixContext();
    a.fake.setAccountState(undefined);
    // defaults' NSLog header is skipped: the reason is its message, not a timestamp.
    expect((await resetAccountCacheFix.run(a.ctx)).message).toBe(
      "Couldn't read the account settings (Domain MobileMeAccounts does not exist), so nothing was changed",
    );
    expect(a.deleted()).toBe(false);
    const b = fixContext();
    expect((await resetAccountCacheFix.run({ ...b.ctx, backups: undefined })).outcome).toBe("failed");
    expect(b.deleted()).toBe(false);
  });

  it("a refused delete quotes what defaults said past its NSLog header, and names the backup", async () => {
    const { fake, ctx } = fixContext();
    fake.mode("defaults", "delete-fails");
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(
      /^Clearing the settings failed \(Domain \(MobileMeAccounts\) not found\. Defaults have not been changed\.\); the backup is saved as MobileMeAccounts-/,
    );
    expect(r.message).not.toMatch(/\d{4}-\d\d-\d\d \d\d:/);
  });

  it("restore with no backup, or a damaged one, changes nothing", async () => {
    const { fake, ctx } = fixContext();
    expect(await restoreAccountCache(ctx)).toMatchObject({
      outcome: "failed",
      message: "There is no backup to restore",
    });
    expect((await restoreAccountCache(ctx, "MobileMeAccounts-000009-2026-12-01T10-00-00-000Z.plist")).message).toMatch(
      /no backup named/,
    );
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.mode("plutil", "fail");
    expect((await restoreAccountCache(ctx)).message).toMatch(/can't be read/);
    expect(fake.calls().some((c) => c[0] === "defaults" && c[1] === "import")).toBe(false);
  });
});

describe("restart-icloud-daemons", () => {
  it("one killall per name, as the user (no sudo, no osascript)", async () => {
    const { fake, ctx } = fixContext();
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r).toMatchObject({ outcome: "done", message: "Restarted bird and cloudd" });
    expect(fake.calls()).toEqual([
      ["killall", "bird"],
      ["killall", "cloudd"],
    ]);
  });

  it("a missing daemon is reported, not fatal", async () => {
    const { fake, ctx } = fixContext();
    fake.mode("killall", "cloudd-missing");
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r).toMatchObject({
      outcome: "done",
      message: "Restarted bird; cloudd wasn't running (it starts when needed)",
    });
  });

  it("a refusal for both is a failure with the reason", async () => {
    const { fake, ctx } = fixContext();
    fake.mode("killall", "denied");
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(/Operation not permitted/);
  });
});

describe("restore over different settings", () => {
  it("backs up the current (different) settings first, so the restore can be undone", async () => {
    const { fake, ctx } = fixContext();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    const other = FIXTURE.replace("jane.doe@example.com", "someone.else@example.com");
    fake.setAccountState(other); // someone else signed in since the reset
    const restored = await restoreAccountCache(ctx, (await ctx.backups!.list()).at(-1)!.name);
    expect(restored.outcome).toBe("done");
    expect(fake.accountState()).toBe(FIXTURE);
    const backups = await ctx.backups!.list();
    expect(backups).toHaveLength(2);
    expect(readFileSync(backups[0].path, "utf8")).toBe(other);
  });
});

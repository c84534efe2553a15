import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resetAccountCacheFix, restoreAccountCache, restoreAccountCacheFix } from "../../src/core/fixes/account-cache";
import { accountFixContext } from "../support/account-fix";

// The failure paths of the account-cache reset and restore (issue 19): each
// one must leave the user's settings as they were and must not say "done".
// Real host, fake `defaults` / `plutil` keeping a real plist (test/support/fake-bin.ts).

const FIXTURE = readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8");
const OTHER = FIXTURE.replace("jane.doe@example.com", "someone.else@example.com");

function setup() {
  const { fake, ctx, dir } = accountFixContext(FIXTURE);
  const ran = (verb: string) => fake.calls().filter((c) => c[0] === "defaults" && c[1] === verb);
  return { fake, ctx, dir, ran };
}

/** A reset that worked, then someone else's settings: the state a restore over different settings starts from. */
async function resetThenOtherSignedIn() {
  const s = setup();
  expect((await resetAccountCacheFix.run(s.ctx)).outcome).toBe("done");
  s.fake.setAccountState(OTHER);
  return s;
}

describe("restore over different current settings", () => {
  it("stops, imports nothing and keeps the current settings when their safety backup fails", async () => {
    const { fake, ctx, ran } = await resetThenOtherSignedIn();
    fake.mode("defaults", "export-fails");
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(
      /^The backup failed \(Could not export domain MobileMeAccounts to .*\), so nothing was changed$/,
    );
    expect(ran("import")).toEqual([]);
    expect(fake.accountState()).toBe(OTHER);
    // Only the first backup is listed: the failed safety backup left no file behind.
    expect(await ctx.backups!.list()).toHaveLength(1);
  });

  it("stops when the safety backup lost part of the current settings", async () => {
    const { fake, ctx, ran } = await resetThenOtherSignedIn();
    fake.mode("defaults", "export-lossy");
    const r = await restoreAccountCache(ctx);
    expect(r).toMatchObject({ outcome: "failed" });
    expect(r.message).toMatch(/doesn't match the current settings, so nothing was changed/);
    expect(ran("import")).toEqual([]);
    expect(fake.accountState()).toBe(OTHER);
  });

  it("a working safety backup is listed in what ran, before the import", async () => {
    const { ctx, dir } = await resetThenOtherSignedIn();
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("done");
    const ran = r.ran ?? [];
    const exportAt = ran.findIndex((line) => / export MobileMeAccounts \//.test(line));
    const importAt = ran.findIndex((line) => / import MobileMeAccounts \//.test(line));
    expect(exportAt).toBeGreaterThanOrEqual(0);
    expect(importAt).toBeGreaterThan(exportAt);
    expect(readdirSync(dir).filter((f) => f.endsWith(".plist"))).toHaveLength(2);
  });

  it("the same settings as the backup: no safety backup, just the import", async () => {
    const { fake, ctx, ran } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.setAccountState(FIXTURE); // signed back in: the same document as the backup
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("done");
    expect(ran("export").filter((c) => c[3] !== "-")).toHaveLength(1);
    expect(await ctx.backups!.list()).toHaveLength(1);
    expect(r.ran).toEqual([expect.stringMatching(/ import MobileMeAccounts \/.*\.plist$/)]);
  });

  it("signed out now (nothing to lose): no safety backup, just the import", async () => {
    const { fake, ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.setAccountState(undefined);
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("done");
    expect(r.ran).toHaveLength(1);
    expect(await ctx.backups!.list()).toHaveLength(1);
    expect(fake.accountState()).toBe(FIXTURE);
  });
});

describe("a restore that didn't take is not done", () => {
  it.each([
    [
      "the import kept only part of the backup",
      "import-lossy",
      /^The restore didn't take: the settings don't match the backup$/,
    ],
    ["the import is refused", "import-fails", /^The restore failed \(Could not import\)$/],
  ])("%s", async (_name, mode, message) => {
    const { fake, ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.mode("defaults", mode);
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(message);
    expect(r.ran).toEqual([expect.stringMatching(/ import MobileMeAccounts /)]);
  });

  it("the import exits 0 but the settings can't be read afterwards", async () => {
    const { fake, ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.mode("defaults", "import-noop");
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toBe(
      "The restore didn't take: the settings don't match the backup (Domain MobileMeAccounts does not exist)",
    );
  });

  it("a done restore names the backup file, not its folder", async () => {
    const { ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    const [backup] = await ctx.backups!.list();
    const r = await restoreAccountCacheFix.run({ ...ctx, backupName: backup.name });
    expect(r).toMatchObject({ outcome: "done", message: `Account settings restored from ${backup.name}` });
  });
});

describe("a failed delete is not reported as a reset", () => {
  it("says the clearing failed, keeps the settings and keeps the verified backup", async () => {
    const { fake, ctx } = setup();
    fake.mode("defaults", "delete-fails");
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).not.toMatch(/Account cache reset/);
    expect(fake.accountState()).toBe(FIXTURE);
    const [backup] = await ctx.backups!.list();
    expect(r.message).toMatch(new RegExp(`the backup is saved as ${backup.name}$`));
    expect(r.ran?.at(-1)).toMatch(/ delete MobileMeAccounts$/);
    // The backup it names can be restored.
    fake.mode("defaults", "ok");
    expect((await restoreAccountCache(ctx, backup.name)).outcome).toBe("done");
  });

  it("a done reset lists export, read-back and delete in that order", async () => {
    const { ctx } = setup();
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("done");
    const [backup] = await ctx.backups!.list();
    expect(r.message).toBe(`Account cache reset; backup saved as ${backup.name}`);
    expect(r.ran?.map((line) => line.split(" ").slice(1, 3).join(" "))).toEqual([
      "export MobileMeAccounts",
      "-convert xml1",
      "delete MobileMeAccounts",
    ]);
  });
});

describe("the fix entries", () => {
  it("reset is destructive, restore is not; neither asks for admin; both re-check the account", () => {
    expect(resetAccountCacheFix).toMatchObject({ destructive: true, needsAdmin: false, verifies: ["account"] });
    expect(restoreAccountCacheFix).toMatchObject({ destructive: false, needsAdmin: false, verifies: ["account"] });
  });
});

describe("a command that can't run, or a backup folder that refuses", () => {
  /** The real host, except that one defaults verb (or plutil) can't be started, or exits with nothing said. */
  function breaking(s: ReturnType<typeof setup>, matches: (argv: string[]) => boolean, how: "throw" | "silent") {
    const real = s.ctx.host;
    const host = {
      ...real,
      exec: async (argv: string[], options?: Parameters<typeof real.exec>[1]) => {
        if (!matches(argv)) return real.exec(argv, options);
        if (how === "silent") return { exitCode: 3, stdout: "", stderr: "" };
        throw Object.assign(new Error("spawn failed"), { code: "ENOENT" });
      },
    };
    return { ...s.ctx, host };
  }
  const verb = (v: string, toFile?: boolean) => (argv: string[]) =>
    argv[0].endsWith("/defaults") && argv[1] === v && (toFile === undefined || (argv[3] !== "-") === toFile);

  it.each([
    [
      "defaults can't run",
      verb("export", false),
      "throw",
      "Couldn't read the account settings (couldn't run defaults (ENOENT)), so nothing was changed",
    ],
    [
      "defaults exits without a word",
      verb("export", false),
      "silent",
      "Couldn't read the account settings (defaults exited 3), so nothing was changed",
    ],
    [
      "the export to a file can't run",
      verb("export", true),
      "throw",
      "The backup failed (ENOENT), so nothing was changed",
    ],
    [
      "the export to a file exits without a word",
      verb("export", true),
      "silent",
      "The backup failed (exit 3), so nothing was changed",
    ],
    [
      "plutil can't run",
      (a: string[]) => a[0].endsWith("/plutil"),
      "throw",
      "The backup couldn't be read back (couldn't read it back (ENOENT)), so nothing was changed",
    ],
    [
      "plutil exits without a word",
      (a: string[]) => a[0].endsWith("/plutil"),
      "silent",
      "The backup couldn't be read back (plutil exited 3), so nothing was changed",
    ],
  ] as const)("reset: %s → nothing deleted, no backup listed", async (_what, matches, how, message) => {
    const s = setup();
    const r = await resetAccountCacheFix.run(breaking(s, matches, how));
    expect(r).toMatchObject({ outcome: "failed", message });
    expect(s.ran("delete")).toEqual([]);
    expect(s.fake.accountState()).toBe(FIXTURE);
    expect(readdirSync(s.dir)).toEqual([]);
  });

  it.each([
    [
      "can't run",
      "throw",
      /^Clearing the settings failed \(ENOENT\); the backup is saved as MobileMeAccounts-\S+\.plist$/,
    ],
    [
      "exits without a word",
      "silent",
      /^Clearing the settings failed \(exit 3\); the backup is saved as MobileMeAccounts-\S+\.plist$/,
    ],
  ] as const)("reset: a delete that %s is a failure naming the backup", async (_what, how, message) => {
    const s = setup();
    const r = await resetAccountCacheFix.run(breaking(s, verb("delete"), how));
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(message);
    expect(await s.ctx.backups!.list()).toHaveLength(1);
  });

  it.each([
    ["can't run", "throw", "The restore failed (ENOENT)"],
    ["exits without a word", "silent", "The restore failed (exit 3)"],
  ] as const)("restore: an import that %s is a failure", async (_what, how, message) => {
    const s = setup();
    expect((await resetAccountCacheFix.run(s.ctx)).outcome).toBe("done");
    const r = await restoreAccountCache(breaking(s, verb("import"), how));
    expect(r).toMatchObject({ outcome: "failed", message });
    expect(s.fake.accountState()).toBeUndefined();
  });

  it("a backup folder that can't be created, or a backup that can't be saved: nothing deleted, no file left", async () => {
    const denied = () => Promise.reject(Object.assign(new Error("denied"), { code: "EACCES" }));
    const a = setup();
    const noFolder = { ...a.ctx, backups: { ...a.ctx.backups!, newPath: denied } };
    expect(await resetAccountCacheFix.run(noFolder)).toMatchObject({
      outcome: "failed",
      message: "Couldn't create the backup folder (EACCES), so nothing was changed",
    });
    expect(a.ran("delete")).toEqual([]);
    const b = setup();
    const store = b.ctx.backups!;
    const noCommit = { ...b.ctx, backups: { ...store, newPath: store.newPath, commit: denied } };
    expect(await resetAccountCacheFix.run(noCommit)).toMatchObject({
      outcome: "failed",
      message: "The backup couldn't be saved (EACCES), so nothing was changed",
    });
    expect(b.ran("delete")).toEqual([]);
    expect(readdirSync(b.dir)).toEqual([]);
    expect(b.fake.accountState()).toBe(FIXTURE);
  });

  it("restore with no backup folder set up changes nothing", async () => {
    const { ctx, ran } = setup();
    expect(await restoreAccountCache({ ...ctx, backups: undefined })).toMatchObject({
      outcome: "failed",
      message: "No backup folder is set up, so there is no backup to restore",
    });
    expect(ran("import")).toEqual([]);
  });
});

describe("exactly what runs, and only then", () => {
  it("reset: export, export to the backup, read back, delete: all on the MobileMeAccounts domain", async () => {
    const { fake, ctx } = setup();
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("done");
    const [backup] = await ctx.backups!.list();
    const calls = fake.calls();
    const temp = calls[1][3];
    expect(calls).toEqual([
      ["defaults", "export", "MobileMeAccounts", "-"],
      ["defaults", "export", "MobileMeAccounts", temp],
      ["plutil", "-convert", "xml1", "-o", "-", temp],
      ["defaults", "delete", "MobileMeAccounts"],
    ]);
    expect(r.ran).toEqual([
      `${fake.bin.defaults} export MobileMeAccounts ${temp}`,
      `${fake.bin.plutil} -convert xml1 -o - ${temp}`,
      `${fake.bin.defaults} delete MobileMeAccounts`,
    ]);
    // The verified temporary file became the listed backup.
    expect(readFileSync(backup.path, "utf8")).toBe(FIXTURE);
  });

  it("restore over different settings: read the backup, export, back up, read back, import, read again", async () => {
    const { fake, ctx } = await resetThenOtherSignedIn();
    const [backup] = await ctx.backups!.list();
    const start = fake.calls().length;
    const r = await restoreAccountCache(ctx, backup);
    expect(r.outcome).toBe("done");
    const calls = fake.calls().slice(start);
    const temp = calls[2][3];
    expect(calls).toEqual([
      ["plutil", "-convert", "xml1", "-o", "-", backup.path],
      ["defaults", "export", "MobileMeAccounts", "-"],
      ["defaults", "export", "MobileMeAccounts", temp],
      ["plutil", "-convert", "xml1", "-o", "-", temp],
      ["defaults", "import", "MobileMeAccounts", backup.path],
      ["defaults", "export", "MobileMeAccounts", "-"],
    ]);
    expect(r.ran).toEqual([
      `${fake.bin.defaults} export MobileMeAccounts ${temp}`,
      `${fake.bin.plutil} -convert xml1 -o - ${temp}`,
      `${fake.bin.defaults} import MobileMeAccounts ${backup.path}`,
    ]);
  });

  it("an empty name restores the newest backup", async () => {
    const { fake, ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.setAccountState(OTHER);
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    expect(await restoreAccountCacheFix.run({ ...ctx, backupName: "" })).toMatchObject({ outcome: "done" });
    expect(fake.accountState()).toBe(OTHER);
  });

  it("settings with no account in them: nothing to reset, and nothing worth a safety backup", async () => {
    const { fake, ctx, ran } = setup();
    const empty = FIXTURE.replace(/<key>Accounts<\/key>\s*<array>[\s\S]*<\/array>/, "<key>Accounts</key><array/>");
    fake.setAccountState(empty);
    expect(await resetAccountCacheFix.run(ctx)).toEqual({
      outcome: "failed",
      message: "There are no cached account settings to reset; nothing was changed",
      ran: [],
    });
    expect(ran("delete")).toEqual([]);
    fake.setAccountState(FIXTURE);
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.setAccountState(empty);
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("done");
    expect(r.ran).toHaveLength(1);
    expect(await ctx.backups!.list()).toHaveLength(1);
  });

  it("no backup folder: the reset says so and runs nothing", async () => {
    const { fake, ctx } = setup();
    expect(await resetAccountCacheFix.run({ ...ctx, backups: undefined })).toEqual({
      outcome: "failed",
      message: "No backup folder is set up, so nothing was changed",
      ran: [],
    });
    expect(fake.calls()).toEqual([]);
  });

  it("a backup plutil can't read is quoted, and the reset stops", async () => {
    const { fake, ctx, ran } = setup();
    fake.mode("plutil", "fail");
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.message).toMatch(
      /^The backup couldn't be read back \(\/\S+: Property List error: Unexpected character\), so nothing was changed$/,
    );
    expect(r.ran).toHaveLength(2);
    expect(ran("delete")).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resetAccountCacheFix, restoreAccountCache } from "../../src/core/fixes/account-cache";
import type { FixContext } from "../../src/core/fixes/types";
import { createBackupStore } from "../../src/core/host/backups";
import { createRealHost } from "../../src/core/host/real";
import { makeFakeBin } from "../support/fake-bin";
import { DEFAULT_TARGETS } from "../../src/core/targets";

// The destructive path under hostile conditions (issue 12, items 1-4 and 6):
// a backup that lost data, a wrong clock, a failed reset, a path instead of a
// name, two resets at once. Runs the real host against fake `defaults` and
// `plutil` that keep a real plist file.

const FIXTURE = readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8");

function setup(now?: () => Date) {
  const fake = makeFakeBin();
  fake.setAccountState(FIXTURE);
  const dir = mkdtempSync(join(tmpdir(), "aid-backups-"));
  const real = createRealHost();
  const host = now ? { ...real, now } : real;
  const ctx: FixContext = { host, bin: fake.bin, targets: DEFAULT_TARGETS, backups: createBackupStore(dir) };
  const deleted = () => fake.calls().some((c) => c[0] === "defaults" && c[1] === "delete");
  const imported = () => fake.calls().some((c) => c[0] === "defaults" && c[1] === "import");
  return { fake, ctx, dir, deleted, imported };
}

describe("backup verification compares the whole document (item 1)", () => {
  it("an export that kept the identity but lost Services and DisplayName stops the reset before delete", async () => {
    const { fake, ctx, deleted } = setup();
    fake.mode("defaults", "export-lossy");
    const r = await resetAccountCacheFix.run(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(/doesn't match the current settings/);
    expect(deleted()).toBe(false);
    expect(fake.accountState()).toBe(FIXTURE);
  });

  it("a restore that imported only part of the backup is a failure, not a success", async () => {
    const { fake, ctx } = setup();
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    fake.mode("defaults", "import-lossy");
    const r = await restoreAccountCache(ctx);
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(/didn't take/);
  });
});

describe("backups are ordered by sequence, not the wall clock (item 2)", () => {
  it("a backup taken while the clock was a year ahead does not stay newest", async () => {
    let clock = new Date("2027-12-01T10:00:00.000Z"); // a year ahead
    const { fake, ctx } = setup(() => clock);
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    // Clock synced; a different set of settings, backed up again.
    clock = new Date("2026-12-01T10:00:00.000Z");
    const newer = FIXTURE.replace("<string>Jane Doe</string>", "<string>Jane D.</string>");
    fake.setAccountState(newer);
    expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("done");
    const list = await ctx.backups!.list();
    expect(list).toHaveLength(2);
    expect(readFileSync(list[0].path, "utf8")).toBe(newer);
    // Shown with the time it was taken, as recorded.
    expect(list[0].createdAt).toBe("2026-12-01T10:00:00.000Z");
    expect(list[1].createdAt).toBe("2027-12-01T10:00:00.000Z");
    expect((await restoreAccountCache(ctx)).outcome).toBe("done");
    expect(fake.accountState()).toBe(newer);
  });
});

describe("an unverified backup is never listed (item 3)", () => {
  it.each(["export-other", "export-empty", "export-lossy"])(
    "a reset that failed on %s leaves no backup",
    async (mode) => {
      const { fake, ctx, dir } = setup();
      fake.mode("defaults", mode);
      expect((await resetAccountCacheFix.run(ctx)).outcome).toBe("failed");
      expect(await ctx.backups!.list()).toEqual([]);
      expect(readdirSync(dir)).toEqual([]);
      // and the argument-less restore says so instead of importing a bad file
      expect(await restoreAccountCache(ctx)).toMatchObject({
        outcome: "failed",
        message: "There is no backup to restore",
      });
    },
  );
});

describe("restore takes a backup name from the list (item 4)", () => {
  it("the name reset prints restores", async () => {
    const { fake, ctx } = setup();
    const reset = await resetAccountCacheFix.run(ctx);
    const name = /backup saved as (\S+)$/.exec(reset.message)?.[1];
    expect(name).toMatch(/^MobileMeAccounts-.*\.plist$/);
    const r = await restoreAccountCache(ctx, name);
    expect(r.outcome).toBe("done");
    expect(fake.accountState()).toBe(FIXTURE);
  });

  it.each([
    ["a relative path out of the folder", () => "../../x.plist"],
    ["an absolute path", (dir: string) => join(dir, "..", "evil.plist")],
    ["a name with a separator", () => "sub/MobileMeAccounts-000001-2026-12-01T10-00-00-000Z.plist"],
    ["a name that isn't in the list", () => "MobileMeAccounts-000099-2026-12-01T10-00-00-000Z.plist"],
  ])("%s is refused, nothing is imported, and the names that exist are listed", async (_what, arg) => {
    const { ctx, dir, imported } = setup();
    const reset = await resetAccountCacheFix.run(ctx);
    const name = /backup saved as (\S+)$/.exec(reset.message)![1];
    writeFileSync(join(dir, "..", "evil.plist"), FIXTURE.replace("Jane Doe", "Mallory"));
    const r = await restoreAccountCache(ctx, arg(dir));
    expect(r.outcome).toBe("failed");
    expect(r.message).toContain(name);
    expect(imported()).toBe(false);
  });

  it("a symlink in the backup folder pointing outside it is neither listed nor restorable", async () => {
    const { ctx, dir, imported } = setup();
    mkdirSync(dir, { recursive: true });
    const outside = join(mkdtempSync(join(tmpdir(), "aid-outside-")), "x.plist");
    writeFileSync(outside, FIXTURE.replace("Jane Doe", "Mallory"));
    const link = "MobileMeAccounts-000050-2026-12-01T10-00-00-000Z.plist";
    symlinkSync(outside, join(dir, link));
    expect(await ctx.backups!.list()).toEqual([]);
    expect((await restoreAccountCache(ctx, link)).outcome).toBe("failed");
    expect((await restoreAccountCache(ctx)).outcome).toBe("failed");
    expect(imported()).toBe(false);
  });
});

describe("two backups in the same millisecond (item 6)", () => {
  it("get different files, each created exclusively", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aid-backups-"));
    const now = new Date("2026-12-01T10:00:00.000Z");
    const stores = Array.from({ length: 8 }, () => createBackupStore(dir));
    const paths = await Promise.all(stores.map((s) => s.newPath(now)));
    expect(new Set(paths).size).toBe(8);
  });
});

import { describe, expect, it } from "vitest";
import { FIXES, fixById, isAvailableFix } from "../../src/core/fixes";
import { fromAdminOutcome } from "../../src/core/fixes/admin-result";
import { applyFix, offMacRefusal } from "../../src/core/fixes/apply";
import { openFixes, OPEN_FIX_IDS, settingsUrl } from "../../src/core/fixes/open-settings";
import { restartIcloudDaemonsFix } from "../../src/core/fixes/restart-icloud-daemons";
import { syncClockFix } from "../../src/core/fixes/sync-clock";
import type { Fix, FixContext } from "../../src/core/fixes/types";
import { FixHistory, type KeyValueStorage } from "../../src/core/history";
import { createRealHost } from "../../src/core/host/real";
import type { Host } from "../../src/core/host/types";
import type { Probe } from "../../src/core/probes/types";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { makeFakeBin } from "../support/fake-bin";

// What the front ends rely on from each fix: whether it asks for an admin
// password, whether it is destructive (a confirmation), which probes show
// before → after, which pane opens, and what a failure says. Real host,
// fake executables (test/support/fake-bin.ts).

const host = createRealHost();
const onMac: Host = { ...host, platform: "darwin" };
/** Touch ID for sudo set up (sudo_local), so the default admin path is sudo. */
const touchIdMac: Host = { ...onMac, readFile: async () => ({ text: "auth       sufficient     pam_tid.so\n" }) };

function ctxWith(extra: Partial<FixContext> = {}) {
  const fake = makeFakeBin();
  const ctx: FixContext = { host: onMac, bin: fake.bin, targets: DEFAULT_TARGETS, ...extra };
  return { fake, ctx: { ...ctx, ...extra, bin: extra.bin ?? fake.bin } };
}

describe("every fix's entry", () => {
  it.each([
    ["flush-dns", true, false, ["dns"]],
    ["sync-clock", true, false, ["clock"]],
    ["restart-icloud-daemons", false, false, []],
    ["reset-account-cache", false, true, ["account"]],
    ["restore-account-cache", false, false, ["account"]],
    ["open-date-time-settings", false, false, []],
    ["open-network-settings", false, false, []],
    ["open-vpn-settings", false, false, []],
    ["open-apple-account-settings", false, false, []],
    ["open-status-page", false, false, []],
    ["contact-apple-support", false, false, []],
  ])("%s: admin %s, destructive %s, verifies %j", (id, needsAdmin, destructive, verifies) => {
    const fix = fixById(id);
    expect(fix).toMatchObject({ id, needsAdmin, destructive, verifies });
    expect(isAvailableFix(id)).toBe(true);
  });

  it("lists each fix once, with its title; an unknown id is not a fix", () => {
    expect(FIXES).toHaveLength(11);
    expect(new Set(FIXES.map((f) => f.id)).size).toBe(11);
    expect(fixById("flush-dns")?.title).toBe("Flush DNS Cache");
    expect(fixById("open-vpn-settings")?.title).toBe("Open VPN Settings");
    expect(fixById("flush-dsn")).toBeUndefined();
    expect(isAvailableFix("flush-dsn")).toBe(false);
    expect(OPEN_FIX_IDS).toEqual(openFixes.map((f) => f.id));
  });
});

describe("settings panes by macOS version", () => {
  it.each([
    ["open-date-time-settings", "com.apple.Date-Time-Settings.extension", "com.apple.preference.datetime"],
    ["open-network-settings", "com.apple.Network-Settings.extension", "com.apple.preference.network"],
    ["open-vpn-settings", "com.apple.NetworkExtensionSettingsUI.NESettingsUIExtension", "com.apple.preference.network"],
    [
      "open-apple-account-settings",
      "com.apple.systempreferences.AppleIDSettings",
      "com.apple.preferences.AppleIDPrefPane",
    ],
  ] as const)("%s: System Settings from 13 (and when unknown), System Preferences before", (id, modern, legacy) => {
    const url = (suffix: string) => `x-apple.systempreferences:${suffix}`;
    expect(settingsUrl(id)).toBe(url(modern));
    expect(settingsUrl(id, 13)).toBe(url(modern));
    expect(settingsUrl(id, 26)).toBe(url(modern));
    expect(settingsUrl(id, 12)).toBe(url(legacy));
    expect(settingsUrl(id, 10)).toBe(url(legacy));
  });

  it("the status page and support are web pages on every version; other fixes have no URL", () => {
    for (const major of [undefined, 10, 15]) {
      expect(settingsUrl("open-status-page", major)).toBe("https://www.apple.com/support/systemstatus/");
      expect(settingsUrl("contact-apple-support", major)).toBe("https://support.apple.com/contact");
    }
    expect(settingsUrl("flush-dns")).toBeUndefined();
  });
});

describe("open fixes run open with the pane's URL", () => {
  it("opens the legacy pane on macOS 12 and says what it opened", async () => {
    const { fake, ctx } = ctxWith({ macosMajor: 12 });
    const r = await fixById("open-network-settings")!.run(ctx);
    const url = "x-apple.systempreferences:com.apple.preference.network";
    expect(r).toEqual({ outcome: "done", message: "Opened Network Settings", ran: [`${fake.bin.open} ${url}`] });
    expect(fake.calls()).toEqual([["open", url]]);
  });

  it("a refusal quotes open's stderr; a silent one its exit code; a missing open its error", async () => {
    const { fake, ctx } = ctxWith();
    fake.mode("dscacheutil", "fail");
    const fix = fixById("open-status-page")!;
    const said = await fix.run({ ...ctx, bin: { ...ctx.bin, open: fake.bin.dscacheutil } });
    expect(said).toMatchObject({ outcome: "failed", message: "dscacheutil: cache flush failed" });
    const silent = await fix.run({ ...ctx, bin: { ...ctx.bin, open: "/bin/false" } });
    expect(silent).toMatchObject({ outcome: "failed", message: "open exited 1" });
    const missing = await fix.run({ ...ctx, bin: { ...ctx.bin, open: `${fake.dir}/nope` } });
    expect(missing.outcome).toBe("failed");
    expect(missing.message).toMatch(/^Couldn't open https:\/\/www\.apple\.com\/support\/systemstatus\/: \S+/);
  });
});

describe("admin outcomes as fix results", () => {
  const ran = ["/usr/bin/dscacheutil -flushcache"];
  it.each([
    [
      { outcome: "done", via: "password", output: "" },
      { outcome: "done", message: "Flushed", ran },
    ],
    [
      { outcome: "done", via: "touch-id", output: "" },
      { outcome: "done", message: "Flushed (Touch ID)", ran },
    ],
    [
      { outcome: "cancelled", via: "password" },
      { outcome: "cancelled", message: "Canceled", ran: [] },
    ],
    [
      { outcome: "failed", via: "touch-id", reason: "touch-id-unavailable", message: "No Touch ID" },
      { outcome: "failed", message: "No Touch ID", ran: [], retryWithPassword: true },
    ],
    [
      { outcome: "failed", via: "password", reason: "denied", message: "Authentication failed" },
      { outcome: "failed", message: "Authentication failed", ran },
    ],
  ] as const)("%j → %j", (outcome, result) => {
    expect(fromAdminOutcome(outcome as never, "Flushed", ran)).toStrictEqual(result);
  });
});

describe("sync-clock", () => {
  it("sets the clock from the first time server, with the offset it corrected", async () => {
    const { fake, ctx } = ctxWith({
      targets: { ...DEFAULT_TARGETS, ntpServers: ["time.euro.apple.com", "time.apple.com"] },
      adminPrompt: "password",
    });
    const r = await syncClockFix.run(ctx);
    expect(r.outcome).toBe("done");
    expect(r.message).toMatch(/^Clock set from time\.euro\.apple\.com \(it was .+\)$/);
    expect(r.ran).toEqual([`${fake.bin.sntp} -sS time.euro.apple.com`]);
    expect(fake.calls().filter((c) => c[0] === "sntp")).toEqual([["sntp", "-sS", "time.euro.apple.com"]]);
  });

  it("no server configured: time.apple.com; sntp output it can't read: no offset", async () => {
    const { fake, ctx } = ctxWith({ targets: { ...DEFAULT_TARGETS, ntpServers: [] }, adminPrompt: "password" });
    fake.mode("sntp", "quiet");
    const r = await syncClockFix.run(ctx);
    expect(r).toMatchObject({ outcome: "done", message: "Clock set from time.apple.com" });
  });

  it("an invalid server name runs nothing", async () => {
    const { fake, ctx } = ctxWith({ targets: { ...DEFAULT_TARGETS, ntpServers: ["-x;id"] } });
    const r = await syncClockFix.run(ctx);
    expect(r).toMatchObject({ outcome: "failed", message: '"-x;id" is not a valid time server name' });
    expect(fake.calls()).toEqual([]);
  });

  it.each([
    ["with Touch ID set up: sudo by default", undefined, "sudo"],
    ["with Touch ID set up: the password prompt when asked for", "password", "osascript"],
  ] as const)("%s", async (_name, adminPrompt, first) => {
    const { fake, ctx } = ctxWith({ host: touchIdMac, adminPrompt });
    expect((await syncClockFix.run(ctx)).outcome).toBe("done");
    expect(fake.calls()[0][0]).toBe(first);
  });
});

describe("flush-dns: the admin path", () => {
  it.each([
    ["with Touch ID set up: sudo by default", undefined, "sudo"],
    ["with Touch ID set up: the password prompt when asked for", "password", "osascript"],
  ] as const)("%s", async (_name, adminPrompt, first) => {
    const { fake, ctx } = ctxWith({ host: touchIdMac, adminPrompt });
    const r = await fixById("flush-dns")!.run(ctx);
    expect(r.outcome).toBe("done");
    expect(r.ran).toEqual([`${fake.bin.dscacheutil} -flushcache`, `${fake.bin.killall} -HUP mDNSResponder`]);
    expect(fake.calls()[0][0]).toBe(first);
  });
});

describe("restart-icloud-daemons", () => {
  it("a killall that can't run is a failure naming each daemon", async () => {
    const { fake, ctx } = ctxWith();
    const r = await restartIcloudDaemonsFix.run({ ...ctx, bin: { ...ctx.bin, killall: `${fake.dir}/nope` } });
    expect(r.outcome).toBe("failed");
    expect(r.message).toMatch(/^Couldn't restart iCloud services \(bird: \S+; cloudd: \S+\)$/);
    expect(r.ran).toEqual([`${fake.dir}/nope bird`, `${fake.dir}/nope cloudd`]);
  });

  it("one restarted, one refused: done, naming the refusal", async () => {
    const { fake, ctx } = ctxWith();
    fake.mode("killall", "cloudd-denied");
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r).toEqual({
      outcome: "done",
      message: "Restarted bird; couldn't restart cloudd: kill: Operation not permitted",
      ran: [`${fake.bin.killall} bird`, `${fake.bin.killall} cloudd`],
    });
  });

  it("both refused: the failure quotes each refusal", async () => {
    const { fake, ctx } = ctxWith();
    fake.mode("killall", "denied");
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r.message).toBe(
      "Couldn't restart iCloud services (bird: kill: Operation not permitted; cloudd: kill: Operation not permitted)",
    );
  });

  it("neither running: done, both said to start when needed, in plural", async () => {
    const { fake, ctx } = ctxWith();
    fake.mode("killall", "missing");
    const r = await restartIcloudDaemonsFix.run(ctx);
    expect(r).toMatchObject({ outcome: "done", message: "bird and cloudd weren't running (they start when needed)" });
  });
});

describe("applyFix", () => {
  function memoryHistory() {
    const items = new Map<string, string>();
    const storage: KeyValueStorage = {
      getItem: async (k) => items.get(k),
      setItem: async (k, v) => void items.set(k, v),
    };
    return new FixHistory(storage);
  }
  const stubFix = (run: Fix["run"], verifies: Fix["verifies"] = ["dns"]): Fix => ({
    id: "flush-dns",
    title: "Flush DNS Cache",
    needsAdmin: false,
    destructive: false,
    verifies,
    run,
  });
  let probeRuns = 0;
  const probe = (id: Probe["id"]): Probe => ({
    id,
    title: id,
    area: "network",
    run: async () => ({ status: "pass", summary: `${id} run ${++probeRuns}`, details: [], fixes: [] }),
  });

  it("off macOS nothing runs, and the history says why", async () => {
    let ran = false;
    const history = memoryHistory();
    const applied = await applyFix(
      stubFix(async () => {
        ran = true;
        return { outcome: "done", message: "x" };
      }),
      { ...host, platform: "linux" },
      { probes: [probe("dns")], history },
    );
    expect(ran).toBe(false);
    expect(applied).toMatchObject({ refused: true, result: { outcome: "cancelled" }, before: [], after: [] });
    expect(applied.result.message).toBe("Fixes change macOS settings; this is linux: nothing was run");
    expect(await history.list()).toMatchObject([
      { fix: "flush-dns", outcome: "cancelled", message: `Not run: ${applied.result.message}` },
    ]);
    expect(offMacRefusal(onMac)).toBeUndefined();
    expect(offMacRefusal({ platform: "" })).toBe("Fixes change macOS settings; this is not macOS: nothing was run");
  });

  it("done: runs the probes it verifies before and after, and records the cleaned message", async () => {
    probeRuns = 0;
    const history = memoryHistory();
    const applied = await applyFix(
      stubFix(async () => ({ outcome: "done", message: "Flushed\u001b[31m\nnow", ran: ["x"] })),
      onMac,
      { probes: [probe("dns"), probe("clock")], history },
    );
    expect(applied.result.message).not.toContain("\u001b");
    expect(applied.result.message).not.toContain("\n");
    expect(applied.before.map((f) => [f.probe, f.summary])).toEqual([["dns", "dns run 1"]]);
    expect(applied.after.map((f) => [f.probe, f.summary])).toEqual([["dns", "dns run 2"]]);
    const [record] = await history.list();
    expect(record).toMatchObject({ fix: "flush-dns", outcome: "done", message: applied.result.message });
    expect(applied.refused).toBeUndefined();
  });

  it("failed (or thrown): the probes are not re-run, after is before", async () => {
    probeRuns = 0;
    const thrown = await applyFix(
      stubFix(async () => {
        throw new Error("boom");
      }),
      onMac,
      { probes: [probe("dns")] },
    );
    expect(thrown.result).toEqual({ outcome: "failed", message: "boom" });
    expect(thrown.after).toBe(thrown.before);
    expect(probeRuns).toBe(1);
  });

  it("findings already on screen are the before: only the fix's own, and no probe runs before", async () => {
    probeRuns = 0;
    const shown = [
      { probe: "dns", title: "DNS", status: "fail", summary: "shown", durationMs: 1 },
      { probe: "clock", title: "Clock", status: "pass", summary: "other", durationMs: 1 },
    ] as never;
    const applied = await applyFix(
      stubFix(async () => ({ outcome: "done", message: "ok" })),
      onMac,
      { probes: [probe("dns")], before: shown },
    );
    expect(applied.before.map((f) => f.summary)).toEqual(["shown"]);
    expect(applied.after.map((f) => f.summary)).toEqual(["dns run 1"]);
  });

  it("passes the backup store, name, binaries, targets, macOS version and prompt choice to the fix", async () => {
    let seen: FixContext | undefined;
    const backups = { marker: true } as never;
    const bin = makeFakeBin().bin;
    const targets = { ...DEFAULT_TARGETS, ntpServers: ["time.euro.apple.com"] };
    await applyFix(
      stubFix(async (ctx) => {
        seen = ctx;
        return { outcome: "cancelled", message: "Canceled" };
      }, []),
      onMac,
      { probes: [], backups, backupName: "b.plist", binaries: bin, targets, macosMajor: 12, adminPrompt: "password" },
    );
    expect(seen).toMatchObject({
      backups,
      backupName: "b.plist",
      bin,
      targets,
      macosMajor: 12,
      adminPrompt: "password",
    });
    expect(seen?.host).toBe(onMac);
  });
});

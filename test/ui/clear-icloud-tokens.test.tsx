// The Clear iCloud Tokens view, driven by replayed Macs for what it reads and
// by fake macOS executables (spawned for real) for what it runs: killall, and
// a fake `defaults` that keeps a real plist file as the MobileMeAccounts
// domain, so a reset really empties it and a restore really brings it back.
import { Alert, Color, Toast } from "@raycast/api";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IcloudView, absoluteTime } from "../../src/components/icloud-view";
import { RESET_EXPLANATION } from "../../src/core/fixes/account-cache";
import { settingsUrl } from "../../src/core/fixes/open-settings";
import type { KeyValueStorage } from "../../src/core/history";
import { createBackupStore } from "../../src/core/host/backups";
import { createRealHost } from "../../src/core/host/real";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Host } from "../../src/core/host/types";
import type { FixRecord } from "../../src/core/types";
import { __mock } from "../mocks/raycast-api";
import { makeFakeBin, type FakeBin } from "../support/fake-bin";
import { render, type Harness } from "../support/render";

const RECORDINGS = new URL("../fixtures/recordings/", import.meta.url);
const loadRecording = (name: string): Recording =>
  parseRecording(readFileSync(new URL(`${name}.json`, RECORDINGS), "utf8"));
const FIXTURE = readFileSync(new URL("../fixtures/defaults-export-mobilemeaccounts.xml", import.meta.url), "utf8");

const EMAIL = "jane.doe@example.com";
const SECRETS = [EMAIL, "12345678901", "11111111-2222-4333-8444-555555555555", "Jane Doe"];
const SERVICES = ["iCloud Drive", "Desktop & Documents Folders", "iCloud Keychain"];
const STEPS = ["Sign Out and Back In", "Restart iCloud Services", "Restart Your Mac", "Reset Account Cache"];
const SIGNED_OUT = "No Apple Account is signed in on this Mac";
const ACCOUNT_URL = settingsUrl("open-apple-account-settings")!;

/** The Mac's clock while fixes run; the view is looked at five minutes later. */
const AT = new Date("2026-11-21T10:00:00.000Z");
const LATER = () => new Date(AT.getTime() + 5 * 60_000);

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return { map, getItem: async (key) => map.get(key), setItem: async (key, value) => void map.set(key, value) };
}
const history = (storage: { map: Map<string, string> }): FixRecord[] =>
  JSON.parse(storage.map.get("fix-history") ?? "[]");

const tempBackups = () => createBackupStore(join(mkdtempSync(join(tmpdir(), "aid-icloud-backups-")), "backups"));

/**
 * The healthy Mac for everything but commands: those go to the real host,
 * which spawns the fakes (the binary table points at them), so the account
 * check reads the fake defaults' state file. The clock stands still.
 */
function fakeMac(): Host {
  const replay = createReplayHost(loadRecording("healthy"));
  const real = createRealHost({ platform: "darwin" });
  return {
    platform: replay.platform,
    now: () => AT,
    env: (name) => replay.env(name),
    exec: (command, options) => real.exec(command, options),
    http: (url, options) => replay.http(url, options),
    dns: (name, server, options) => replay.dns(name, server, options),
    tcp: (host, port, options) => replay.tcp(host, port, options),
    tls: (host, port, options) => replay.tls(host, port, options),
    ntp: (server, options) => replay.ntp(server, options),
    readFile: (path) => real.readFile(path),
  };
}

async function renderWithFakes(): Promise<{ fake: FakeBin; storage: ReturnType<typeof memoryStorage>; h: Harness }> {
  const fake = makeFakeBin();
  fake.setAccountState(FIXTURE);
  const storage = memoryStorage();
  const backups = tempBackups();
  const h = await render(
    <IcloudView host={fakeMac()} storage={storage} backups={backups} binaries={fake.bin} now={LATER} />,
  );
  await h.waitFor(() => !h.isLoading() && h.item(EMAIL));
  return { fake, storage, h };
}

const section = (h: Harness, title: string) => h.sections().find((s) => s.title === title)!;
const ran = (fake: FakeBin, ...names: string[]) => fake.calls().filter(([name]) => names.includes(name));

beforeEach(() => __mock.reset());
afterEach(() => vi.restoreAllMocks());

describe("Clear iCloud Tokens: reading the account", () => {
  it("shows who is signed in and each iCloud service from the healthy recording", async () => {
    const h = await render(
      <IcloudView
        host={createReplayHost(loadRecording("healthy"))}
        storage={memoryStorage()}
        backups={tempBackups()}
        now={LATER}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(h.sections().map((s) => s.title)).toEqual(["Apple Account", "Steps", "Backups"]);

    const account = section(h, "Apple Account");
    expect(account.items.map((i) => i.title)).toEqual([EMAIL, ...SERVICES]);
    expect(h.item(EMAIL)).toMatchObject({
      subtitle: "Apple Account",
      accessories: [{ tag: "Signed In", color: Color.Green }],
    });
    expect(h.item(EMAIL).detail?.metadata).toEqual(
      expect.arrayContaining([
        { kind: "label", title: "Apple Account", text: EMAIL },
        { kind: "label", title: "Managed", text: "No" },
        { kind: "tags", title: "iCloud Services On", tags: SERVICES.map((text) => ({ text, color: Color.Green })) },
      ]),
    );
    for (const service of SERVICES) {
      expect(h.item(service).accessories).toEqual([{ tag: "On", color: Color.Green }]);
    }

    // The supported step first; the reset last, as an advanced last resort that says what it doesn't do.
    expect(section(h, "Steps").items.map((i) => i.title)).toEqual(STEPS);
    expect(section(h, "Steps").subtitle).toBe("Supported first; the reset is a last resort");
    expect(h.item("Reset Account Cache").subtitle).toMatch(/^Advanced, last resort: /);
    const reset = h.item("Reset Account Cache").detail?.markdown ?? "";
    expect(reset).toMatch(/doesn't clear iCloud's tokens: they live in the Accounts framework .* and the Keychain/);
    expect(reset).toMatch(/can't bring the Mac and Apple's servers back in step/);
    expect(h.item("Restart iCloud Services").detail?.markdown).toMatch(/doesn't refresh any token/);
    expect(h.item("Sign Out and Back In").detail?.markdown).toMatch(/### What It Changes[\s\S]*Accounts framework/);
    expect(h.item("Restart iCloud Services").accessories).toEqual([
      { text: "Not run yet", color: Color.SecondaryText },
    ]);
    expect(h.item("Sign Out and Back In").accessories).toEqual([{ tag: "Guide", tooltip: expect.any(String) }]);
    expect(h.item("Sign Out and Back In").detail?.markdown).toMatch(/Sign Out[\s\S]*keep a copy[\s\S]*Approve/);
    expect(h.actions("Sign Out and Back In")[0]).toMatchObject({
      kind: "Open",
      title: "Open Apple Account Settings",
      target: ACCOUNT_URL,
    });
    // A guide, not a button: nothing on the Restart row restarts anything.
    expect(h.actions("Restart Your Mac").map((a) => a.title)).not.toContain("Restart Your Mac");
    expect(h.item("Restart Your Mac").detail?.markdown).toContain("never restarts your Mac");

    expect(section(h, "Backups").items.map((i) => [i.title, i.subtitle])).toEqual([
      ["No Backups Yet", "Reset Account Cache makes one first"],
    ]);
    await h.unmount();
  });

  it("opens on the overview; with the detail pane open the rows keep their icon and title only", async () => {
    const { h } = await renderWithFakes();
    expect(h.isShowingDetail()).toBe(false);
    expect(h.item(EMAIL).accessories).toEqual([{ tag: "Signed In", color: Color.Green }]);
    await h.runAction("Show Details", EMAIL);
    expect(h.isShowingDetail()).toBe(true);
    for (const item of h.items())
      expect([item.title, item.subtitle, item.accessories]).toEqual([item.title, undefined, []]);
    expect(h.item(EMAIL).detail?.markdown).toContain("is signed in to iCloud on this Mac");
    await h.unmount();
  });

  it("copies a summary without the address, DSID, UUID or name; Check Again and the shortcuts", async () => {
    const h = await render(
      <IcloudView
        host={createReplayHost(loadRecording("healthy"))}
        storage={memoryStorage()}
        backups={tempBackups()}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    const actions = h.actions(EMAIL);
    expect(actions.find((a) => a.title === "Check Again")?.keys).toBe("⌘R");
    const copy = actions.find((a) => a.title === "Copy Account Summary")!;
    expect(copy).toMatchObject({ kind: "CopyToClipboard", keys: "⇧⌘C" });
    const content = copy.content as string;
    expect(content).toContain("Status: Signed in as [email]");
    expect(content).toContain(`iCloud services on: ${SERVICES.join(", ")}`);
    for (const secret of SECRETS) expect(content, `summary leaks ${secret}`).not.toContain(secret);

    await h.runAction("Copy Account Summary", EMAIL);
    expect(__mock.clipboard).toEqual([content]);
    await h.runAction("Check Again", EMAIL);
    await h.waitFor(() => !h.isLoading());
    expect(h.item(EMAIL)).toBeDefined();
    await h.unmount();
  });

  it("signed out: says so, offers Apple Account Settings, and has nothing to reset", async () => {
    const h = await render(
      <IcloudView
        host={createReplayHost(loadRecording("signed-out"))}
        storage={memoryStorage()}
        backups={tempBackups()}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    expect(section(h, "Apple Account").items.map((i) => i.title)).toEqual([SIGNED_OUT]);
    expect(h.item(SIGNED_OUT).accessories).toEqual([{ tag: "Signed Out", color: Color.Orange }]);
    expect(h.actions(SIGNED_OUT)[0]).toMatchObject({ title: "Open Apple Account Settings", target: ACCOUNT_URL });
    expect(h.actions("Reset Account Cache").map((a) => a.title)).not.toContain("Reset Account Cache");
    expect(h.item("Reset Account Cache").detail?.markdown).toContain("Nothing to reset right now");
    await h.unmount();
  });

  it("not a Mac: the account row says it wasn't checked, and why", async () => {
    const h = await render(
      <IcloudView
        host={createReplayHost({ ...loadRecording("healthy"), platform: "linux" })}
        storage={memoryStorage()}
        backups={tempBackups()}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    expect(h.item("Apple Account Not Checked")).toMatchObject({
      subtitle: "Only checked on macOS (this computer runs Linux)",
      accessories: [{ tag: "Skipped" }],
    });
    await h.unmount();
  });
});

describe("Clear iCloud Tokens: the steps that run", () => {
  it("Restart iCloud Services: one killall per daemon, a toast saying what restarted, the last run shown", async () => {
    const { fake, storage, h } = await renderWithFakes();
    await h.runAction("Restart iCloud Services", "Restart iCloud Services");
    await h.waitFor(() => h.item("Restart iCloud Services").accessories.some((a) => a.text?.startsWith("Last run")));

    expect(ran(fake, "killall")).toEqual([
      ["killall", "bird"],
      ["killall", "cloudd"],
    ]);
    expect(__mock.alerts).toEqual([]); // not destructive: no confirmation
    expect(__mock.toasts.map(({ style, title }) => ({ style, title }))).toEqual([
      { style: Toast.Style.Animated, title: "Restart iCloud Services…" },
      { style: Toast.Style.Success, title: "Restarted bird and cloudd" },
    ]);
    expect(history(storage)).toEqual([
      { fix: "restart-icloud-daemons", at: AT.toISOString(), outcome: "done", message: "Restarted bird and cloudd" },
    ]);
    expect(h.item("Restart iCloud Services").accessories).toEqual([
      { text: "Last run 5 min ago", tooltip: expect.stringContaining("Restarted bird and cloudd") },
    ]);
    await h.unmount();
  });

  it("Reset Account Cache, declined: the confirmation explains it, and nothing runs at all", async () => {
    const { fake, storage, h } = await renderWithFakes();
    __mock.confirmAnswer = false;
    const before = fake.calls().length;

    await h.runAction("Reset Account Cache", "Reset Account Cache");
    // Long enough for a run that went ahead anyway to have reached the fakes.
    await h.act(() => new Promise((resolve) => setTimeout(resolve, 300)));

    expect(__mock.alerts).toHaveLength(1);
    expect(__mock.alerts[0]).toMatchObject({
      title: "Reset Account Cache?",
      message: RESET_EXPLANATION,
      primaryAction: { title: "Reset Account Cache", style: Alert.ActionStyle.Destructive },
    });
    expect(fake.calls().slice(before)).toEqual([]);
    expect(ran(fake, "plutil")).toEqual([]);
    expect(ran(fake, "defaults").filter(([, verb, , target]) => verb !== "export" || target !== "-")).toEqual([]);
    expect(fake.accountState()).toBe(FIXTURE);
    expect(__mock.toasts).toEqual([]);
    expect(history(storage)).toEqual([]);
    expect(h.item(EMAIL)).toBeDefined();
    await h.unmount();
  });

  it("Reset Account Cache, confirmed: backs up, clears, lists the backup; Restore brings the account back", async () => {
    const { fake, storage, h } = await renderWithFakes();
    await h.runAction("Reset Account Cache", "Reset Account Cache");
    await h.waitFor(() => !h.isLoading() && section(h, "Apple Account").items[0]?.title === SIGNED_OUT);

    // Backed up, read back and compared, and only then deleted.
    const order = fake.calls().map((c) => c.slice(0, 2).join(" "));
    expect(order.indexOf("plutil -convert")).toBeLessThan(order.indexOf("defaults delete"));
    expect(fake.accountState()).toBeUndefined();
    const exportCall = ran(fake, "defaults").find(([, verb, , target]) => verb === "export" && target !== "-")!;
    // Exported under a temporary name, renamed once verified.
    const tempPath = exportCall[3];
    expect(tempPath).toMatch(/\/\.MobileMeAccounts-000001-2026-11-21T10-00-00-000Z\.partial$/);
    expect(existsSync(tempPath)).toBe(false);
    const backupName = "MobileMeAccounts-000001-2026-11-21T10-00-00-000Z.plist";
    const backupPath = join(dirname(tempPath), backupName);
    expect(readFileSync(backupPath, "utf8")).toBe(FIXTURE);

    const success = __mock.toasts.find((t) => t.style === Toast.Style.Success)!;
    expect(success.title).toBe(`Account cache reset; backup saved as ${backupName}`);
    expect(success.message).toBe("Apple Account: Passed → Warning");
    expect(history(storage)).toEqual([
      expect.objectContaining({ fix: "reset-account-cache", at: AT.toISOString(), outcome: "done" }),
    ]);
    expect(h.item("Reset Account Cache").accessories).toEqual([
      { text: "Last run 5 min ago", tooltip: expect.stringContaining(backupName) },
    ]);

    // The Backups section lists it, dated both ways, with Restore and Show in Finder.
    const rows = section(h, "Backups").items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: absoluteTime(AT), accessories: [{ text: "5 min ago" }] });
    const actions = h.actions(rows[0].title);
    expect(actions.slice(0, 2)).toMatchObject([
      { title: "Restore Account Cache", kind: "Action" },
      { title: "Show in Finder", kind: "ShowInFinder", path: backupPath },
    ]);

    // Restore: the fake domain holds the original plist again, and the account is back on screen.
    await h.runAction("Restore Account Cache", rows[0].title);
    await h.waitFor(() => !h.isLoading() && section(h, "Apple Account").items[0]?.title === EMAIL);
    expect(fake.accountState()).toBe(FIXTURE);
    expect(ran(fake, "defaults")).toContainEqual(["defaults", "import", "MobileMeAccounts", backupPath]);
    expect(__mock.lastToast()).toMatchObject({
      style: Toast.Style.Success,
      title: `Account settings restored from ${backupName}`,
      message: "Apple Account: Warning → Passed",
    });
    expect(history(storage).map((r) => [r.fix, r.outcome])).toEqual([
      ["reset-account-cache", "done"],
      ["restore-account-cache", "done"],
    ]);
    expect(section(h, "Apple Account").items.map((i) => i.title)).toEqual([EMAIL, ...SERVICES]);
    await h.unmount();
  });

  it("Reset Account Cache when the backup fails: a failure toast, the account untouched, no backup listed", async () => {
    const { fake, storage, h } = await renderWithFakes();
    fake.mode("defaults", "export-fails");

    await h.runAction("Reset Account Cache", "Reset Account Cache");
    await h.waitFor(() => __mock.lastToast()?.style === Toast.Style.Failure && !h.isLoading());

    expect(__mock.lastToast()).toMatchObject({
      title: "Couldn't Reset Account Cache",
      message: expect.stringMatching(
        /^The backup failed \(Could not export domain MobileMeAccounts to .*\), so nothing was changed$/,
      ),
    });
    expect(fake.accountState()).toBe(FIXTURE);
    expect(ran(fake, "defaults").some(([, verb]) => verb === "delete")).toBe(false);
    expect(ran(fake, "plutil")).toEqual([]);
    expect(history(storage)).toEqual([expect.objectContaining({ fix: "reset-account-cache", outcome: "failed" })]);
    expect(h.item("Reset Account Cache").accessories).toEqual([
      { tag: "Failed", color: Color.Red, tooltip: expect.stringContaining("The backup failed") },
      { text: "Last run 5 min ago", tooltip: expect.stringContaining("The backup failed") },
    ]);
    expect(section(h, "Apple Account").items[0].title).toBe(EMAIL);
    expect(section(h, "Backups").items.map((i) => i.title)).toEqual(["No Backups Yet"]);
    await h.unmount();
  });
});

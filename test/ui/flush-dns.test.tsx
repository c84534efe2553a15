// The Flush DNS view, driven by replayed Macs for what it reads and by fake
// macOS executables (spawned for real) for what it runs: the password prompt,
// dscacheutil and killall.
import { Color, PopToRootType, Toast } from "@raycast/api";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DnsView } from "../../src/components/dns-view";
import { settingsUrl } from "../../src/core/fixes/open-settings";
import type { KeyValueStorage } from "../../src/core/history";
import { createRealHost } from "../../src/core/host/real";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { HostError, type Host } from "../../src/core/host/types";
import { dnsProbe } from "../../src/core/probes/dns";
import { runChecklist } from "../../src/core/run";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { __mock } from "../mocks/raycast-api";
import { makeFakeBin, type FakeBin } from "../support/fake-bin";
import { promptsTakeFocus } from "../support/focus";
import { render, type Harness } from "../support/render";

const RECORDINGS = new URL("../fixtures/recordings/", import.meta.url);
const loadRecording = (name: string): Recording =>
  parseRecording(readFileSync(new URL(`${name}.json`, RECORDINGS), "utf8"));
const SCUTIL_DNS = fileURLToPath(new URL("../fixtures/scutil-dns-modern.txt", import.meta.url));

const HOSTS = DEFAULT_TARGETS.signInHosts;
const SYSTEM_FAILS = "This Mac's DNS can't find Apple's sign-in hosts, but 1.1.1.1 can";

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: async (key) => map.get(key), setItem: async (key, value) => void map.set(key, value) };
}

/** Every DNS answer comes after `ms`, so the pending rows are there to be seen. */
function slowDns(recording: Recording, ms: number): Recording {
  return { ...recording, dns: recording.dns?.map((entry) => ({ ...entry, delayMs: ms })) };
}

/** The healthy Mac plus a VPN's split-DNS resolver for corp.example on utun4. */
function withSplitDns(): Recording {
  const recording = loadRecording("healthy");
  const vpnResolver = [
    "",
    "resolver #8",
    "  domain   : corp.example",
    "  nameserver[0] : 10.8.0.1",
    "  if_index : 17 (utun4)",
    "  flags    : Supplemental, Request A records",
    "  reach    : 0x00000003 (Reachable,Transient Connection)",
    "  order    : 102400",
    "",
  ].join("\n");
  return {
    ...recording,
    exec: recording.exec?.map((entry) =>
      entry.command.join(" ") === "/usr/sbin/scutil --dns" ? { ...entry, stdout: entry.stdout + vpnResolver } : entry,
    ),
  };
}

/**
 * A Mac whose DNS is broken until the (fake) dscacheutil has run, then healthy.
 * Commands and files go to the real host, so the fakes are spawned for real;
 * the PAM files say nothing about Touch ID, so the password prompt path runs.
 */
function flushableMac(fake: FakeBin, pamSudo?: string): Host {
  const broken = createReplayHost(loadRecording("dns-broken"));
  const healthy = createReplayHost(loadRecording("healthy"));
  const real = createRealHost({ platform: "darwin" });
  const flushed = () => fake.calls().some(([name]) => name === "dscacheutil");
  // The probe reads the resolvers through the binary table too: a fake scutil prints the real capture.
  const scutil = join(fake.dir, "scutil");
  writeFileSync(scutil, `#!/bin/sh\ncat '${SCUTIL_DNS}'\n`);
  chmodSync(scutil, 0o755);
  return {
    platform: broken.platform,
    now: () => broken.now(),
    env: (name) => broken.env(name),
    exec: (command, options) => real.exec(command, options),
    http: (url, options) => broken.http(url, options),
    dns: (name, server, options) => (flushed() ? healthy : broken).dns(name, server, options),
    tcp: (host, port, options) => broken.tcp(host, port, options),
    tls: (host, port, options) => broken.tls(host, port, options),
    ntp: (server, options) => broken.ntp(server, options),
    readFile: (path) =>
      path === "/etc/pam.d/sudo_local" && pamSudo !== undefined
        ? Promise.resolve({ path, text: pamSudo })
        : path.startsWith("/etc/pam.d/")
          ? Promise.reject(new HostError("ENOENT", `${path}: no such file`))
          : real.readFile(path),
  };
}

async function renderFlushable(pamSudo?: string) {
  const fake = makeFakeBin();
  const storage = memoryStorage();
  const h = await render(
    <DnsView host={promptsTakeFocus(flushableMac(fake, pamSudo))} storage={storage} binaries={fake.bin} />,
  );
  await h.waitFor(() => !h.isLoading() && h.item(SYSTEM_FAILS));
  return { fake, storage, h };
}

const titles = (h: Harness) => h.sections().map((s) => s.title);
const history = (storage: { map: Map<string, string> }) => JSON.parse(storage.map.get("fix-history") ?? "[]");

beforeEach(() => __mock.reset());
afterEach(() => vi.restoreAllMocks());

describe("Flush DNS", () => {
  it("shows pending rows, then this Mac failing where 1.1.1.1 works (dns-broken)", async () => {
    const h = await render(
      <DnsView host={createReplayHost(slowDns(loadRecording("dns-broken"), 30))} storage={memoryStorage()} />,
    );
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(h.isLoading()).toBe(true);
    expect(titles(h)).toEqual(["Verdict", "Resolvers", "Sign-In Hosts"]);
    expect(h.item("Checking DNS…").accessories).toEqual([{ tag: "Checking…", color: Color.SecondaryText }]);
    expect(h.sections()[2].items.map((i) => [i.title, i.accessories[0].tag])).toEqual(
      HOSTS.map((name) => [name, "Checking…"]),
    );

    await h.waitFor(() => !h.isLoading());
    const [expected] = await runChecklist([dnsProbe], createReplayHost(loadRecording("dns-broken")));
    expect(expected.summary).toBe(SYSTEM_FAILS);
    // The verdict row is the finding's summary.
    expect(h.sections()[0].items).toHaveLength(1);
    expect(h.item(SYSTEM_FAILS)).toMatchObject({
      section: "Verdict",
      icon: { source: "XMarkCircle", tintColor: Color.Red },
      accessories: [{ tag: "Failed", color: Color.Red }],
    });
    expect(h.item("10.5.3.211, 10.5.3.210")).toMatchObject({
      section: "Resolvers",
      subtitle: "Default for all lookups",
    });
    // Every host: this Mac can't find it, both public resolvers can.
    for (const name of HOSTS) {
      const row = h.item(name);
      expect(row.section).toBe("Sign-In Hosts");
      expect(row.subtitle).toBe("Name not found");
      expect(row.icon).toEqual({ source: "XMarkCircle", tintColor: Color.Red });
      expect(row.accessories).toEqual([
        { tag: "1.1.1.1 Resolves", color: Color.Green, tooltip: expect.stringMatching(/^1\.1\.1\.1: 17\./) },
        { tag: "8.8.8.8 Resolves", color: Color.Green, tooltip: expect.stringMatching(/^8\.8\.8\.8: 17\./) },
        { text: expect.stringMatching(/^This Mac \d+ ms$/), tooltip: "This Mac's lookup time" },
      ]);
    }
    expect(h.item("appleid.apple.com").detail?.markdown).toContain("| This Mac | Name not found |");
    expect(h.item("appleid.apple.com").detail?.metadata[1]).toMatchObject({
      kind: "label",
      title: "1.1.1.1",
      text: expect.stringMatching(/^17\.32\.194\.99, 17\.32\.194\.2 · \d+ ms$/),
    });

    // Flush DNS Cache is the primary action on every row; the rest have their shortcuts.
    for (const item of h.items()) expect(h.actions(item.title)[0].title).toBe("Flush DNS Cache");
    const actions = h.actions("appleid.apple.com");
    expect(actions.map((a) => [a.title, a.keys])).toEqual([
      ["Flush DNS Cache", undefined],
      ["Copy DNS Summary", "⇧⌘C"],
      ["Open Network Settings", "⇧⌘N"],
      ["Check Again", "⌘R"],
      ["Show Details", "⌘D"],
    ]);
    expect(actions.find((a) => a.title === "Open Network Settings")).toMatchObject({
      kind: "Open",
      target: settingsUrl("open-network-settings"),
    });
    // Looking is quiet: toasts are for the fix.
    expect(__mock.toasts).toEqual([]);
    await h.unmount();
  });

  it("flushes through the password prompt and shows the after state, host by host", async () => {
    const { fake, storage, h } = await renderFlushable();
    await h.runAction("Flush DNS Cache", "appleid.apple.com");
    await h.waitFor(() => !h.isLoading() && titles(h).includes("Sign-In Hosts After Flush"), { timeoutMs: 10000 });

    // The password sheet would close the window under a toast: the window is
    // closed first, suspended so the view survives, and the outcome is a HUD.
    expect(__mock.toasts).toEqual([]);
    expect(__mock.huds).toEqual([
      "Flush DNS Cache: macOS will ask for your password",
      "DNS cache flushed: DNS: Failed → Passed",
    ]);
    expect(__mock.window.closes[0]).toEqual({ by: "showHUD", popToRootType: PopToRootType.Suspended });
    expect(__mock.window.closes.every((close) => close.popToRootType === PopToRootType.Suspended)).toBe(true);

    // One password prompt (no Touch ID in PAM) running exactly the two allowlisted commands.
    const calls = fake.calls();
    expect(calls.map(([name]) => name)).toEqual(["osascript", "dscacheutil", "killall"]);
    // osascript's argv ends with the shell text (item 1) and the prompt (item 2).
    expect(calls[0].at(-2)).toBe(
      `'${fake.bin.dscacheutil}' '-flushcache' && '${fake.bin.killall}' '-HUP' 'mDNSResponder'`,
    );
    expect(calls[1]).toEqual(["dscacheutil", "-flushcache"]);
    expect(calls[2]).toEqual(["killall", "-HUP", "mDNSResponder"]);

    expect(titles(h)).toEqual(["Verdict After Flush", "Resolvers", "Sign-In Hosts After Flush"]);
    expect(h.item("All 6 sign-in hosts resolve")).toMatchObject({
      icon: { source: "CheckCircle", tintColor: Color.Green },
      accessories: [{ tag: "Failed → Passed", color: Color.Green, tooltip: `Before the flush: ${SYSTEM_FAILS}` }],
    });
    for (const name of HOSTS) {
      const row = h.item(name);
      expect(row.icon).toEqual({ source: "CheckCircle", tintColor: Color.Green });
      expect(row.subtitle).toMatch(/^17\./);
      expect(row.accessories.slice(0, 3)).toEqual([
        { tag: "Fixed", color: Color.Green, tooltip: "Before the flush: Name not found" },
        { tag: "1.1.1.1 Agrees", color: Color.Green, tooltip: expect.any(String) },
        { tag: "8.8.8.8 Agrees", color: Color.Green, tooltip: expect.any(String) },
      ]);
    }
    expect(h.item("appleid.apple.com").detail?.markdown).toContain("### Before Flush");

    expect(history(storage)).toEqual([
      { fix: "flush-dns", at: expect.any(String), outcome: "done", message: "DNS cache flushed" },
    ]);
    const summary = h.actions("appleid.apple.com").find((a) => a.title === "Copy DNS Summary")!.content as string;
    expect(summary).toContain("Sign-in hosts (after flushing the DNS cache):");
    expect(summary).toContain("- appleid.apple.com [Fixed]: this Mac: 17.32.194.99, 17.32.194.2");
    expect(summary).toContain("Verdict: Passed — All 6 sign-in hosts resolve (before the flush: Failed)");
    await h.unmount();
  });

  it("Flush during Check Again: the after state stays, the check it abandons never lands", async () => {
    const fake = makeFakeBin();
    const mac = flushableMac(fake);
    const broken = createReplayHost(loadRecording("dns-broken"));
    // While armed, lookups wait until released, then answer as the broken Mac did.
    let armed = false;
    const held: Array<() => void> = [];
    const host: Host = {
      ...mac,
      dns: (name, server, options) =>
        armed
          ? new Promise((resolve, reject) => held.push(() => broken.dns(name, server, options).then(resolve, reject)))
          : mac.dns(name, server, options),
    };
    const h = await render(<DnsView host={promptsTakeFocus(host)} storage={memoryStorage()} binaries={fake.bin} />);
    await h.waitFor(() => !h.isLoading() && h.item(SYSTEM_FAILS));

    armed = true;
    await h.runAction("Check Again", "appleid.apple.com");
    await h.waitFor(() => held.length > 0);
    // The check is still waiting on its lookups when the flush starts; the flush's own go through.
    armed = false;
    expect(h.isLoading()).toBe(true);
    await h.runAction("Flush DNS Cache", "Checking DNS…");
    await h.waitFor(() => !h.isLoading() && titles(h).includes("Sign-In Hosts After Flush"), { timeoutMs: 10000 });

    await h.act(async () => {
      for (const release of held.splice(0)) release();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(h.isLoading()).toBe(false);
    expect(titles(h)).toEqual(["Verdict After Flush", "Resolvers", "Sign-In Hosts After Flush"]);
    expect(h.item("All 6 sign-in hosts resolve")).toBeDefined();
    await h.unmount();
  });

  it("Touch ID set up but not available (no terminal for sudo): says so, and goes on to the password prompt", async () => {
    // The window is already closed for the admin sheet, so a toast offering the password would go
    // unseen: the password sheet is the next step, and the HUDs say why.
    const { fake, h } = await renderFlushable("auth       sufficient     pam_tid.so\n");
    fake.mode("sudo", "no-terminal");
    await h.runAction("Flush DNS Cache", "gsa.apple.com");
    await h.waitFor(() => !h.isLoading() && titles(h).includes("Sign-In Hosts After Flush"), { timeoutMs: 10000 });
    expect(fake.calls().map(([name]) => name)).toEqual(["sudo", "osascript", "dscacheutil", "killall"]);
    expect(__mock.toasts).toEqual([]);
    expect(__mock.huds).toEqual([
      "Flush DNS Cache: Touch ID or your password may be asked for",
      "Touch ID wasn't available, so macOS will ask for your password to Flush DNS Cache",
      "DNS cache flushed: DNS: Failed → Passed",
    ]);
    await h.unmount();
  });

  it("the next launch shows the last flush's before → after once, in case its HUD went by unseen", async () => {
    const { storage, h } = await renderFlushable();
    await h.runAction("Flush DNS Cache", "appleid.apple.com");
    await h.waitFor(() => !h.isLoading() && titles(h).includes("Sign-In Hosts After Flush"), { timeoutMs: 10000 });
    await h.unmount();

    __mock.reopenWindow();
    // The same Mac (and clock), launched afresh.
    const again = await render(<DnsView host={flushableMac(makeFakeBin())} storage={storage} />);
    await again.waitFor(() => __mock.toasts.length === 1);
    expect(__mock.toasts[0]).toMatchObject({
      style: Toast.Style.Success,
      title: "DNS cache flushed",
      message: expect.stringMatching(/^DNS: Failed → Passed · at \d\d:\d\d$/),
    });
    expect(__mock.toasts[0].asHud).toBeUndefined();
    await again.unmount();

    // Shown once: the launch after that is quiet.
    __mock.toasts = [];
    const third = await render(<DnsView host={flushableMac(makeFakeBin())} storage={storage} />);
    await third.waitFor(() => !third.isLoading());
    expect(__mock.toasts).toEqual([]);
    await third.unmount();
  });

  it("cancelling the password prompt changes nothing and says so quietly", async () => {
    const { fake, storage, h } = await renderFlushable();
    const before = h.sections();
    fake.mode("osascript", "cancel-es");
    await h.runAction("Flush DNS Cache", "gsa.apple.com");
    await h.waitFor(() => __mock.huds.at(-1)?.startsWith("Canceled") && !h.isLoading(), { timeoutMs: 10000 });

    expect(__mock.toasts).toEqual([]);
    expect(__mock.huds).toEqual(["Flush DNS Cache: macOS will ask for your password", "Canceled: Nothing was changed"]);
    expect(fake.calls().map(([name]) => name)).toEqual(["osascript"]);
    expect(h.sections()).toEqual(before);
    expect(h.item("gsa.apple.com").accessories.map((a) => a.tag)).not.toContain("Fixed");
    expect(history(storage)).toEqual([
      { fix: "flush-dns", at: expect.any(String), outcome: "cancelled", message: "Canceled" },
    ]);
    await h.unmount();
  });

  it("a failing dscacheutil ends in a failure toast with its reason, rows unchanged", async () => {
    const { fake, storage, h } = await renderFlushable();
    const before = h.sections();
    fake.mode("dscacheutil", "fail");
    await h.runAction("Flush DNS Cache", SYSTEM_FAILS);
    await h.waitFor(() => __mock.huds.at(-1)?.startsWith("Couldn't") && !h.isLoading(), { timeoutMs: 10000 });

    expect(__mock.huds.at(-1)).toBe("Couldn't Flush DNS Cache: dscacheutil: cache flush failed");
    expect(__mock.toasts).toEqual([]);
    // The batch stops at the first failure: no restart of mDNSResponder.
    expect(fake.calls().map(([name]) => name)).toEqual(["osascript", "dscacheutil"]);
    expect(h.sections()).toEqual(before);
    expect(history(storage)).toMatchObject([{ fix: "flush-dns", outcome: "failed" }]);
    await h.unmount();
  });

  it("keeps only icons and titles on the rows while the detail pane is open", async () => {
    const h = await render(<DnsView host={createReplayHost(loadRecording("dns-broken"))} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());
    expect(h.item("appleid.apple.com").accessories.length).toBeGreaterThan(0);
    await h.runAction("Show Details", "appleid.apple.com");
    expect(h.isShowingDetail()).toBe(true);
    for (const item of h.items())
      expect([item.title, item.subtitle, item.accessories]).toEqual([item.title, undefined, []]);
    expect(h.item("appleid.apple.com").detail?.markdown).toContain("| Resolver | Answer | Time |");
    await h.runAction("Hide Details", "appleid.apple.com");
    expect(h.item("appleid.apple.com").subtitle).toBe("Name not found");
    await h.unmount();
  });

  it("copies a short DNS summary with private addresses redacted", async () => {
    // Lookup times come from performance.now(): pinned, the summary is exactly predictable.
    vi.spyOn(performance, "now").mockReturnValue(0);
    const h = await render(<DnsView host={createReplayHost(loadRecording("dns-broken"))} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());

    const copy = h.actions("idmsa.apple.com").find((a) => a.title === "Copy DNS Summary")!;
    expect(copy).toMatchObject({ kind: "CopyToClipboard", keys: "⇧⌘C" });
    const expected = [
      "Apple ID Doctor: DNS",
      "",
      "Resolvers:",
      "- Default: [private-ip], [private-ip]",
      "",
      "Sign-in hosts:",
      "- appleid.apple.com: this Mac: name not found (0 ms); 1.1.1.1: 17.32.194.99, 17.32.194.2 (0 ms); 8.8.8.8: 17.32.194.99, 17.32.194.2 (0 ms)",
      "- idmsa.apple.com: this Mac: name not found (0 ms); 1.1.1.1: 17.32.194.37 (0 ms); 8.8.8.8: 17.32.194.37 (0 ms)",
      "- gsa.apple.com: this Mac: name not found (0 ms); 1.1.1.1: 17.32.194.98 (0 ms); 8.8.8.8: 17.32.194.98 (0 ms)",
      "- setup.icloud.com: this Mac: name not found (0 ms); 1.1.1.1: 17.248.190.66 (0 ms); 8.8.8.8: 17.248.190.66 (0 ms)",
      "- account.apple.com: this Mac: name not found (0 ms); 1.1.1.1: 17.32.194.67 (0 ms); 8.8.8.8: 17.32.194.67 (0 ms)",
      "- appleid.cdn-apple.com: this Mac: name not found (0 ms); 1.1.1.1: 17.253.83.203 (0 ms); 8.8.8.8: 17.253.83.203 (0 ms)",
      "",
      `Verdict: Failed — ${SYSTEM_FAILS}`,
    ].join("\n");
    expect(copy.content).toBe(expected);

    await h.runAction("Copy DNS Summary", "idmsa.apple.com");
    expect(__mock.clipboard).toEqual([expected]);
    // On screen the resolvers are visible; in the copy they are not.
    expect(h.item("10.5.3.211, 10.5.3.210")).toBeDefined();
    for (const secret of ["10.5.3.211", "10.5.3.210", "mcvts.org"]) expect(expected).not.toContain(secret);
    await h.unmount();
  });

  it("lists a VPN's split-DNS resolver with its domain and interface", async () => {
    const h = await render(<DnsView host={createReplayHost(withSplitDns())} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());

    const resolvers = h.sections().find((s) => s.title === "Resolvers")!;
    expect(resolvers.subtitle).toBe("Default + 1 for specific domains");
    expect(resolvers.items.map((i) => [i.title, i.subtitle])).toEqual([
      ["10.5.3.211, 10.5.3.210", "Default for all lookups"],
      ["10.8.0.1", "Only for corp.example via utun4"],
    ]);
    expect(h.item("10.8.0.1")).toMatchObject({
      icon: { source: "Lock", tintColor: Color.PrimaryText },
      accessories: [{ tag: "VPN", color: Color.Purple, tooltip: "Interface utun4" }],
    });
    expect(h.item("All 6 sign-in hosts resolve").accessories).toEqual([{ tag: "Passed", color: Color.Green }]);
    for (const name of HOSTS) expect(h.item(name).icon).toEqual({ source: "CheckCircle", tintColor: Color.Green });

    // The VPN's domain and address are the user's network: hidden in the copy.
    const summary = h.actions("10.8.0.1").find((a) => a.title === "Copy DNS Summary")!.content as string;
    expect(summary).toContain("- Only for [domain] via utun4: [private-ip]");
    expect(summary).not.toContain("corp.example");
    expect(summary).not.toContain("10.8.0.1");
    await h.unmount();
  });

  it("says why when there is nothing to check, and Check Again looks again", async () => {
    const h = await render(<DnsView host={createReplayHost(loadRecording("empty"))} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());
    expect(h.items()).toEqual([]);
    expect(h.emptyView).toMatchObject({ title: "DNS Not Checked", description: "No DNS lookups in the recording" });
    expect(h.actions().map((a) => a.title)).toEqual(
      expect.arrayContaining(["Flush DNS Cache", "Check Again", "Open Network Settings"]),
    );

    await h.runAction("Check Again");
    await h.waitFor(() => !h.isLoading());
    expect(h.emptyView?.title).toBe("DNS Not Checked");
    await h.unmount();
  });

  it("a host that answers with a blocking address is red", async () => {
    const recording = loadRecording("healthy");
    const blocked: Recording = {
      ...recording,
      dns: recording.dns?.map((d) =>
        d.name === "gsa.apple.com" && d.server === "system" ? { ...d, addresses: ["0.0.0.0"] } : d,
      ),
    };
    const h = await render(<DnsView host={createReplayHost(blocked)} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());
    expect(h.item("gsa.apple.com")).toMatchObject({
      subtitle: "0.0.0.0 (blocking address)",
      icon: { source: "XMarkCircle", tintColor: Color.Red },
      accessories: [{ tag: "1.1.1.1 Resolves" }, { tag: "8.8.8.8 Resolves" }, { text: expect.any(String) }],
    });
    expect(h.item("appleid.apple.com").icon).toEqual({ source: "CheckCircle", tintColor: Color.Green });
    expect(h.sections()[0].items[0].title).toMatch(/^Your DNS blocks gsa\.apple\.com/);
    await h.unmount();
  });
});

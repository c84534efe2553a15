// The Verify Clock view over replayed Macs, and Sync Clock end to end:
// the privileged runner spawns fake osascript and sntp for real, while the
// network answers from a recording whose clock is right once sntp has run.
import { Color } from "@raycast/api";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClockView } from "../../src/components/clock-view";
import { offsetInWords } from "../../src/core/clock-words";
import { settingsUrl } from "../../src/core/fixes/open-settings";
import type { KeyValueStorage } from "../../src/core/history";
import { BINARIES } from "../../src/core/host/binaries";
import { createRealHost } from "../../src/core/host/real";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Host } from "../../src/core/host/types";
import { parseSettings } from "../../src/core/settings";
import { DEFAULT_TARGETS, type Targets } from "../../src/core/targets";
import type { FixRecord } from "../../src/core/types";
import VerifyClock from "../../src/verify-clock";
import { __mock } from "../mocks/raycast-api";
import { makeFakeBin, type FakeBin } from "../support/fake-bin";
import { promptsTakeFocus } from "../support/focus";
import { render, type Harness } from "../support/render";

const RECORDINGS = new URL("../fixtures/recordings/", import.meta.url);
const loadRecording = (name: string): Recording =>
  parseRecording(readFileSync(new URL(`${name}.json`, RECORDINGS), "utf8"));

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: async (key) => map.get(key),
    setItem: async (key, value) => void map.set(key, value),
  };
}

const MODERN_DATE_TIME = settingsUrl("open-date-time-settings", 15)!;

async function renderReplay(name: string, targets?: Targets) {
  const storage = memoryStorage();
  const h = await render(
    <ClockView host={createReplayHost(loadRecording(name))} storage={storage} targets={targets} />,
  );
  await h.waitFor(() => !h.isLoading());
  return { h, storage };
}

const diagnosisRow = (h: Harness) => h.sections()[0].items[0];
const rowsIn = (h: Harness, section: string) => h.sections().find((s) => s.title === section)?.items ?? [];

beforeEach(() => __mock.reset());
afterEach(() => __mock.reset());

describe("Verify Clock over recorded Macs", () => {
  it("while checking: every row says Checking…, the first time server is the preference's", async () => {
    const recording = loadRecording("clock-ahead");
    // Every input answers after 200 ms, so the pending state is there to be seen.
    const slow = <T extends object>(entries: T[] | undefined) => entries?.map((e) => ({ ...e, delayMs: 200 }));
    const slowed: Recording = {
      ...recording,
      exec: slow(recording.exec),
      files: slow(recording.files),
      http: slow(recording.http),
      tls: slow(recording.tls),
      ntp: recording.ntp?.map((e) => ({ ...e, waitMs: 200 })),
    };
    const targets = parseSettings({ ntpServer: "ntp.example.org" }).targets;
    const h = await render(<ClockView host={createReplayHost(slowed)} storage={memoryStorage()} targets={targets} />);
    expect(h.isLoading()).toBe(true);
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(h.sections().map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ["Diagnosis", ["Checking…"]],
      ["Time Servers", ["ntp.example.org"]],
      [
        "Settings",
        ["Time Zone", "Set Time Zone Automatically", "Set Time and Date Automatically", "Time Daemon", "Time Server"],
      ],
    ]);
    for (const item of h.items().slice(1)) {
      expect(item.accessories).toEqual([{ tag: "Checking…", color: Color.SecondaryText }]);
    }
    // Nothing half-measured to copy yet; Check Again and the fixes are there.
    expect(h.actions("Time Zone").map((a) => a.title)).toEqual([
      "Check Again",
      "Sync Clock",
      "Open Date & Time Settings",
      "Show Details",
    ]);
    await h.unmount();
  });

  it("clock-ahead: the top row says 9 min 1 s ahead, and Sync Clock comes first", async () => {
    const { h } = await renderReplay("clock-ahead");
    expect(diagnosisRow(h)).toMatchObject({
      id: "cause-clock-skew",
      title: "Clock Is Off",
      subtitle: "Your clock is 9 min 1 s ahead of time.apple.com",
      icon: { source: "XMarkCircle", tintColor: Color.Red },
    });
    expect(diagnosisRow(h).detail?.markdown).toContain("Apple's servers reject sign-ins when the clock is off");

    const actions = h.actions("Clock Is Off");
    expect(actions.map((a) => [a.title, a.keys, a.section])).toEqual([
      ["Sync Clock", "⌘T", "Fix"],
      ["Open Date & Time Settings", "⌘O", "Fix"],
      ["Copy Clock Summary", "⇧⌘C", undefined],
      ["Check Again", "⌘R", undefined],
      ["Show Details", "⌘D", undefined],
    ]);
    // macOS 15 in the recording: System Settings' extension URL.
    expect(actions[1]).toMatchObject({ kind: "Open", target: MODERN_DATE_TIME });
    // Every row shares the panel.
    expect(h.actions("Time Zone")[0].title).toBe("Sync Clock");

    expect(rowsIn(h, "Time Servers")).toEqual([
      expect.objectContaining({
        title: "time.apple.com",
        subtitle: "9 min 1 s ahead",
        accessories: [
          { tag: "NTP", color: Color.Blue },
          { text: "31 ms", tooltip: "Round trip" },
        ],
      }),
      expect.objectContaining({
        title: "HTTP Cross-Check",
        subtitle: "Not needed: the HTTP date is only read when NTP is blocked",
        accessories: [{ tag: "Not Used", color: Color.SecondaryText }],
      }),
    ]);
    expect(h.item("time.apple.com").detail?.metadata).toEqual([
      { kind: "label", title: "Server", text: "time.apple.com" },
      { kind: "label", title: "Source", text: "NTP" },
      { kind: "label", title: "Offset", text: "-541000 ms (server minus this Mac)" },
      { kind: "label", title: "Precision", text: "±16 ms" },
      { kind: "label", title: "Round Trip", text: "31 ms" },
    ]);
    expect(rowsIn(h, "Settings").map((i) => [i.title, i.subtitle, i.accessories, i.icon])).toEqual([
      ["Time Zone", undefined, [{ text: "Europe/Berlin" }], "Globe"],
      ["Set Time Zone Automatically", undefined, [{ text: "On" }], "Geopin"],
      ["Set Time and Date Automatically", undefined, [{ text: "On" }], "Clock"],
      ["Time Daemon", "timed", [{ text: "Running" }], "Clock"],
      ["Time Server", undefined, [{ text: "time.apple.com" }], "Network"],
    ]);
    await h.unmount();
  });

  it("healthy: Clock Is Right, nothing red, and Copy Clock Summary first", async () => {
    const { h } = await renderReplay("healthy");
    expect(h.sections()[0].items).toHaveLength(1);
    expect(diagnosisRow(h)).toMatchObject({
      title: "Clock Is Right",
      subtitle: "Within 12 ms of time.apple.com",
      icon: { source: "CheckCircle", tintColor: Color.Green },
    });
    expect(JSON.stringify(h.items())).not.toContain(Color.Red);
    expect(h.item("time.apple.com")).toMatchObject({
      subtitle: "Within 12 ms",
      icon: { source: "CheckCircle", tintColor: Color.Green },
    });
    expect(h.actions("Clock Is Right").map((a) => a.title)).toEqual([
      "Copy Clock Summary",
      "Check Again",
      "Sync Clock",
      "Open Date & Time Settings",
      "Show Details",
    ]);
    await h.unmount();
  });

  it("ntp-blocked: a row per unanswered NTP server, then the HTTP date fallback, ±1 s", async () => {
    const { h } = await renderReplay("ntp-blocked");
    expect(diagnosisRow(h)).toMatchObject({
      title: "Clock Is Off",
      subtitle: "Your clock is 3 h behind captive.apple.com (from an HTTP date, ±1 s)",
    });
    const rows = rowsIn(h, "Time Servers");
    expect(rows.map((r) => [r.title, r.subtitle, r.accessories[0]?.tag])).toEqual([
      ["time.apple.com", "No answer over NTP: timed out", "NTP"],
      ["time-macos.apple.com", "No answer over NTP: timed out", "NTP"],
      ["captive.apple.com", "3 h behind", "HTTP date, ±1 s"],
      ["HTTP Cross-Check", "Used because NTP didn't answer: captive.apple.com's date header, ±1 s", "In Use"],
    ]);
    // The evidence, verbatim, behind the cross-check row.
    const markdown = h.item("HTTP Cross-Check").detail?.markdown ?? "";
    expect(markdown).toContain("(from an HTTP date, ±1 s)");
    expect(markdown).toContain("time.apple.com (NTP): timed out");
    expect(h.item("captive.apple.com").detail?.metadata).toContainEqual({
      kind: "label",
      title: "Precision",
      text: "±1 s",
    });
    await h.unmount();
  });

  it("clock-year-ahead: the diagnosis is clock-skew, not HTTPS inspection", async () => {
    const { h } = await renderReplay("clock-year-ahead");
    const top = diagnosisRow(h);
    expect(top).toMatchObject({
      id: "cause-clock-skew",
      title: "Clock Is Off",
      subtitle: `Your clock is ${offsetInWords(-400 * 86_400_000, "time.apple.com")}`,
    });
    expect(top.keywords).toContain("clock-skew");
    // The certificates' evidence backs it, and explains them away.
    expect(top.detail?.markdown).toContain("appleid.apple.com: CERT_HAS_EXPIRED");
    expect(h.sections()[0].items.map((i) => i.title)).toEqual(["Clock Is Off"]);
    await h.unmount();
  });

  it("nothing recorded: the reasons, not empty rows, and no verdict it can't back", async () => {
    const { h } = await renderReplay("empty");
    expect(diagnosisRow(h)).toMatchObject({
      title: "Couldn't Check Clock",
      subtitle: "No time measurement in the recording",
    });
    expect(rowsIn(h, "Time Servers").map((r) => [r.title, r.subtitle, r.accessories[0].tag])).toEqual([
      ["Clock", "No time measurement in the recording", "Skipped"],
    ]);
    expect(rowsIn(h, "Settings").map((r) => [r.title, r.subtitle, r.accessories[0].tag])).toEqual([
      ["Date & Time Settings", "No time settings in the recording", "Skipped"],
    ]);
    await h.unmount();
  });

  it("copies the clock summary exactly", async () => {
    const { h } = await renderReplay("clock-ahead");
    await h.runAction("Copy Clock Summary", "Clock Is Off");
    expect(__mock.clipboard).toEqual([
      [
        "Apple ID Doctor: clock check",
        "Verdict: Clock Is Off: your clock is 9 min 1 s ahead of time.apple.com",
        "Offset: 9 min 1 s ahead (-541000 ms, server minus this Mac, ±16 ms)",
        "Server: time.apple.com (NTP)",
        "Round trip: 31 ms",
        "Time zone: Europe/Berlin",
        "Set time zone automatically: on",
        "Set time and date automatically: on",
        "Time daemon (timed): running",
        "Time server setting: time.apple.com",
      ].join("\n"),
    ]);
    await h.unmount();
  });

  it("Check Again runs the probes again; ⌘D shows the evidence", async () => {
    let ntpQueries = 0;
    const replay = createReplayHost(loadRecording("healthy"));
    const host: Host = { ...replay, ntp: (server, o) => (ntpQueries++, replay.ntp(server, o)) };
    const h = await render(<ClockView host={host} storage={memoryStorage()} />);
    await h.waitFor(() => !h.isLoading());
    expect(ntpQueries).toBe(1);
    await h.runAction("Check Again", "Clock Is Right");
    await h.waitFor(() => !h.isLoading());
    expect(ntpQueries).toBe(2);

    expect(h.isShowingDetail()).toBe(false);
    await h.runAction("Show Details", "Time Zone");
    expect(h.isShowingDetail()).toBe(true);
    expect(h.item("Time Zone").detail?.markdown).toContain("Time daemon (timed): running");
    // With the pane open every row keeps its icon and title only; hidden again, they are back.
    for (const item of h.items())
      expect([item.title, item.subtitle, item.accessories]).toEqual([item.title, undefined, []]);
    await h.runAction("Hide Details", "Time Zone");
    expect(h.item("Time Zone").accessories).not.toEqual([]);
    await h.unmount();
  });
});

// ---------------------------------------------------------------------------
// Sync Clock, end to end

const NO_TOUCH_ID = "auth       sufficient     pam_smartcard.so\nauth       required       pam_opendirectory.so\n";

/** What Sync Clock spawns; every other binary answers from the recording. */
const SPAWNED = new Set(["osascript", "sudo", "sntp"]);

/**
 * The recording for the network and files, the real host spawning the fake
 * executables Sync Clock runs. NTP answers from the recording (a server it lacks answers
 * like time.apple.com) until the fake sntp has run; after that the clock is
 * 4 ms off. PAM has no Touch ID, so the password path (osascript) runs.
 */
function syncingHost(recording: Recording, fake: FakeBin) {
  const replay = createReplayHost(recording);
  const real = createRealHost({ platform: "darwin" });
  const recorded = new Set(recording.ntp?.map((e) => e.server));
  const ntpAsked: string[] = [];
  const synced = () => fake.calls().some((call) => call[0] === "sntp");
  // The probes' reads (defaults, pgrep, sw_vers...) answer from the recording under their real paths.
  const recordedPath = (file: string) =>
    Object.values(BINARIES).find((path) => basename(path) === basename(file)) ?? file;
  const host: Host = {
    ...replay,
    exec: (command, options) =>
      SPAWNED.has(basename(command[0] ?? "")) && command[0]?.startsWith(`${fake.dir}/`)
        ? real.exec(command, options)
        : replay.exec([recordedPath(command[0] ?? ""), ...command.slice(1)], options),
    readFile: async (path) => (path.startsWith("/etc/pam.d/") ? { text: NO_TOUCH_ID } : replay.readFile(path)),
    ntp: async (server, options) => {
      ntpAsked.push(server);
      if (synced()) return { offsetMs: 4, delayMs: 29 };
      return replay.ntp(recorded.has(server) ? server : "time.apple.com", options);
    },
  };
  return { host, ntpAsked };
}

async function renderSyncing(targets?: Targets) {
  const fake = makeFakeBin();
  const { host, ntpAsked } = syncingHost(loadRecording("clock-ahead"), fake);
  const storage = memoryStorage();
  const h = await render(
    <ClockView host={promptsTakeFocus(host)} storage={storage} targets={targets} binaries={fake.bin} />,
  );
  await h.waitFor(() => !h.isLoading());
  return { h, fake, storage, ntpAsked };
}

const history = (storage: { map: Map<string, string> }): FixRecord[] =>
  JSON.parse(storage.map.get("fix-history") ?? "[]");

const PROMPT = (server: string) =>
  `Apple ID Doctor wants to set this Mac's clock from ${server}, because Apple's servers reject sign-ins when the clock is off.`;

describe("Sync Clock", () => {
  it("asks once for the password, runs sntp -sS time.apple.com, and shows before → after", async () => {
    const { h, fake, storage } = await renderSyncing();
    expect(diagnosisRow(h).title).toBe("Clock Is Off");

    await h.runAction("Sync Clock", "Clock Is Off");
    await h.waitFor(() => diagnosisRow(h).title === "Clock Is Right" && !h.isLoading());

    expect(fake.calls()).toEqual([
      [
        "osascript",
        "-e",
        "on run argv",
        "-e",
        "do shell script (item 1 of argv) with prompt (item 2 of argv) with administrator privileges without altering line endings",
        "-e",
        "end run",
        "--",
        `'${fake.dir}/sntp' '-sS' 'time.apple.com'`,
        PROMPT("time.apple.com"),
      ],
      ["sntp", "-sS", "time.apple.com"],
    ]);

    const message = "Clock set from time.apple.com (it was within 172 ms of time.apple.com)";
    expect(__mock.toasts).toEqual([]);
    expect(__mock.huds).toEqual(["Sync Clock: macOS will ask for your password", `${message}: Clock: Failed → Passed`]);

    // After: measured again, right now, and what it was.
    expect(diagnosisRow(h)).toMatchObject({
      title: "Clock Is Right",
      subtitle: "Within 4 ms of time.apple.com",
      accessories: [{ text: "Was 9 min 1 s ahead", icon: "Clock", tooltip: "Before Sync Clock" }],
    });
    expect(h.item("time.apple.com")).toMatchObject({ subtitle: "Within 4 ms" });
    expect(h.actions("Clock Is Right")[0].title).toBe("Copy Clock Summary");
    await h.runAction("Copy Clock Summary", "Clock Is Right");
    expect(String(__mock.clipboard.at(-1))).toContain("Before Sync Clock: 9 min 1 s ahead (time.apple.com)");

    expect(history(storage)).toEqual([{ fix: "sync-clock", at: expect.any(String), outcome: "done", message }]);

    // A fresh check forgets the before.
    await h.runAction("Check Again", "Clock Is Right");
    await h.waitFor(() => !h.isLoading());
    expect(diagnosisRow(h).accessories).toEqual([]);
    await h.unmount();
  });

  it("uses the time server from preferences, as one argv element", async () => {
    const targets = parseSettings({ ntpServer: "ntp.example.org" }).targets;
    expect(targets.ntpServers).toEqual(["ntp.example.org", ...DEFAULT_TARGETS.ntpServers]);
    const { h, fake, ntpAsked } = await renderSyncing(targets);
    expect(ntpAsked).toEqual(["ntp.example.org"]);
    expect(diagnosisRow(h).subtitle).toBe("Your clock is 9 min 1 s ahead of ntp.example.org");
    // macOS itself uses time.apple.com: the row says which one Sync Clock uses.
    expect(h.item("Time Server")).toMatchObject({
      subtitle: "Sync Clock uses ntp.example.org",
      accessories: [{ text: "time.apple.com" }],
    });

    await h.runAction("Sync Clock", "Clock Is Off");
    await h.waitFor(() => diagnosisRow(h).title === "Clock Is Right" && !h.isLoading());
    expect(
      fake
        .calls()
        .find((c) => c[0] === "osascript")
        ?.at(-2),
    ).toBe(`'${fake.dir}/sntp' '-sS' 'ntp.example.org'`);
    expect(fake.calls().filter((c) => c[0] === "sntp")).toEqual([["sntp", "-sS", "ntp.example.org"]]);
    expect(__mock.huds.at(-1)).toMatch(
      /^Clock set from ntp\.example\.org \(it was within 172 ms of ntp\.example\.org\)/,
    );
    await h.unmount();
  });

  it("a cancelled password prompt: a quiet Canceled HUD, and nothing else ran", async () => {
    const { h, fake, storage, ntpAsked } = await renderSyncing();
    fake.mode("osascript", "cancel-es");
    const asked = ntpAsked.length;

    await h.runAction("Sync Clock", "Clock Is Off");
    await h.waitFor(() => __mock.huds.at(-1)?.startsWith("Canceled") && !h.isLoading());

    expect(__mock.toasts).toEqual([]);
    expect(__mock.huds).toEqual(["Sync Clock: macOS will ask for your password", "Canceled: Nothing was changed"]);
    expect(fake.calls().map((c) => c[0])).toEqual(["osascript"]);
    // No re-measure, no before → after: the screen is as it was.
    expect(ntpAsked).toHaveLength(asked);
    expect(diagnosisRow(h)).toMatchObject({ title: "Clock Is Off", accessories: [] });
    expect(history(storage)).toEqual([
      { fix: "sync-clock", at: expect.any(String), outcome: "cancelled", message: "Canceled" },
    ]);
    await h.unmount();
  });
});

describe("the Verify Clock command", () => {
  it("wires the real host and the time server preference", async () => {
    // Tests keep the real host on loopback: every time server refuses at once, in the preference's order.
    __mock.preferences = { ntpServer: "ntp.example.org" };
    const h = await render(<VerifyClock />);
    await h.waitFor(() => !h.isLoading());
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(rowsIn(h, "Time Servers")[0]).toMatchObject({
      title: "ntp.example.org",
      subtitle: expect.stringMatching(/^No answer over NTP: /),
    });
    await h.unmount();
  });
});

// The Run Full Checklist view, driven two ways: fake probes whose promises the
// test settles one by one (to see each state a person sees), and the real
// probes over replayed recordings (to see real findings end to end).
import { Color, Toast } from "@raycast/api";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChecklistView } from "../../src/components/checklist-view";
import { CAUSE_TITLES } from "../../src/core/cause-titles";
import { diagnose } from "../../src/core/diagnose";
import { FIX_TITLES } from "../../src/core/fix-titles";
import { fixById } from "../../src/core/fixes";
import { settingsUrl } from "../../src/core/fixes/open-settings";
import type { KeyValueStorage } from "../../src/core/history";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { ProbeId } from "../../src/core/ids";
import { AREA_TITLES, CHECKLIST_PROBES, type Area, type Probe } from "../../src/core/probes";
import { buildReport } from "../../src/core/report";
import type { Finding, FixRecord, ProbeResult } from "../../src/core/types";
import { APP_VERSION } from "../../src/core/version";
import { __mock } from "../mocks/raycast-api";
import { render, type Harness } from "../support/render";

const RECORDINGS = new URL("../fixtures/recordings/", import.meta.url);
const loadRecording = (name: string): Recording =>
  parseRecording(readFileSync(new URL(`${name}.json`, RECORDINGS), "utf8"));

/** Every input answers after `ms`, so the pending state is there to be seen. */
function slowed(recording: Recording, ms: number): Recording {
  const slow = <T extends object>(entries: T[] | undefined) => entries?.map((entry) => ({ ...entry, delayMs: ms }));
  return {
    ...recording,
    exec: slow(recording.exec),
    http: slow(recording.http),
    dns: slow(recording.dns),
    tcp: slow(recording.tcp),
    tls: slow(recording.tls),
    files: slow(recording.files),
    // For NTP delayMs is the round trip; the replay wait is waitMs.
    ntp: recording.ntp?.map((entry) => ({ ...entry, waitMs: ms })),
  };
}

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  return {
    getItem: async (key) => map.get(key),
    setItem: async (key, value) => void map.set(key, value),
  };
}

// ---------------------------------------------------------------------------
// Fake probes: each run() waits for the test to settle it.

interface Deferred {
  resolve(result: ProbeResult): void;
  reject(error: unknown): void;
}

function fakeProbes(specs: Array<{ id: ProbeId; title: string; area: Area }>) {
  const waiting = new Map<ProbeId, Deferred[]>();
  const signals = new Map<ProbeId, AbortSignal[]>();
  const probes: Probe[] = specs.map((spec) => ({
    ...spec,
    run: ({ signal }) =>
      new Promise<ProbeResult>((resolve, reject) => {
        signals.set(spec.id, [...(signals.get(spec.id) ?? []), signal]);
        waiting.set(spec.id, [...(waiting.get(spec.id) ?? []), { resolve, reject }]);
      }),
  }));
  /** The latest run of a probe (a re-run starts a new one). */
  const latest = (id: ProbeId): Deferred => {
    const runs = waiting.get(id);
    if (!runs?.length) throw new Error(`${id} has not started`);
    return runs.at(-1)!;
  };
  return { probes, latest, signals, runs: (id: ProbeId) => waiting.get(id)?.length ?? 0 };
}

const SPECS: Array<{ id: ProbeId; title: string; area: Area }> = [
  { id: "dns", title: "DNS", area: "network" },
  { id: "apple-hosts", title: "Apple Sign-In Servers", area: "apple" },
  { id: "firewall", title: "Firewall", area: "security" },
  { id: "vpn", title: "VPN", area: "network" },
];

const EMAIL = "jane.doe@example.com";

const RESULTS: Record<string, ProbeResult> = {
  dns: {
    status: "fail",
    summary: "This Mac's DNS can't find appleid.apple.com, but 1.1.1.1 can",
    details: ["Resolvers in use: 10.5.3.211", "appleid.apple.com: system name not found · 1.1.1.1 17.32.194.99"],
    fixes: ["flush-dns", "open-network-settings"],
  },
  "apple-hosts": {
    status: "fail",
    summary: "Can't reach any Apple sign-in server (name not found)",
    details: ["appleid.apple.com:443 name not found"],
    fixes: [],
  },
  vpn: {
    status: "warn",
    summary: `VPN connected: ${EMAIL} home VPN. If sign-in fails, try once with it off`,
    details: [`${EMAIL} home VPN (VPN: com.wireguard.macos): Connected`],
    fixes: ["open-vpn-settings"],
    identifiers: [{ value: `${EMAIL} home VPN`, kind: "vpn" }],
  },
};

const HISTORY: FixRecord[] = [{ fix: "flush-dns", at: "2026-11-21T09:55:00.000Z", outcome: "done" }];

/** A clock that starts at the recording's time and moves 812 ms per reading. */
function steppingClock(start = Date.parse("2026-11-21T10:00:00.000Z"), step = 812) {
  let reads = 0;
  return () => new Date(start + step * reads++);
}

const tagOf = (h: Harness, title: string) => h.item(title).accessories[0];

beforeEach(() => __mock.reset());
afterEach(() => vi.restoreAllMocks());

describe("Run Full Checklist with controlled probes", () => {
  async function setup() {
    const fake = fakeProbes(SPECS);
    const storage = memoryStorage({ "fix-history": JSON.stringify(HISTORY) });
    const host = createReplayHost(loadRecording("empty"));
    const h = await render(<ChecklistView host={host} probes={fake.probes} storage={storage} now={steppingClock()} />);
    // The runner starts probes one per turn of the event loop.
    await h.waitFor(() => SPECS.every((spec) => fake.runs(spec.id) >= 1));
    return { ...fake, h, host };
  }

  it("lists every probe at once as pending, grouped by area in order", async () => {
    const { h } = await setup();
    expect(h.isLoading()).toBe(true);
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(h.isShowingDetail()).toBe(false);
    // AREA_TITLES order (Apple Services, Network, Certificates & Filtering), probes' order within.
    expect(h.sections().map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      [AREA_TITLES.apple, ["Apple Sign-In Servers"]],
      [AREA_TITLES.network, ["DNS", "VPN"]],
      [AREA_TITLES.security, ["Firewall"]],
    ]);
    for (const item of h.items()) {
      expect(item.accessories).toEqual([{ tag: "Checking…", color: Color.SecondaryText }]);
      expect(item.subtitle).toBeUndefined();
    }
    expect(__mock.toasts).toEqual([
      { id: expect.any(Number), style: Toast.Style.Animated, title: "Running checklist…" },
    ]);
    // No report to copy from a run that has not finished.
    expect(h.actions("DNS").map((a) => a.title)).not.toContain("Copy Support Summary");
    await h.unmount();
  });

  it("fills rows in as probes settle; a probe that throws is an Error row", async () => {
    const { h, latest } = await setup();

    await h.act(() => latest("dns").resolve(RESULTS.dns));
    await h.waitFor(() => tagOf(h, "DNS").tag === "Failed");
    expect(h.item("DNS")).toMatchObject({
      subtitle: RESULTS.dns.summary,
      icon: { source: "XMarkCircle", tintColor: Color.Red },
      accessories: [{ tag: "Failed", color: Color.Red }, { text: expect.stringMatching(/^\d+ ms$/) }],
    });
    expect(h.item("DNS").detail?.markdown).toContain("appleid.apple.com: system name not found");
    expect(h.item("DNS").detail?.metadata).toContainEqual({
      kind: "tags",
      title: "Fixes",
      tags: [{ text: "Flush DNS Cache" }, { text: "Open Network Settings" }],
    });
    // The others are still running.
    expect(tagOf(h, "VPN").tag).toBe("Checking…");
    expect(h.isLoading()).toBe(true);

    await h.act(() => latest("firewall").reject(new Error("socketfilterfw exploded")));
    await h.waitFor(() => tagOf(h, "Firewall").tag === "Error");
    expect(h.item("Firewall")).toMatchObject({
      subtitle: "The check itself failed: socketfilterfw exploded",
      icon: { source: "Bug", tintColor: Color.Purple },
    });
    expect(h.view()).toBe("List");
    await h.unmount();
  });

  it("puts the Diagnosis first when done, toasts the totals, and copies the exact redacted report", async () => {
    // Durations come from performance.now(); pinning it makes the findings exactly predictable.
    vi.spyOn(performance, "now").mockReturnValue(0);
    const { h, latest, host } = await setup();
    await h.act(() => {
      latest("dns").resolve(RESULTS.dns);
      latest("apple-hosts").resolve(RESULTS["apple-hosts"]);
      latest("vpn").resolve(RESULTS.vpn);
      latest("firewall").reject(new Error("socketfilterfw exploded"));
    });
    await h.waitFor(() => !h.isLoading());

    const sections = h.sections();
    expect(sections[0].title).toBe("Diagnosis");
    expect(sections.slice(1).map((s) => s.title)).toEqual([
      AREA_TITLES.apple,
      AREA_TITLES.network,
      AREA_TITLES.security,
    ]);

    // What the run found, rebuilt from what each probe returned. The crash's
    // stack lines are the one detail a test cannot predict: read them back.
    const findings: Finding[] = SPECS.map((spec) => {
      const base = { probe: spec.id, title: spec.title, durationMs: 0 };
      if (spec.id !== "firewall") return { ...base, ...RESULTS[spec.id] };
      const summary = "The check itself failed: socketfilterfw exploded";
      return { ...base, status: "error", summary, details: crashDetails(h), fixes: [] };
    });
    const causes = diagnose(findings);
    // Ranking is diagnose()'s business (tested there); the view shows its order.
    const causeTitles = causes.map((c) => CAUSE_TITLES[c.cause]);
    expect(sections[0].items.map((i) => i.title)).toEqual(causeTitles);

    expect(__mock.toasts.map(({ style, title }) => ({ style, title }))).toEqual([
      { style: Toast.Style.Animated, title: "Running checklist…" },
      { style: Toast.Style.Success, title: "4 checks, 3 problems" },
    ]);
    expect(__mock.toasts[1].message).toBe(`Most likely: ${causeTitles[0]}`);

    // Each cause offers its fixes in order: open-* ones open their page, the rest run.
    causes.forEach((cause, i) => {
      const fixActions = h.actions(causeTitles[i]).filter((a) => a.section === "Fix");
      const available = cause.fixes.filter((fix) => settingsUrl(fix) || fixById(fix));
      expect(fixActions.map((a) => [a.title, a.target ?? a.url])).toEqual(
        available.map((fix) => [FIX_TITLES[fix], settingsUrl(fix)]),
      );
    });

    const copy = h.actions(causeTitles[0]).find((a) => a.title === "Copy Support Summary")!;
    expect(copy).toMatchObject({ kind: "CopyToClipboard", keys: "⇧⌘C", section: "Report" });
    const content = copy.content as string;
    const expected = buildReport(
      {
        findings,
        causes,
        history: HISTORY,
        startedAt: new Date("2026-11-21T10:00:00.000Z"),
        durationMs: 812,
        platform: host.platform,
        appVersion: APP_VERSION,
      },
      { format: "plain", redact: true },
    );
    expect(content).toBe(expected);
    expect(content).not.toContain(EMAIL);
    expect(content).toContain("Flush DNS Cache");

    const markdown = h.actions("DNS").find((a) => a.title === "Copy as Markdown")!.content as string;
    expect(markdown).not.toContain(EMAIL);
    expect(markdown.startsWith("# ")).toBe(true);

    await h.runAction("Copy Support Summary", "DNS");
    expect(__mock.clipboard).toEqual([expected]);
    await h.unmount();
  });

  it("Run Checklist Again resets every row to pending and runs again", async () => {
    const { h, latest, runs } = await setup();
    await h.act(() => SPECS.forEach((spec) => latest(spec.id).resolve(RESULTS[spec.id] ?? RESULTS.dns)));
    await h.waitFor(() => !h.isLoading());
    expect(h.actions("DNS").find((a) => a.title === "Run Checklist Again")?.keys).toBe("⌘R");

    await h.runAction("Run Checklist Again", "DNS");
    await h.waitFor(() => SPECS.every((spec) => runs(spec.id) === 2));
    expect(h.isLoading()).toBe(true);
    expect(h.sections()[0].title).not.toBe("Diagnosis");
    expect(h.items().every((item) => item.accessories[0].tag === "Checking…")).toBe(true);

    await h.act(() =>
      SPECS.forEach((spec) => latest(spec.id).resolve({ status: "pass", summary: "Fine", details: [], fixes: [] })),
    );
    await h.waitFor(() => !h.isLoading());
    expect(h.sections()[0].items.map((i) => i.title)).toEqual(["No Problems Found"]);
    expect(
      h
        .items()
        .filter((i) => i.section !== "Diagnosis")
        .every((i) => i.accessories[0].tag === "Passed"),
    ).toBe(true);
    expect(__mock.toasts.map((t) => t.title)).toEqual([
      "Running checklist…",
      expect.stringMatching(/^4 checks, \d problems?$/),
      "Running checklist…",
      "4 checks, 0 problems",
    ]);
    await h.unmount();
  });

  it("a late result from an abandoned run never lands in the new one", async () => {
    const { h, latest } = await setup();
    const first = latest("dns");
    await h.runAction("Run Checklist Again", "DNS");
    await h.act(() => first.resolve(RESULTS.dns));
    expect(tagOf(h, "DNS").tag).toBe("Checking…");
    await h.unmount();
  });

  it("a re-run cancels the probes of the run it abandons; closing the command cancels the rest", async () => {
    const { h, signals } = await setup();
    await h.runAction("Run Checklist Again", "DNS");
    await h.waitFor(() => SPECS.every((spec) => signals.get(spec.id)?.length === 2));
    for (const spec of SPECS) {
      expect(signals.get(spec.id)!.map((signal) => signal.aborted)).toEqual([true, false]);
    }
    await h.unmount();
    for (const spec of SPECS) expect(signals.get(spec.id)![1].aborted).toBe(true);
  });

  it("a probe past the deadline becomes an Error row and the rest are kept", async () => {
    const fake = fakeProbes(SPECS);
    const h = await render(
      <ChecklistView
        host={createReplayHost(loadRecording("empty"))}
        probes={fake.probes}
        storage={memoryStorage()}
        deadlineMs={100}
      />,
    );
    await h.waitFor(() => fake.runs("dns") >= 1);
    await h.act(() => fake.latest("dns").resolve(RESULTS.dns));
    await h.waitFor(() => !h.isLoading());
    expect(tagOf(h, "DNS").tag).toBe("Failed");
    expect(h.item("VPN")).toMatchObject({
      subtitle: "Did not finish within 0.1 s",
      accessories: [{ tag: "Error" }, {}],
    });
    await h.unmount();
  });

  it("when the run itself breaks: a failure toast, and no row left pretending to check", async () => {
    const fake = fakeProbes(SPECS);
    const brokenClock = () => {
      throw new Error("clock unavailable");
    };
    const h = await render(
      <ChecklistView
        host={createReplayHost(loadRecording("empty"))}
        probes={fake.probes}
        storage={memoryStorage()}
        now={brokenClock}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    expect(__mock.lastToast()).toMatchObject({
      style: Toast.Style.Failure,
      title: "Couldn't Run Checklist",
      message: "clock unavailable",
    });
    expect(h.items().every((item) => item.accessories[0].tag === "Error")).toBe(true);
    expect(h.item("DNS").subtitle).toContain("clock unavailable");
    await h.unmount();
  });

  it("toggles the detail pane, which hides the rows' subtitles and tags while it is open", async () => {
    const { h, latest } = await setup();
    await h.act(() => latest("dns").resolve(RESULTS.dns));
    await h.waitFor(() => h.item("DNS").subtitle);
    expect(h.actions("DNS").find((a) => a.title === "Show Details")?.keys).toBe("⌘D");
    await h.runAction("Show Details", "DNS");
    expect(h.isShowingDetail()).toBe(true);
    for (const item of h.items()) {
      expect(item.subtitle, item.title).toBeUndefined();
      expect(item.accessories, item.title).toEqual([]);
    }
    expect(h.item("DNS").detail?.markdown).toContain(RESULTS.dns.summary);
    await h.runAction("Hide Details", "DNS");
    expect(h.isShowingDetail()).toBe(false);
    expect(h.item("DNS")).toMatchObject({ subtitle: RESULTS.dns.summary, accessories: [{ tag: "Failed" }, {}] });
    await h.unmount();
  });
});

/** The crash details exactly as the run recorded them, read back from the row's evidence block. */
function crashDetails(h: Harness): string[] {
  const markdown = h.item("Firewall").detail!.markdown!;
  const block = markdown.split("### Evidence")[1]!.trim().split("\n");
  return [block.slice(1, -1).join("\n")];
}

describe("Run Full Checklist over replayed Macs", () => {
  const titleOf = (id: ProbeId) => CHECKLIST_PROBES.find((p) => p.id === id)!.title;

  it("shows pending rows first, then the recording's findings with the diagnosis on top", async () => {
    const h = await render(
      <ChecklistView
        host={createReplayHost(slowed(loadRecording("dns-broken"), 30))}
        probes={CHECKLIST_PROBES}
        storage={memoryStorage()}
      />,
    );
    expect(h.items()).toHaveLength(CHECKLIST_PROBES.length);
    expect(h.items().every((item) => item.accessories[0].tag === "Checking…")).toBe(true);
    const areaOrder = Object.values(AREA_TITLES);
    const titles = h.sections().map((s) => s.title!);
    expect([...titles].sort((a, b) => areaOrder.indexOf(a) - areaOrder.indexOf(b))).toEqual(titles);

    await h.waitFor(() => !h.isLoading());
    expect(h.sections()[0].title).toBe("Diagnosis");
    expect(h.sections()[0].items[0]).toMatchObject({ title: "DNS Problem", accessories: [{ tag: "High Confidence" }] });
    expect(tagOf(h, titleOf("dns"))).toEqual({ tag: "Failed", color: Color.Red });
    expect(tagOf(h, titleOf("internet"))).toEqual({ tag: "Passed", color: Color.Green });
    expect(h.items().some((item) => item.accessories[0].tag === "Checking…")).toBe(false);
    await h.unmount();
  });

  it("binds ↵ to a diagnosis row's first fix and ⌘↵ to its second, each once", async () => {
    const h = await render(
      <ChecklistView
        host={createReplayHost(loadRecording("dns-broken"))}
        probes={CHECKLIST_PROBES}
        storage={memoryStorage()}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    // actions() throws when a key combination reaches two actions.
    const bound = h.actions("DNS Problem").map((a) => [a.title, a.defaultKeys, a.keys]);
    expect(bound.slice(0, 2)).toEqual([
      [FIX_TITLES["flush-dns"], "↩", undefined],
      [FIX_TITLES["open-network-settings"], "⌘↩", undefined],
    ]);
    for (const cause of h.sections()[0].items) expect(() => h.actions(cause.title)).not.toThrow();
    await h.unmount();
  });

  it("with identifiers switched on, copied reports stay out of clipboard history", async () => {
    const h = await render(
      <ChecklistView
        host={createReplayHost(loadRecording("with-identifiers"))}
        probes={CHECKLIST_PROBES}
        storage={memoryStorage()}
        redact={false}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    const row = h.sections()[0].items[0].title;
    const copies = h.actions(row).filter((a) => a.kind === "CopyToClipboard");
    expect(copies.map((a) => [a.title, a.concealed])).toEqual([
      ["Copy Support Summary", true],
      ["Copy as Markdown", true],
    ]);
    expect(copies[0].content).toContain(EMAIL);
    await h.runAction("Copy Support Summary", row);
    expect(__mock.clipboard).toHaveLength(1);
    expect(__mock.clipboardHistory).toEqual([]);
    await h.unmount();
  });

  it("never copies the identifiers a Mac reported", async () => {
    const h = await render(
      <ChecklistView
        host={createReplayHost(loadRecording("with-identifiers"))}
        probes={CHECKLIST_PROBES}
        storage={memoryStorage()}
        reportContext={{ userName: "jane", homeDir: "/Users/jane" }}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    const actions = h.actions(h.sections()[0].items[0].title);
    for (const title of ["Copy Support Summary", "Copy as Markdown"]) {
      const content = actions.find((a) => a.title === title)!.content as string;
      expect(content).toContain("Apple ID Doctor");
      for (const secret of [
        EMAIL,
        "C02XL0GUJGH5",
        "1234567890",
        "a4:83:e7:12:34:56",
        "proxy.corp-example.net",
        "/Users/jane",
      ]) {
        expect(content, `${title} leaks ${secret}`).not.toContain(secret);
      }
    }
    await h.unmount();
  });
});

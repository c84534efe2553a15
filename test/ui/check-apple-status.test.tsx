// Check Apple Status over replayed feeds: the real captures in test/fixtures
// and scenarios.appleOutage(), with a fixed clock so every "since …" is exact.
import { Color, Icon, List, Toast } from "@raycast/api";
import { format } from "date-fns";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Children, isValidElement, type ReactNode } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEVELOPER_STATUS_PAGE_URL } from "../../src/components/service-looks";
import { StatusView } from "../../src/components/status-view";
import { STATUS_PAGE_URL } from "../../src/core/fix-titles";
import { RECORDING_FORMAT, type HttpEntry } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { HostError, type Host } from "../../src/core/host/types";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { __mock } from "../mocks/raycast-api";
import { render, type Harness, type RenderedItem } from "../support/render";
import { appleOutage } from "../support/scenarios";

const CONSUMER = DEFAULT_TARGETS.statusFeeds.consumer;
const DEVELOPER = DEFAULT_TARGETS.statusFeeds.developer;
const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");
const hhmm = (at: Date | string) => format(new Date(at), "HH:mm");
const localTime = (at: string) => format(new Date(at), "MMM d, HH:mm");
/** The State tags in a row's detail pane: with the pane open, the row itself carries no tag. */
const state = (item: RenderedItem) => item.detail?.metadata.find((m) => m.title === "State")?.tags;

// Clocks next to each capture, so "since …" reads as it did when it was taken.
const OUTAGE_NOW = new Date("2026-11-21T10:00:00.000Z");
const ONE_ONGOING_NOW = new Date("2021-04-26T11:36:00.000Z");
const DEVELOPER_NOW = new Date("2020-11-02T14:00:00.000Z");

/** A replay host answering these feed requests, counting them. */
function feedHost(http: HttpEntry[]): Host & { calls: string[] } {
  const host = createReplayHost({
    format: RECORDING_FORMAT,
    recordedAt: OUTAGE_NOW.toISOString(),
    platform: "darwin",
    http,
  });
  const calls: string[] = [];
  return {
    ...host,
    calls,
    http: (url, options) => {
      calls.push(url);
      return host.http(url, options);
    },
  };
}

const ok = (url: string, body: string): HttpEntry => ({ url, status: 200, body });
const outageBody = () => appleOutage().http!.find((h) => h.url === CONSUMER)!.body!;

// The harness has no dropdown control yet: record the dropdown's props as it renders.
let dropdown: { onChange?: (value: string) => void; children?: ReactNode } | undefined;
const originalDropdown = List.Dropdown;
beforeAll(() => {
  const recording = Object.assign(
    (props: NonNullable<typeof dropdown>) => {
      dropdown = props;
      return (originalDropdown as unknown as (p: typeof props) => ReactNode)(props);
    },
    { Item: originalDropdown.Item, Section: originalDropdown.Section },
  );
  (List as unknown as { Dropdown: unknown }).Dropdown = recording;
});
afterAll(() => {
  (List as unknown as { Dropdown: unknown }).Dropdown = originalDropdown;
});

async function choose(h: Harness, value: string) {
  await h.chooseDropdown(value);
}

function dropdownTitles(): string[] {
  return Children.toArray(dropdown?.children).flatMap((child) =>
    isValidElement<{ title: string }>(child) ? [child.props.title] : [],
  );
}

async function open(host: Host, now: Date): Promise<Harness> {
  const h = await render(<StatusView host={host} now={() => now} />);
  await h.waitFor(() => !h.isLoading() && (h.items().length > 0 || h.emptyView));
  return h;
}

beforeEach(() => {
  __mock.reset();
  dropdown = undefined;
});
afterEach(() => vi.restoreAllMocks());

/** Moves Date.now() (what withCache stamps entries with) ahead, as time passing between launches. */
function wallClockAhead(ms: number) {
  const real = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => real() + ms);
}

describe("Check Apple Status", () => {
  it("lists sign-in services first, all green, when Apple reports nothing", async () => {
    const host = feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json"))]);
    const h = await open(host, OUTAGE_NOW);

    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(dropdownTitles()).toEqual(["Consumer", "Developer", "Issues Only"]);
    const sections = h.sections();
    expect(sections.map((s) => s.title)).toEqual(["Sign-In Services", "Other Services"]);
    expect(sections[0].subtitle).toBe(`All up · as of ${hhmm(OUTAGE_NOW)}`);
    expect(sections[0].items.map((i) => i.title)).toEqual([
      "Apple Account",
      "iCloud Account & Sign In",
      "iCloud Keychain",
      "Sign in with Apple",
      "iOS Device Activation",
      "App Store",
      "Mac App Store",
      "iMessage",
      "FaceTime",
      "macOS Software Update",
      "iCloud Web Apps (iCloud.com)",
    ]);
    expect(sections[1].items).toHaveLength(54);
    for (const item of h.items()) {
      expect(item.icon).toEqual({ value: { source: Icon.CheckCircle, tintColor: Color.Green }, tooltip: "Available" });
      expect(item.accessories).toEqual([]);
    }
    expect(h.isShowingDetail()).toBe(true);
    expect(h.item("Apple Account").detail?.markdown).toBe("# Apple Account\n\nNo current issues reported.");
    // Cache-busted like Apple's own page; the replay ignores the query.
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]).toMatch(
      /^https:\/\/www\.apple\.com\/support\/systemstatus\/data\/system_status_en_US\.js\?_=\d+$/,
    );
    await h.unmount();
  });

  it("shows an outage elsewhere in Other Services and a resolved sign-in issue as green", async () => {
    const h = await open(feedHost([ok(CONSUMER, fixture("status-consumer-one-ongoing.json"))]), ONE_ONGOING_NOW);

    const mail = h.item("iCloud Mail");
    expect(mail.section).toBe("Other Services");
    expect(mail.icon).toEqual({ value: { source: Icon.XMarkCircle, tintColor: Color.Red }, tooltip: "Outage" });
    // The pane is open: the row keeps its icon and title, the pane says the state and since when.
    expect(mail.accessories).toEqual([]);
    expect(mail.subtitle).toBeUndefined();
    expect(mail.detail?.markdown).toBe(
      "# iCloud Mail\n\n**Outage** · for 23 min\n\n" +
        "Users may be experiencing intermittent issues with this service.",
    );
    expect(mail.detail?.metadata).toEqual([
      { kind: "tags", title: "State", tags: [{ text: "Outage", color: Color.Red }] },
      { kind: "label", title: "Users Affected", text: "Some users are affected" },
      { kind: "label", title: "Started", text: localTime("2021-04-26T11:13:00.000Z") },
      { kind: "label", title: "Ended", text: "Ongoing" },
      { kind: "separator" },
      { kind: "link", title: "Details", text: "System Status Page", target: STATUS_PAGE_URL },
    ]);

    // Resolved two days ago: green, with the past event in secondary text.
    const keychain = h.item("iCloud Keychain");
    expect(keychain.section).toBe("Sign-In Services");
    expect(keychain.icon).toMatchObject({ value: { source: Icon.CheckCircle, tintColor: Color.Green } });
    expect(keychain.accessories).toEqual([]);
    expect(keychain.detail?.markdown).toContain(
      "## Recent Events\n\n**Issue** · Resolved 2 days ago\n\nUsers experienced a problem with this service.",
    );
    expect(keychain.detail?.metadata).toContainEqual({
      kind: "label",
      title: "Ended",
      text: localTime("2021-04-24T22:55:00.000Z"),
    });
    expect(h.sections()[0].subtitle).toBe(`All up · as of ${hhmm(ONE_ONGOING_NOW)}`);
    expect(h.sections()[1].subtitle).toBe("1 with issues");
    await h.unmount();
  });

  it("marks an outage on Apple ID red with an Outage tag and how long it has run", async () => {
    const h = await open(feedHost([ok(CONSUMER, outageBody())]), OUTAGE_NOW);

    const first = h.sections()[0];
    expect(first.title).toBe("Sign-In Services");
    expect(first.subtitle).toBe(`1 with issues · as of ${hhmm(OUTAGE_NOW)}`);
    expect(first.items[0]).toMatchObject({
      title: "Apple Account",
      icon: { value: { source: Icon.XMarkCircle, tintColor: Color.Red }, tooltip: "Outage" },
      accessories: [],
    });
    expect(first.items[0].detail?.markdown).toContain("**Outage** · for 23 min");
    expect(state(first.items[0])).toEqual([{ text: "Outage", color: Color.Red }]);
    expect(first.items[0].detail?.markdown).toContain("Users may be unable to sign in with their Apple Account.");
    await h.unmount();
  });

  it("copies the exact status summary and opens the status page", async () => {
    const h = await open(feedHost([ok(CONSUMER, outageBody())]), OUTAGE_NOW);

    const actions = h.actions("Apple Account");
    expect(actions.map((a) => [a.title, a.keys])).toEqual([
      ["Open System Status Page", undefined],
      ["Copy Status Summary", "⇧⌘C"],
      ["Refresh", "⌘R"],
    ]);
    await h.runAction("Copy Status Summary", "Apple Account");
    expect(__mock.clipboard).toEqual([
      `Sign-in services with issues as of ${hhmm(OUTAGE_NOW)}:\n` +
        "- Apple Account: Outage for 23 min. Users may be unable to sign in with their Apple Account. (Some users are affected)",
    ]);
    await h.runAction("Open System Status Page", "FaceTime");
    expect(__mock.opened).toEqual([{ target: STATUS_PAGE_URL }]);
    await h.unmount();
  });

  it("says all sign-in services are up in the summary when they are", async () => {
    const h = await open(feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json"))]), OUTAGE_NOW);
    await h.runAction("Copy Status Summary", "FaceTime");
    expect(__mock.clipboard).toEqual([`All sign-in services are up as of ${hhmm(OUTAGE_NOW)}`]);
    await h.unmount();
  });

  it("switches to the developer feed from the dropdown", async () => {
    const host = feedHost([
      ok(CONSUMER, fixture("status-consumer-no-issues.json")),
      ok(DEVELOPER, fixture("status-developer-one-ongoing.json")),
    ]);
    const h = await open(host, DEVELOPER_NOW);
    await choose(h, "developer");
    await h.waitFor(() => !h.isLoading() && h.items().length === 33);

    expect(host.calls.map((url) => url.replace(/\?.*$/, ""))).toEqual([CONSUMER, DEVELOPER]);
    const [signIn, others] = h.sections();
    expect(signIn.title).toBe("Sign-In Services");
    expect(signIn.items.map((i) => i.title)).toEqual(["Account"]);
    expect(others.items).toHaveLength(32);
    expect(h.item("Videos")).toMatchObject({
      icon: { value: { source: Icon.Hammer, tintColor: Color.Blue } },
      accessories: [],
    });
    expect(h.item("Videos").detail?.markdown).toContain("**Maintenance** · for 13 days");
    expect(h.item("Contact Us").accessories).toEqual([]);
    expect(h.item("Contact Us").detail?.markdown).toContain("Completed 13 days ago");
    expect(h.item("Videos").detail?.metadata).toContainEqual({
      kind: "tags",
      title: "Affected Services",
      tags: [{ text: "Videos" }],
    });
    // The developer feed has its own page.
    expect(h.actions("Account")[0]).toMatchObject({ title: "Open System Status Page", url: DEVELOPER_STATUS_PAGE_URL });
    await h.unmount();
  });

  it("keeps each feed for a minute: switching back does not ask Apple again, Refresh does", async () => {
    const host = feedHost([
      ok(CONSUMER, fixture("status-consumer-no-issues.json")),
      ok(DEVELOPER, fixture("status-developer-one-ongoing.json")),
    ]);
    const h = await open(host, DEVELOPER_NOW);
    await choose(h, "developer");
    await h.waitFor(() => !h.isLoading() && h.items().length === 33);
    await choose(h, "consumer");
    await h.waitFor(() => !h.isLoading() && h.items().length === 65);
    expect(host.calls).toHaveLength(2);

    await h.runAction("Refresh", "Apple Account");
    await h.waitFor(() => !h.isLoading() && host.calls.length === 3);
    expect(host.calls[2]).toContain(CONSUMER);
    expect(h.items()).toHaveLength(65);
    await h.unmount();
  });

  it("filters to services with current issues with Issues Only", async () => {
    const doc = JSON.parse(outageBody());
    // A second affected service, outside sign-in.
    doc.services.find((s: { serviceName: string }) => s.serviceName === "iCloud Mail").events = [
      { ...doc.services.find((s: { serviceName: string }) => s.serviceName === "Apple ID").events[0], messageId: "2" },
    ];
    const h = await open(feedHost([ok(CONSUMER, JSON.stringify(doc))]), OUTAGE_NOW);
    await choose(h, "issues");
    await h.waitFor(() => h.items().length === 2);
    expect(h.sections().map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ["Sign-In Services", ["Apple Account"]],
      ["Other Services", ["iCloud Mail"]],
    ]);
    await choose(h, "consumer");
    await h.waitFor(() => h.items().length === 65);
    await h.unmount();
  });

  it("says there is nothing to show under Issues Only when all is well", async () => {
    const h = await open(feedHost([ok(CONSUMER, fixture("status-consumer-one-ongoing.json"))]), ONE_ONGOING_NOW);
    await choose(h, "issues");
    // iCloud Mail is down, so it stays; the resolved iCloud Keychain goes.
    await h.waitFor(() => h.items().length === 1);
    expect(h.sections().map((s) => [s.title, s.subtitle])).toEqual([
      ["Other Services", `1 with issues · as of ${hhmm(ONE_ONGOING_NOW)}`],
    ]);
    await h.unmount();

    // Another Mac: nothing cached from the first.
    __mock.reset();
    const quiet = await open(feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json"))]), OUTAGE_NOW);
    await choose(quiet, "issues");
    await quiet.waitFor(() => quiet.items().length === 0);
    expect(quiet.emptyView).toMatchObject({
      title: "No Current Issues",
      description: `Every Apple service is up as of ${hhmm(OUTAGE_NOW)}`,
    });
    await quiet.unmount();
  });

  it("shows a failure toast and an empty view with the reason when the feed can't be fetched", async () => {
    const h = await open(feedHost([{ url: CONSUMER, error: "ETIMEDOUT" }]), OUTAGE_NOW);

    const reason = "Apple's status feed could not be reached: timed out";
    expect(__mock.toasts).toEqual([
      { id: expect.any(Number), style: Toast.Style.Failure, title: "Could Not Load Apple Status", message: reason },
    ]);
    expect(h.items()).toEqual([]);
    expect(h.emptyView).toMatchObject({ title: "Could Not Load Apple System Status", description: reason });
    expect(h.actions().map((a) => a.title)).toEqual(["Open System Status Page", "Refresh"]);
    await h.unmount();
  });

  it("keeps the last data when a refresh fails, and says so", async () => {
    const base = feedHost([ok(CONSUMER, outageBody())]);
    let failing = false;
    const host: Host = {
      ...base,
      http: (url, options) => (failing ? Promise.reject(new HostError("EHOSTUNREACH")) : base.http(url, options)),
    };
    const h = await open(host, OUTAGE_NOW);
    failing = true;
    await h.runAction("Refresh", "Apple Account");
    await h.waitFor(() => __mock.lastToast()?.style === Toast.Style.Failure && !h.isLoading());

    expect(__mock.lastToast()).toMatchObject({
      title: "Could Not Load Apple Status",
      message: "Apple's status feed could not be reached: network unreachable",
    });
    expect(h.items()).toHaveLength(65);
    expect(state(h.item("Apple Account"))).toEqual([{ text: "Outage", color: Color.Red }]);
    expect(h.sections()[0].subtitle).toBe(`1 with issues · as of ${hhmm(OUTAGE_NOW)} (could not refresh)`);
    expect(h.emptyView).toBeUndefined();
    await h.unmount();
  });

  it("reopened on Developer, asks for the developer feed only: no consumer fetch, toast or flash first", async () => {
    const first = await open(
      feedHost([
        ok(CONSUMER, fixture("status-consumer-no-issues.json")),
        ok(DEVELOPER, fixture("status-developer-one-ongoing.json")),
      ]),
      DEVELOPER_NOW,
    );
    await choose(first, "developer");
    await first.waitFor(() => !first.isLoading() && first.items().length === 33);
    await first.unmount();

    // An hour later (past withCache's minute) the consumer feed is down; the developer feed answers.
    const later = new Date(DEVELOPER_NOW.getTime() + 3_600_000);
    wallClockAhead(3_600_000);
    const host = feedHost([ok(DEVELOPER, fixture("status-developer-one-ongoing.json"))]);
    const h = await render(<StatusView host={host} now={() => later} />);
    const shown: number[] = [h.items().length];
    await h.waitFor(() => {
      shown.push(h.items().length);
      return !h.isLoading() && h.items().length === 33;
    });
    expect(host.calls.map((url) => url.replace(/\?.*$/, ""))).toEqual([DEVELOPER]);
    expect(__mock.toasts).toEqual([]);
    // Never the consumer feed's 65 rows on the way.
    expect(shown.every((count) => count === 0 || count === 33)).toBe(true);
    await h.unmount();
  });

  it("reopened within a minute: the same answer from Raycast's cache, Apple not asked again", async () => {
    const first = await open(feedHost([ok(CONSUMER, outageBody())]), OUTAGE_NOW);
    await first.unmount();

    wallClockAhead(30_000);
    const host = feedHost([]);
    const h = await open(host, OUTAGE_NOW);
    expect(host.calls).toEqual([]);
    expect(state(h.item("Apple Account"))).toEqual([{ text: "Outage", color: Color.Red }]);
    expect(__mock.toasts).toEqual([]);
    await h.unmount();
  });

  it("opens with the last answer at once while it asks Apple again", async () => {
    const first = await open(feedHost([ok(CONSUMER, outageBody())]), OUTAGE_NOW);
    await first.unmount();
    // Past withCache's minute: the hook shows its cached rows and asks again.
    wallClockAhead(61_000);

    // The second time Apple never answers: the cached rows are there anyway.
    const base = feedHost([]);
    const silent: Host = { ...base, http: () => new Promise(() => undefined) };
    const h = await render(<StatusView host={silent} now={() => OUTAGE_NOW} />);
    expect(h.isLoading()).toBe(true);
    expect(h.items()).toHaveLength(65);
    expect(state(h.item("Apple Account"))).toEqual([{ text: "Outage", color: Color.Red }]);
    await h.unmount();
  });
});

describe("Check Apple Status in another language", () => {
  const JA = "https://www.apple.com/support/systemstatus/data/system_status_ja_JP.js";
  // What ja_JP translates here; Apple ID stays English, as it did in real captures.
  const JAPANESE: Record<string, string> = {
    "iCloud Account & Sign In": "iCloudアカウントおよびサインイン",
    "iCloud Keychain": "iCloudキーチェーン",
    "Sign in with Apple": "Appleでサインイン",
    "iCloud Mail": "iCloudメール",
  };
  const STARTED = OUTAGE_NOW.getTime() - 23 * 60_000;

  /** The no-issues capture in Japanese, with an outage on iCloud Account & Sign In, in Apple's order. */
  function japaneseFeed(edit?: (services: { serviceName: string; events: unknown[] }[]) => void): string {
    const doc = JSON.parse(fixture("status-consumer-no-issues.json"));
    for (const service of doc.services) {
      if (service.serviceName === "iCloud Account & Sign In") {
        service.events = [
          {
            messageId: "9001",
            statusType: "Outage",
            eventStatus: "ongoing",
            usersAffected: "一部のユーザーに影響があります",
            epochStartDate: STARTED,
            epochEndDate: null,
            startDate: "2026/11/21 18:37 JST",
            endDate: null,
            affectedServices: null,
            message: "iCloud にサインインできない場合があります。",
          },
        ];
      }
      service.serviceName = JAPANESE[service.serviceName] ?? service.serviceName;
    }
    edit?.(doc.services);
    return JSON.stringify(doc);
  }

  async function openIn(host: Host, statusLocale: string): Promise<Harness> {
    const h = await render(<StatusView host={host} now={() => OUTAGE_NOW} statusLocale={statusLocale} />);
    await h.waitFor(() => !h.isLoading() && (h.items().length > 0 || h.emptyView));
    return h;
  }

  it("shows the Japanese names and events, judged sign-in related by the English feed", async () => {
    const host = feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json")), ok(JA, japaneseFeed())]);
    const h = await openIn(host, "ja_JP");

    expect(host.calls.map((url) => url.replace(/\?.*$/, "")).sort()).toEqual([CONSUMER, JA].sort());
    const [signIn, others] = h.sections();
    expect(signIn.title).toBe("Sign-In Services");
    // English order and membership, Japanese names; no "shown in English" note.
    expect(signIn.subtitle).toBe(`1 with issues · as of ${hhmm(OUTAGE_NOW)}`);
    expect(signIn.items.map((i) => i.title).slice(0, 4)).toEqual([
      "Apple Account",
      "iCloudアカウントおよびサインイン",
      "iCloudキーチェーン",
      "Appleでサインイン",
    ]);
    expect(signIn.items).toHaveLength(11);
    expect(others.items).toHaveLength(54);

    const account = h.item("iCloudアカウントおよびサインイン");
    expect(account).toMatchObject({
      section: "Sign-In Services",
      icon: { value: { source: Icon.XMarkCircle, tintColor: Color.Red }, tooltip: "Outage" },
      accessories: [],
    });
    // With the pane open the English name is in the pane, not a subtitle.
    expect(account.subtitle).toBeUndefined();
    expect(account.detail?.markdown).toContain("**Outage** · for 23 min");
    expect(account.keywords).toEqual(expect.arrayContaining(["sign in", "iCloud", "Account"]));
    expect(account.detail?.markdown).toContain("iCloud にサインインできない場合があります。");
    expect(account.detail?.metadata).toContainEqual({
      kind: "label",
      title: "In English",
      text: "iCloud Account & Sign In",
    });
    // A name ja_JP leaves alone gets no English subtitle.
    expect(h.item("Apple Account").subtitle).toBeUndefined();
    expect(h.item("iCloudメール")).toMatchObject({ section: "Other Services" });
    expect(h.item("iCloudメール").subtitle).toBeUndefined();
    expect(h.item("iCloudメール").detail?.metadata).toContainEqual({
      kind: "label",
      title: "In English",
      text: "iCloud Mail",
    });

    await h.runAction("Copy Status Summary", "Apple Account");
    expect(__mock.clipboard).toEqual([
      `Sign-in services with issues as of ${hhmm(OUTAGE_NOW)}:\n` +
        "- iCloudアカウントおよびサインイン (iCloud Account & Sign In): Outage for 23 min. " +
        "iCloud にサインインできない場合があります。 (一部のユーザーに影響があります)",
    ]);
    await h.unmount();
  });

  it("falls back to English, and says so once, when the feeds list different numbers of services", async () => {
    const shorter = japaneseFeed((services) => services.pop());
    const h = await openIn(
      feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json")), ok(JA, shorter)]),
      "ja_JP",
    );

    const [signIn, others] = h.sections();
    expect(signIn.subtitle).toBe(`All up · as of ${hhmm(OUTAGE_NOW)} · shown in English`);
    expect(others.subtitle).toBe("All up");
    expect(signIn.items[1]).toMatchObject({ title: "iCloud Account & Sign In", accessories: [] });
    expect(signIn.items[1].subtitle).toBeUndefined();
    expect(h.items().some((i) => /[\u3040-\u30ff]/.test(i.title))).toBe(false);
    await h.unmount();
  });

  it("falls back to English when the orders differ or the localized feed can't be had", async () => {
    // Same count, but Apple ID (spelled alike in both) moved: positions can't be trusted.
    const reordered = japaneseFeed((services) => services.reverse());
    for (const localized of [ok(JA, reordered), { url: JA, error: "ENOTFOUND" }, { url: JA, status: 404, body: "" }]) {
      __mock.reset();
      const h = await openIn(feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json")), localized]), "ja_JP");
      expect(h.sections()[0].subtitle).toBe(`All up · as of ${hhmm(OUTAGE_NOW)} · shown in English`);
      expect(h.sections()[0].items[1].title).toBe("iCloud Account & Sign In");
      expect(__mock.toasts).toEqual([]);
      await h.unmount();
    }
  });

  it("can't judge without the English feed: the failure is the English feed's", async () => {
    const h = await openIn(feedHost([{ url: CONSUMER, error: "ETIMEDOUT" }, ok(JA, japaneseFeed())]), "ja_JP");
    expect(h.items()).toEqual([]);
    expect(h.emptyView).toMatchObject({
      title: "Could Not Load Apple System Status",
      description: "Apple's status feed could not be reached: timed out",
    });
    await h.unmount();
  });

  it("keeps the developer feed English and asks for nothing else", async () => {
    const host = feedHost([
      ok(CONSUMER, fixture("status-consumer-no-issues.json")),
      ok(JA, japaneseFeed()),
      ok(DEVELOPER, fixture("status-developer-one-ongoing.json")),
    ]);
    const h = await openIn(host, "ja_JP");
    await choose(h, "developer");
    await h.waitFor(() => !h.isLoading() && h.items().length === 33);
    expect(host.calls.slice(2).map((url) => url.replace(/\?.*$/, ""))).toEqual([DEVELOPER]);
    expect(h.sections()[0].subtitle).not.toContain("shown in English");
    expect(h.item("Account").subtitle).toBeUndefined();

    // Back to the consumer feed within the minute: cached, still Japanese.
    await choose(h, "consumer");
    await h.waitFor(() => !h.isLoading() && h.items().length === 65);
    expect(host.calls).toHaveLength(3);
    expect(h.item("iCloudアカウントおよびサインイン").section).toBe("Sign-In Services");
    await h.unmount();
  });

  it("en_US asks for the English feed only", async () => {
    const host = feedHost([ok(CONSUMER, fixture("status-consumer-no-issues.json"))]);
    const h = await openIn(host, "en_US");
    expect(host.calls).toHaveLength(1);
    expect(h.sections()[0].subtitle).toBe(`All up · as of ${hhmm(OUTAGE_NOW)}`);
    await h.unmount();
  });
});

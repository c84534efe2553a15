// The Apple Status menu bar over replayed feeds: the icon's colour and title,
// its items, and what it says when Apple can't be reached, with or without a
// result saved from an earlier run.
import { Cache, Color, Icon, LaunchType } from "@raycast/api";
import { format } from "date-fns";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { MENU_BAR_CACHE_KEY, StatusMenuBar } from "../../src/components/status-menu-bar";
import { readSavedStatus } from "../../src/components/status-summary";
import { STATUS_PAGE_URL } from "../../src/core/fix-titles";
import { RECORDING_FORMAT, type HttpEntry } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { HostError, type Host, type HttpResponse } from "../../src/core/host/types";
import { parseStatusFeed } from "../../src/core/parse/status-feed";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { __mock } from "../mocks/raycast-api";
import { render, type Harness } from "../support/render";
import { appleOutage } from "../support/scenarios";

const CONSUMER = DEFAULT_TARGETS.statusFeeds.consumer;
const NOW = new Date("2026-11-21T10:00:00.000Z");
const EARLIER = new Date("2026-11-21T09:30:00.000Z");
const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");
const hhmm = (at: Date) => format(at, "HH:mm");

const noIssues = () => fixture("status-consumer-no-issues.json");
const outageBody = () => appleOutage().http!.find((h) => h.url === CONSUMER)!.body!;

/** The no-issues capture with one ongoing Issue on iCloud Account & Sign In. */
function degradedBody(): string {
  const doc = JSON.parse(noIssues());
  doc.services.find((s: { serviceName: string }) => s.serviceName === "iCloud Account & Sign In").events = [
    {
      messageId: "1000000902",
      statusType: "Issue",
      eventStatus: "ongoing",
      epochStartDate: NOW.getTime() - 45 * 60_000,
      epochEndDate: null,
      usersAffected: "Some users are affected",
      message: "Some users may be unable to sign in to iCloud.",
      affectedServices: null,
    },
  ];
  return JSON.stringify(doc);
}

function feedHost(http: HttpEntry[]): Host {
  return createReplayHost({ format: RECORDING_FORMAT, recordedAt: NOW.toISOString(), platform: "darwin", http });
}
const answering = (body: string) => feedHost([{ url: CONSUMER, status: 200, body }]);
const unreachable = () => feedHost([{ url: CONSUMER, error: "ETIMEDOUT" }]);

/** A host whose feed request waits until the test lets it go. */
function gated(host: Host) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const gatedHost: Host = {
    ...host,
    http: async (url, options): Promise<HttpResponse> => {
      await gate;
      return host.http(url, options);
    },
  };
  return { host: gatedHost, release };
}

/** What an earlier run saved, from a feed fetched at `at`. */
function saveEarlier(cache: Cache, body: string, at: Date) {
  const parsed = parseStatusFeed(body, at, "consumer");
  if (!parsed.ok) throw new Error(parsed.reason);
  cache.set(MENU_BAR_CACHE_KEY, JSON.stringify({ source: "consumer", feed: parsed.feed, fetchedAt: at.toISOString() }));
}

const titles = (h: Harness) => h.actions().map((a) => a.title);

async function show(host: Host, cache = new Cache({ namespace: "menu-bar-test" })) {
  const h = await render(<StatusMenuBar host={host} cache={cache} now={() => NOW} />);
  await h.waitFor(() => !h.isLoading());
  return h;
}

beforeEach(() => __mock.reset());

describe("Apple Status menu bar", () => {
  it("is a green check without a title when every sign-in service is up", async () => {
    const cache = new Cache({ namespace: "menu-bar-test" });
    const h = await show(answering(noIssues()), cache);

    expect(h.view()).toBe("MenuBarExtra");
    expect(h.menuBar).toEqual({
      icon: { source: Icon.CheckCircle, tintColor: Color.Green },
      tooltip: `All Apple sign-in services are up (as of ${hhmm(NOW)})`,
    });
    expect(titles(h)).toEqual([
      "All Sign-In Services Up",
      `As of ${hhmm(NOW)}`,
      "Open System Status",
      "Check Apple Status…",
    ]);
    // The answer is saved for the next run, with its time.
    expect(readSavedStatus(cache.get(MENU_BAR_CACHE_KEY))?.fetchedAt).toBe(NOW.toISOString());

    await h.runAction("Open System Status");
    await h.runAction("All Sign-In Services Up");
    expect(__mock.opened).toEqual([{ target: STATUS_PAGE_URL }, { target: STATUS_PAGE_URL }]);
    await h.runAction("Check Apple Status…");
    expect(__mock.launched).toEqual([{ name: "check-apple-status", type: LaunchType.UserInitiated }]);
    await h.unmount();
  });

  it("says so in a HUD when Check Apple Status can't be opened: the clicked menu has unloaded", async () => {
    const h = await show(answering(noIssues()), new Cache({ namespace: "menu-bar-test" }));
    __mock.launchError = new Error("The command is disabled");
    await h.runAction("Check Apple Status…");
    await h.waitFor(() => __mock.huds.length > 0);
    expect(__mock.huds).toEqual(["Could Not Open Check Apple Status: The command is disabled"]);
    expect(__mock.toasts.filter((toast) => !toast.unseen)).toEqual([]);
    await h.unmount();
  });

  it("turns orange with a count when a sign-in service has an issue", async () => {
    const h = await show(answering(degradedBody()));

    expect(h.menuBar).toEqual({
      icon: { source: Icon.ExclamationMark, tintColor: Color.Orange },
      title: "1",
      tooltip: `Apple sign-in services with issues: iCloud Account & Sign In (Issue) (as of ${hhmm(NOW)})`,
    });
    expect(titles(h)).toEqual([
      "iCloud Account & Sign In",
      `As of ${hhmm(NOW)}`,
      "Open System Status",
      "Check Apple Status…",
    ]);
    expect(h.actions()[0]).toMatchObject({
      icon: { source: Icon.ExclamationMark, tintColor: Color.Orange },
      section: "Apple Sign-In Services",
    });
    await h.runAction("iCloud Account & Sign In");
    expect(__mock.opened).toEqual([{ target: STATUS_PAGE_URL }]);
    await h.unmount();
  });

  it("turns red on an outage", async () => {
    const h = await show(answering(outageBody()));
    expect(h.menuBar).toMatchObject({ icon: { source: Icon.XMarkCircle, tintColor: Color.Red }, title: "1" });
    expect(titles(h)[0]).toBe("Apple Account");
    await h.unmount();
  });

  it("ignores outages on services sign-in does not need", async () => {
    const h = await show(answering(fixture("status-consumer-one-ongoing.json")));
    // iCloud Mail is down in this capture; sign-in is not affected.
    expect(h.menuBar).toMatchObject({ icon: { source: Icon.CheckCircle, tintColor: Color.Green } });
    expect(h.menuBar?.title).toBeUndefined();
    await h.unmount();
  });

  it("shows the saved result first, loading, then says it is old when Apple can't be reached", async () => {
    const cache = new Cache({ namespace: "menu-bar-test" });
    saveEarlier(cache, outageBody(), EARLIER);
    const { host, release } = gated(unreachable());
    const h = await render(<StatusMenuBar host={host} cache={cache} now={() => NOW} />);

    // Before the feed answers: the saved state, marked as being refreshed.
    expect(h.isLoading()).toBe(true);
    expect(h.menuBar).toEqual({
      icon: { source: Icon.XMarkCircle, tintColor: Color.Red },
      title: "1",
      tooltip: `Apple sign-in services with issues: Apple Account (Outage) (as of ${hhmm(EARLIER)}, refreshing)`,
    });
    expect(titles(h)).toContain(`As of ${hhmm(EARLIER)}`);

    await h.act(() => release());
    await h.waitFor(() => !h.isLoading());
    expect(titles(h)).toEqual([
      "Apple Account",
      "Couldn't refresh: timed out",
      `As of ${hhmm(EARLIER)}`,
      "Open System Status",
      "Check Apple Status…",
    ]);
    expect(h.menuBar).toMatchObject({
      icon: { source: Icon.XMarkCircle, tintColor: Color.Red },
      title: "1",
      tooltip: `Apple sign-in services with issues: Apple Account (Outage) (as of ${hhmm(EARLIER)}, couldn't refresh)`,
    });
    // The saved result is kept as it was.
    expect(readSavedStatus(cache.get(MENU_BAR_CACHE_KEY))?.fetchedAt).toBe(EARLIER.toISOString());
    await h.unmount();
  });

  it("replaces the saved result when the refresh works", async () => {
    const cache = new Cache({ namespace: "menu-bar-test" });
    saveEarlier(cache, outageBody(), EARLIER);
    const h = await show(answering(noIssues()), cache);
    expect(h.menuBar).toMatchObject({ icon: { source: Icon.CheckCircle, tintColor: Color.Green } });
    expect(titles(h)).toEqual([
      "All Sign-In Services Up",
      `As of ${hhmm(NOW)}`,
      "Open System Status",
      "Check Apple Status…",
    ]);
    await h.unmount();
  });

  it("explains itself when Apple can't be reached and nothing was saved", async () => {
    const { host, release } = gated(unreachable());
    const h = await render(
      <StatusMenuBar host={host} cache={new Cache({ namespace: "menu-bar-test" })} now={() => NOW} />,
    );
    expect(h.isLoading()).toBe(true);
    expect(titles(h)).toEqual(["Checking Apple's status…", "Open System Status", "Check Apple Status…"]);

    await h.act(() => release());
    await h.waitFor(() => !h.isLoading());
    expect(h.menuBar).toEqual({
      icon: { source: Icon.QuestionMarkCircle, tintColor: Color.SecondaryText },
      tooltip: "Apple System Status: couldn't check (timed out)",
    });
    expect(titles(h)).toEqual([
      "Couldn't check Apple's status: timed out",
      "Open System Status",
      "Check Apple Status…",
    ]);
    await h.unmount();
  });

  it("treats an unreadable saved result as none", async () => {
    const cache = new Cache({ namespace: "menu-bar-test" });
    cache.set(MENU_BAR_CACHE_KEY, "{not json");
    const failing: Host = { ...unreachable(), http: () => Promise.reject(new HostError("ENOTFOUND")) };
    const h = await show(failing, cache);
    expect(titles(h)[0]).toBe("Couldn't check Apple's status: name not found");
    await h.unmount();
  });
});

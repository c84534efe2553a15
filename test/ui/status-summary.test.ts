// The words and verdicts behind Check Apple Status and the menu bar, on real
// captures (test/fixtures) and small hand-made feeds.
import { format } from "date-fns";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  distinctCurrentEvents,
  pastWords,
  readSavedStatus,
  shortReason,
  signInServices,
  sinceWords,
  statusSummary,
  worstSignInState,
  worstState,
} from "../../src/components/status-summary";
import { parseStatusFeed, type StatusEvent, type StatusFeed } from "../../src/core/parse/status-feed";
import { appleOutage } from "../support/scenarios";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

function feedOf(body: string, now: Date, source: "consumer" | "developer" = "consumer"): StatusFeed {
  const parsed = parseStatusFeed(body, now, source);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.feed;
}

const NOW = new Date("2026-11-21T10:00:00.000Z");
const hhmm = (iso: string) => format(new Date(iso), "HH:mm");

/** The no-issues capture with events put on named services. */
function withEvents(events: Record<string, object[]>): string {
  const doc = JSON.parse(fixture("status-consumer-no-issues.json"));
  for (const service of doc.services) if (events[service.serviceName]) service.events = events[service.serviceName];
  return JSON.stringify(doc);
}

const ongoing = (over: Record<string, unknown> = {}) => ({
  messageId: "1",
  statusType: "Issue",
  eventStatus: "ongoing",
  epochStartDate: NOW.getTime() - 23 * 60_000,
  epochEndDate: null,
  usersAffected: "Some users are affected",
  message: "Users may be experiencing issues.\n",
  affectedServices: null,
  ...over,
});

describe("worst state", () => {
  it("ranks outage over issue over performance over maintenance over ok", () => {
    expect(worstState([])).toBe("ok");
    expect(worstState(["ok", "maintenance"])).toBe("maintenance");
    expect(worstState(["maintenance", "performance"])).toBe("performance");
    expect(worstState(["performance", "issue", "ok"])).toBe("issue");
    expect(worstState(["issue", "outage", "maintenance"])).toBe("outage");
  });

  it("looks at sign-in services only", () => {
    const oneOngoing = feedOf(fixture("status-consumer-one-ongoing.json"), new Date("2021-04-26T11:36:00Z"));
    // iCloud Mail is down, but nobody needs it to sign in.
    expect(worstSignInState(oneOngoing)).toBe("ok");
    const body = JSON.parse(
      appleOutage()
        .http!.find((h) => h.url.includes("system_status"))!
        .body!.toString(),
    );
    expect(worstSignInState(feedOf(JSON.stringify(body), NOW))).toBe("outage");
  });
});

describe("distinctCurrentEvents", () => {
  it("counts one incident listed under several sign-in services once", () => {
    const feed = feedOf(
      withEvents({
        "Apple ID": [ongoing({ messageId: "7" })],
        "iCloud Account & Sign In": [ongoing({ messageId: "7" }), ongoing({ messageId: "8", statusType: "Outage" })],
        "iCloud Keychain": [ongoing({ messageId: "9", eventStatus: "resolved", epochEndDate: NOW.getTime() })],
      }),
      NOW,
    );
    expect(distinctCurrentEvents(signInServices(feed)).map((e) => e.id)).toEqual(["7", "8"]);
  });
});

describe("time words", () => {
  it("says how long a current event has run", () => {
    expect(sinceWords(new Date(NOW.getTime() - 23 * 60_000).toISOString(), NOW)).toBe("for 23 min");
    expect(sinceWords(new Date(NOW.getTime() - 3 * 3600_000).toISOString(), NOW)).toBe("for 3 hours");
    expect(sinceWords(new Date(NOW.getTime() - 20_000).toISOString(), NOW)).toBe("just started");
    expect(sinceWords(new Date(NOW.getTime() + 2 * 86400_000).toISOString(), NOW)).toBe("starts in 2 days");
    expect(sinceWords(null, NOW)).toBe("");
  });

  it("says when a past event ended, by its kind", () => {
    const event = (over: Partial<StatusEvent>): StatusEvent => ({
      id: "1",
      type: "Issue",
      status: "resolved",
      message: "",
      usersAffected: null,
      start: new Date(NOW.getTime() - 3 * 86400_000).toISOString(),
      end: new Date(NOW.getTime() - 2 * 86400_000).toISOString(),
      startText: null,
      endText: null,
      affectedServices: [],
      current: false,
      ...over,
    });
    expect(pastWords(event({}), NOW)).toBe("Resolved 2 days ago");
    expect(pastWords(event({ type: "Maintenance", status: "completed" }), NOW)).toBe("Completed 2 days ago");
    // No end: the start is all there is.
    expect(pastWords(event({ end: null }), NOW)).toBe("Resolved 3 days ago");
    expect(
      pastWords(event({ status: "upcoming", start: new Date(NOW.getTime() + 5 * 3600_000).toISOString() }), NOW),
    ).toBe("Scheduled in 5 hours");
    expect(pastWords(event({ start: null, end: null }), NOW)).toBe("Resolved");
  });
});

describe("statusSummary", () => {
  it("says all sign-in services are up, with the fetch time", () => {
    const fetchedAt = "2026-11-21T10:42:00.000Z";
    expect(statusSummary(feedOf(fixture("status-consumer-no-issues.json"), NOW), fetchedAt, NOW)).toBe(
      `All sign-in services are up as of ${hhmm(fetchedAt)}`,
    );
  });

  it("lists every sign-in service with a current event, once per incident", () => {
    const feed = feedOf(
      withEvents({
        "Apple ID": [
          ongoing({ messageId: "1", statusType: "Outage", message: "Users may be unable to sign in.\n" }),
          // The same incident under a second id.
          ongoing({ messageId: "2", statusType: "Outage", message: "Users may be unable to sign in.\n" }),
        ],
        "iCloud Keychain": [ongoing({ messageId: "3", usersAffected: null, epochStartDate: NOW.getTime() - 7200_000 })],
        "iCloud Mail": [ongoing({ messageId: "4" })],
      }),
      NOW,
    );
    expect(statusSummary(feed, NOW.toISOString(), NOW)).toBe(
      [
        `Sign-in services with issues as of ${hhmm(NOW.toISOString())}:`,
        "- Apple Account: Outage for 23 min. Users may be unable to sign in. (Some users are affected)",
        "- iCloud Keychain: Issue for 2 hours. Users may be experiencing issues.",
        "Other services with issues: iCloud Mail",
      ].join("\n"),
    );
  });
});

describe("shortReason", () => {
  it("drops the feed's name where the context already says it", () => {
    expect(shortReason("Apple's status feed could not be reached: timed out")).toBe("timed out");
    expect(shortReason("Apple's status feed answered HTTP 503")).toBe("the feed answered HTTP 503");
  });
});

describe("readSavedStatus", () => {
  it("reads back what the menu bar saved", () => {
    const feed = feedOf(fixture("status-consumer-no-issues.json"), NOW);
    const saved = { source: "consumer", feed, fetchedAt: NOW.toISOString() };
    expect(readSavedStatus(JSON.stringify(saved))).toEqual(saved);
  });

  it("ignores anything unreadable", () => {
    for (const raw of [undefined, "", "{", "null", "[]", '{"fetchedAt":"x","feed":{"services":[]}}', '{"feed":{}}']) {
      expect(readSavedStatus(raw)).toBeUndefined();
    }
    // Rows of the wrong shape are dropped, not rendered.
    const saved = readSavedStatus(
      JSON.stringify({
        fetchedAt: NOW.toISOString(),
        feed: {
          services: [
            { name: "Apple ID", state: "bogus", events: [] },
            null,
            { name: "FaceTime", state: "ok", events: [] },
          ],
        },
      }),
    );
    expect(saved?.feed.services.map((s) => s.name)).toEqual(["FaceTime"]);
  });
});

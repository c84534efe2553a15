import { describe, expect, it } from "vitest";
import {
  currentServiceName,
  decodeEntities,
  isSignInService,
  MAX_FEED_EVENTS,
  parseStatusFeed,
} from "../../src/core/parse/status-feed";
import { feed, feedOf, HOUR, NOW, ongoingEvent, svc } from "../support/status-feed";

// parseStatusFeed at its edges, on hand-made feeds in the shape of
// test/fixtures/status-*.json (not captures): which services count for
// sign-in, the cap on events, the reasons for bodies that aren't a feed,
// dates and entities at their bounds. The real payloads are in status-feed.test.ts.

const event = ongoingEvent;

const reasonOf = (text: string) => {
  const r = parseStatusFeed(text, NOW);
  if (r.ok) throw new Error("expected a failure");
  return r.reason;
};

describe("which services count for sign-in", () => {
  it.each([
    "Apple Account",
    "Apple ID",
    "iCloud Account & Sign In",
    "iCloud Keychain",
    "Sign in with Apple",
    "iOS Device Activation",
    "App Store",
    "Mac App Store",
    "iMessage",
    "FaceTime",
    "macOS Software Update",
    "iCloud Private Relay",
    "iCloud Web Apps (iCloud.com)",
  ])("%s, in the consumer feed, whatever its case, spacing or entities", (name) => {
    expect(isSignInService(name, "consumer")).toBe(true);
    expect(isSignInService(`  ${name.toUpperCase().replace(/ /g, "  ")} `, "consumer")).toBe(true);
    expect(isSignInService(name.replace(/&/g, "&amp;"), "consumer")).toBe(true);
    expect(isSignInService(name, "developer")).toBe(false);
  });

  it("the developer feed: Account only", () => {
    expect(isSignInService("Account", "developer")).toBe(true);
    expect(isSignInService("Account", "consumer")).toBe(false);
    expect(isSignInService("Siri", "consumer")).toBe(false);
    expect(isSignInService(42 as unknown as string, "consumer")).toBe(false);
  });

  it("sign-in services first, in Apple's order, then the rest alphabetically whatever their case", () => {
    const names = feed(
      feedOf([
        svc("zebra"),
        svc("FaceTime"),
        svc("Apple Account"),
        svc("Maps"),
        svc("iCloud Keychain"),
        svc("apple Music"),
      ]),
    ).services.map((s) => s.name);
    expect(names).toEqual(["Apple Account", "iCloud Keychain", "FaceTime", "apple Music", "Maps", "zebra"]);
  });

  it("two names that differ only in case are both kept, in a stable order", () => {
    const names = feed(feedOf([svc("maps"), svc("Maps")])).services.map((s) => s.name);
    expect(names).toEqual(["Maps", "maps"]);
    expect(feed(feedOf([svc("Maps"), svc("maps")])).services.map((s) => s.name)).toEqual(["Maps", "maps"]);
  });

  it("Apple ID is shown as Apple Account; other names as they are", () => {
    expect(currentServiceName("Apple ID")).toBe("Apple Account");
    expect(currentServiceName("iCloud Mail")).toBe("iCloud Mail");
    expect(feed(feedOf([svc("Apple ID")])).services[0]).toMatchObject({ name: "Apple Account", signInRelated: true });
  });
});

describe("the cap on events per service", () => {
  const many = (n: number, over: (i: number) => Record<string, unknown>) =>
    Array.from({ length: n }, (_, i) => event({ messageId: String(i), ...over(i) }));

  it(`up to ${MAX_FEED_EVENTS} events are all kept and nothing is counted as left out`, () => {
    const s = feed(
      feedOf([
        svc(
          "Maps",
          many(MAX_FEED_EVENTS, () => ({ eventStatus: "resolved" })),
        ),
      ]),
    ).services[0];
    expect(s.events).toHaveLength(MAX_FEED_EVENTS);
    expect(s).not.toHaveProperty("currentLeftOut");
  });

  it("beyond that, the current events are kept first, then the newest of the rest", () => {
    const events = [
      ...many(MAX_FEED_EVENTS, (i) => ({ eventStatus: "resolved", epochStartDate: NOW.getTime() - (i + 10) * HOUR })),
      event({ messageId: "now", eventStatus: " Ongoing ", epochStartDate: NOW.getTime() - 500 * HOUR }),
    ];
    const s = feed(feedOf([svc("Maps", events)])).services[0];
    expect(s.events).toHaveLength(MAX_FEED_EVENTS);
    expect(s.events.map((e) => e.id)).toContain("now");
    expect(s.events.map((e) => e.id)).not.toContain(String(MAX_FEED_EVENTS - 1));
    expect(s.state).toBe("issue");
    expect(s).not.toHaveProperty("currentLeftOut");
  });

  it("more current events than the cap: the newest kept, the rest counted", () => {
    const events = many(MAX_FEED_EVENTS + 3, (i) => ({
      eventStatus: i % 2 ? "upcoming" : "ongoing",
      epochStartDate: NOW.getTime() - i * HOUR,
    }));
    const s = feed(feedOf([svc("Maps", events)])).services[0];
    expect(s.events).toHaveLength(MAX_FEED_EVENTS);
    expect(s.currentLeftOut).toBe(3);
    expect(s.events.map((e) => e.id)).toContain("0");
    expect(s.events.map((e) => e.id)).not.toContain(String(MAX_FEED_EVENTS + 2));
  });

  it("the same service twice adds its counts up", () => {
    const events = many(MAX_FEED_EVENTS + 1, () => ({}));
    const s = feed(feedOf([svc("Maps", events), svc("Maps", events)])).services[0];
    expect(s.currentLeftOut).toBe(2);
  });
});

describe("bodies that are not a feed: the reason", () => {
  it.each([
    ["<!doctype html><HTML lang=en>", "the feed is an HTML page, not JSON"],
    ["jsonCallback(<html>)", "the feed is an HTML page, not JSON"],
    ["oops <html> {", "the feed is an HTML page, not JSON"],
    ["[1, 2", "the feed was cut off (truncated JSON)"],
    ['{"a": "b', "the feed was cut off (truncated JSON)"],
    ['{"a": "\\"}', "the feed was cut off (truncated JSON)"],
    ['{"a": "x"}}', "the feed is damaged (malformed JSON)"],
    ["{'a': 1}", "the feed is damaged (malformed JSON)"],
    ['[{"a": "]"', "the feed was cut off (truncated JSON)"],
    ["Service Unavailable\u0000\u0007 now", 'the feed is not JSON (it starts with "Service Unavailable  now")'],
    [`x${"y".repeat(60)}`, `the feed is not JSON (it starts with "x${"y".repeat(39)}")`],
    ["jsonCallback( );", "the feed is empty"],
    ["jsonCallback()", "the feed is empty"],
    ['{"message": "[[ see" x}', "the feed is damaged (malformed JSON)"],
    ["502 Bad Gateway\n<html lang=en><body>proxy</body></html>", "the feed is an HTML page, not JSON"],
    ['\n<html><script>var config = {"services": 1};</script></html>', "the feed is an HTML page, not JSON"],
  ])("%j: %s", (body, reason) => {
    expect(reasonOf(body)).toBe(reason);
  });

  it("a wrapper without its closing parenthesis still unwraps", () => {
    expect(feed(`jsonCallback(${feedOf([svc("Maps")])}`).services[0].name).toBe("Maps");
    expect(feed(`jsonCallback(${feedOf([svc("Maps")])})\n`).services[0].name).toBe("Maps");
  });

  it("another callback name: the outermost object", () => {
    expect(feed(`cb(${feedOf([svc("Maps")])});`).services[0].name).toBe("Maps");
    expect(feed(`(${feedOf([svc("Maps")])})`).services[0].name).toBe("Maps");
    expect(reasonOf("} {")).toBe('the feed is not JSON (it starts with "} {")');
  });
});

describe("events: fields at their bounds", () => {
  const first = (e: Record<string, unknown>) => feed(feedOf([svc("Maps", [e])])).services[0].events[0];

  it.each([
    [NOW.getTime(), NOW.toISOString()],
    [String(NOW.getTime()), NOW.toISOString()],
    [` ${NOW.getTime()}.5 `, new Date(NOW.getTime() + 0.5).toISOString()],
    ["-1000", "1969-12-31T23:59:59.000Z"],
    ["12abc", null],
    ["", null],
    [8.64e15 + 1, null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
  ])("epochStartDate %j is %s", (epoch, iso) => {
    expect(first(event({ epochStartDate: epoch, eventStatus: "resolved" })).start).toBe(iso);
  });

  it("text fields: trimmed, control characters removed, numbers as text, blanks as null", () => {
    const e = first(
      event({
        messageId: 7,
        message: " \u001b[31mdown\u001b[0m \n",
        usersAffected: "  ",
        startDate: " 06/01 ",
        endDate: 5,
      }),
    );
    expect(e).toMatchObject({ id: "7", message: "down", usersAffected: null, startText: "06/01", endText: "5" });
    expect(first(event({ messageId: Number.NaN, statusType: null, eventStatus: 3 }))).toMatchObject({
      id: "",
      type: "",
      status: "3",
    });
  });

  it.each([
    ["Outage", "outage"],
    ["performance", "performance"],
    ["MAINTENANCE", "maintenance"],
    ["Issue", "issue"],
    ["Something New", "issue"],
  ])("a current %s sets the state %s", (statusType, state) => {
    expect(feed(feedOf([svc("Maps", [event({ statusType })])])).services[0].state).toBe(state);
  });

  it("upcoming: current from its start up to, not including, its end", () => {
    const at = (start: number, end: number | null) =>
      first(event({ eventStatus: "Upcoming", epochStartDate: start, epochEndDate: end })).current;
    expect(at(NOW.getTime(), null)).toBe(true);
    expect(at(NOW.getTime() + 1, null)).toBe(false);
    expect(at(NOW.getTime() - HOUR, NOW.getTime())).toBe(false);
    expect(at(NOW.getTime() - HOUR, NOW.getTime() + 1)).toBe(true);
    expect(first(event({ eventStatus: "upcoming", epochStartDate: null })).current).toBe(false);
    expect(first(event({ eventStatus: "completed" })).current).toBe(false);
  });

  it("events without a start come last, in feed order; newer starts first", () => {
    const s = feed(
      feedOf([
        svc("Maps", [
          event({ messageId: "a", epochStartDate: null, eventStatus: "resolved" }),
          event({ messageId: "b", epochStartDate: 1000, eventStatus: "resolved" }),
          event({ messageId: "c", epochStartDate: null, eventStatus: "resolved" }),
          event({ messageId: "d", epochStartDate: 2000, eventStatus: "resolved" }),
        ]),
      ]),
    ).services[0];
    expect(s.events.map((e) => e.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("events without an id are never merged", () => {
    const s = feed(feedOf([svc("Maps", [event({ messageId: "" }), event({ messageId: "" })])])).services[0];
    expect(s.events).toHaveLength(2);
  });

  it("the redirect URL is kept when given, left out when blank", () => {
    const text = JSON.stringify({
      services: [
        { serviceName: "Maps", redirectUrl: " https://www.apple.com/maps/ ", events: [] },
        { serviceName: "Siri", redirectUrl: " ", events: [] },
      ],
    });
    const [maps, siri] = feed(text).services;
    expect(maps.redirectUrl).toBe("https://www.apple.com/maps/");
    expect(siri).not.toHaveProperty("redirectUrl");
  });
});

describe("decodeEntities: bounds", () => {
  it.each([
    ["&#x41;&#X42;&#67;", "ABC"],
    ["&#x10FFFF;", String.fromCodePoint(0x10ffff)],
    ["&#x110000;", "&#x110000;"],
    ["&#0;", "&#0;"],
    ["&#xD800;", "&#xD800;"],
    ["&#xDFFF;", "&#xDFFF;"],
    ["&#xD7FF;", "\ud7ff"],
    ["&#xE000;", "\ue000"],
    ["&#1234567;", "&#1234567;"],
    ["&#12345678;", "&#12345678;"],
    ["&AMP;&Lt;&gt;&quot;&apos;&nbsp;", "&<>\"' "],
    ["&a;&abcdefg;&unknown;", "&a;&abcdefg;&unknown;"],
    ["&amp", "&amp"],
  ])("%j reads %j", (text, decoded) => {
    expect(decodeEntities(text)).toBe(decoded);
  });

  it("not text: empty", () => {
    expect(decodeEntities(undefined as unknown as string)).toBe("");
  });
});

import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  currentEvents,
  decodeEntities,
  isSignInService,
  parseStatusFeed,
  unwrapFeed,
  type FeedParse,
  type StatusFeed,
  type StatusService,
} from "../../src/core/parse/status-feed";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const CONSUMER_QUIET = fixture("status-consumer-no-issues.json");
const CONSUMER_ONGOING = fixture("status-consumer-one-ongoing.json");
const DEVELOPER_ONGOING = fixture("status-developer-one-ongoing.json");

// Shortly after each capture was posted (datePosted 04/26/2021 06:30 PDT, 11/02/2020 10:12 PST).
const CONSUMER_NOW = new Date("2021-04-26T14:00:00Z");
const DEVELOPER_NOW = new Date("2020-11-02T18:30:00Z");
const NOW = new Date("2024-06-01T12:00:00Z");
const HOUR = 3600_000;

function feedOf(result: FeedParse): StatusFeed {
  if (!result.ok) throw new Error(`expected a feed, got: ${result.reason}`);
  return result.feed;
}

function service(feed: StatusFeed, name: string): StatusService {
  const found = feed.services.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

/** A full event as the feed writes it; tests override what they are about. */
function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    usersAffected: "Some users are affected",
    epochStartDate: NOW.getTime() - HOUR,
    epochEndDate: null,
    messageId: "1000000001",
    statusType: "Issue",
    datePosted: "06/01/2024 05:00 PDT",
    startDate: "06/01/2024 04:00 PDT",
    endDate: null,
    affectedServices: null,
    eventStatus: "ongoing",
    message: "Users may be experiencing issues with this service.",
    ...overrides,
  };
}

const body = (services: unknown[]) => JSON.stringify({ drpost: false, drMessage: null, services });
const parse = (services: unknown[], source: "consumer" | "developer" = "consumer") =>
  feedOf(parseStatusFeed(body(services), NOW, source));

describe("parseStatusFeed: real payloads", () => {
  it("consumer, one ongoing: 63 services, iCloud Mail outage is current with no end", () => {
    const feed = feedOf(parseStatusFeed(CONSUMER_ONGOING, CONSUMER_NOW));
    expect(feed.services).toHaveLength(63);
    const mail = service(feed, "iCloud Mail");
    expect(mail.state).toBe("outage");
    expect(mail.signInRelated).toBe(false);
    expect(currentEvents(mail)).toEqual([
      {
        id: "1000000310",
        type: "Outage",
        status: "ongoing",
        message: "Users may be experiencing intermittent issues with this service.",
        usersAffected: "Some users are affected",
        start: "2021-04-26T11:13:00.000Z",
        end: null,
        startText: "04/26/2021 04:13 PDT",
        endText: null,
        affectedServices: [],
        current: true,
      },
    ]);
    // Nothing else is down.
    expect(feed.services.filter((s) => s.state !== "ok").map((s) => s.name)).toEqual(["iCloud Mail"]);
  });

  it("consumer, one ongoing: iCloud Keychain's resolved Issue is history, the service is ok", () => {
    const keychain = service(feedOf(parseStatusFeed(CONSUMER_ONGOING, CONSUMER_NOW)), "iCloud Keychain");
    expect(keychain.state).toBe("ok");
    expect(keychain.signInRelated).toBe(true);
    expect(keychain.events).toHaveLength(1);
    expect(keychain.events[0]).toMatchObject({
      id: "2000000560",
      type: "Issue",
      status: "resolved",
      current: false,
      start: "2021-04-24T19:16:00.000Z",
      end: "2021-04-24T22:55:00.000Z",
      usersAffected: "Some users were affected",
    });
    expect(currentEvents(keychain)).toEqual([]);
  });

  it("consumer, one ongoing: escaped names decoded, `Apple ID` shown as Apple Account and sign-in related, sign-in first", () => {
    const feed = feedOf(parseStatusFeed(CONSUMER_ONGOING, CONSUMER_NOW));
    expect(feed.services.map((s) => s.name)).toContain("iCloud Account & Sign In");
    expect(feed.services.map((s) => s.name).filter((n) => n.includes("&amp;"))).toEqual([]);
    expect(service(feed, "Apple Account").signInRelated).toBe(true);
    const signIn = feed.services.filter((s) => s.signInRelated).map((s) => s.name);
    expect(signIn).toEqual([
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
    // Sign-in related first, then the rest alphabetically.
    expect(feed.services.slice(0, signIn.length).every((s) => s.signInRelated)).toBe(true);
    const rest = feed.services.slice(signIn.length).map((s) => s.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    expect(rest[0]).toBe("Apple Arcade");
    expect(service(feed, "Apple Pay").redirectUrl).toBe(
      "https://web.archive.org/web/20210426135940/https://developer.apple.com/apple-pay/",
    );
    expect(service(feed, "App Store")).not.toHaveProperty("redirectUrl"); // null in the feed
  });

  it("consumer, no issues: 65 services, all ok, redirectUrl only where present", () => {
    const feed = feedOf(parseStatusFeed(CONSUMER_QUIET, CONSUMER_NOW));
    expect(feed.services).toHaveLength(65);
    expect(feed.services.every((s) => s.state === "ok" && s.events.length === 0)).toBe(true);
    expect(feed.services.filter((s) => s.signInRelated)).toHaveLength(11);
    expect(feed.services.filter((s) => s.redirectUrl).map((s) => [s.name, s.redirectUrl])).toEqual([
      ["Apple Pay", "https://developer.apple.com/apple-pay/"],
    ]);
    expect(service(feed, "iCloud Account & Sign In").signInRelated).toBe(true);
  });

  it("developer: 33 services, Videos maintenance ongoing, the same messageId completed elsewhere", () => {
    const feed = feedOf(parseStatusFeed(DEVELOPER_ONGOING, DEVELOPER_NOW, "developer"));
    expect(feed.services).toHaveLength(33);
    expect(feed.services[0]).toMatchObject({ name: "Account", signInRelated: true, state: "ok" });
    expect(feed.services.filter((s) => s.signInRelated)).toHaveLength(1);
    const videos = service(feed, "Videos");
    expect(videos.state).toBe("maintenance");
    expect(currentEvents(videos)).toEqual([
      expect.objectContaining({
        id: "2000000024",
        type: "Maintenance",
        status: "ongoing",
        end: null,
        start: "2020-10-20T16:00:00.000Z",
        usersAffected: "All users were affected", // past tense while ongoing: tense is unreliable
        affectedServices: ["Videos"],
      }),
    ]);
    for (const name of ["Contact Us", "Program Enrollment and Renewals", "Software Downloads"]) {
      const s = service(feed, name);
      expect(s.state).toBe("ok");
      expect(s.events.find((e) => e.id === "2000000024")).toMatchObject({ status: "completed", current: false });
    }
    expect(feed.services.filter((s) => s.state !== "ok").map((s) => s.name)).toEqual(["Videos"]);
  });

  it("developer: events newest first even when the feed lists them out of order", () => {
    const notary = service(
      feedOf(parseStatusFeed(DEVELOPER_ONGOING, DEVELOPER_NOW, "developer")),
      "Developer ID Notary Service",
    );
    expect(notary.events.map((e) => e.id)).toEqual(["2000000031", "2000000030", "2000000027", "2000000022"]);
  });

  it("developer: the same payload JSONP-wrapped parses identically", () => {
    const bare = parseStatusFeed(DEVELOPER_ONGOING, DEVELOPER_NOW, "developer");
    expect(parseStatusFeed(`jsonCallback(${DEVELOPER_ONGOING});`, DEVELOPER_NOW, "developer")).toEqual(bare);
  });
});

describe("parseStatusFeed: one test per quirk (REFERENCE b)", () => {
  const one = [{ serviceName: "iCloud Mail", events: [event({ statusType: "Outage" })] }];

  it("(1) bare JSON, `jsonCallback({...});` and `jsonCallback({...})` give the same feed", () => {
    const bare = parseStatusFeed(body(one), NOW);
    expect(bare.ok).toBe(true);
    expect(parseStatusFeed(`jsonCallback(${body(one)});`, NOW)).toEqual(bare);
    expect(parseStatusFeed(`jsonCallback(${body(one)})`, NOW)).toEqual(bare);
    expect(parseStatusFeed(`jsonCallback(\n${body(one)}\n);\n`, NOW)).toEqual(bare);
  });

  it("(1) a message containing `})` inside JSONP survives (no slicing between `({` and `})`)", () => {
    const tricky = body([{ serviceName: "iCloud Mail", events: [event({ message: "Fixed: see ({x}) and })." })] }]);
    const feed = feedOf(parseStatusFeed(`jsonCallback(${tricky});`, NOW));
    expect(feed.services[0].events[0].message).toBe("Fixed: see ({x}) and }).");
  });

  it("(1) a BOM and surrounding whitespace are dropped, bare or wrapped", () => {
    const bare = parseStatusFeed(body(one), NOW);
    expect(parseStatusFeed(`\uFEFF \n\t${body(one)}\r\n `, NOW)).toEqual(bare);
    expect(parseStatusFeed(`\uFEFF\n jsonCallback(${body(one)});\n`, NOW)).toEqual(bare);
  });

  it("(1) another wrapper still parses from the first `{` to the last `}`", () => {
    expect(unwrapFeed(`/**/ statusCallback(${body(one)}) // end`)).toEqual(JSON.parse(body(one)));
  });

  it("(2) HTML entities in serviceName and affectedServices are decoded before matching", () => {
    const feed = parse([
      {
        serviceName: "iCloud Account &amp; Sign In",
        events: [event({ affectedServices: ["iCloud Account &amp; Sign In", "Maps Routing &#38; Navigation"] })],
      },
      { serviceName: "Bob&#x27;s &quot;Service&quot; &lt;beta&gt; &#39;x&#39;", events: [] },
    ]);
    const account = service(feed, "iCloud Account & Sign In");
    expect(account.signInRelated).toBe(true);
    expect(account.events[0].affectedServices).toEqual(["iCloud Account & Sign In", "Maps Routing & Navigation"]);
    expect(feed.services.map((s) => s.name)).toContain(`Bob's "Service" <beta> 'x'`);
  });

  it("(2) decodeEntities decodes once, and leaves unknown or invalid entities alone", () => {
    expect(decodeEntities("&amp;lt; &#65;&#x42; &bogus; &#xFFFFFFF; & alone")).toBe(
      "&lt; AB &bogus; &#xFFFFFFF; & alone",
    );
  });

  it("(3) `Apple ID` and `Apple Account` are both sign-in related; one feed with both shows one Apple Account", () => {
    const feed = parse([
      { serviceName: "Weather", events: [] },
      { serviceName: "Apple ID", events: [] },
      { serviceName: "Apple Account", events: [] },
    ]);
    expect(feed.services.map((s) => [s.name, s.signInRelated])).toEqual([
      ["Apple Account", true],
      ["Weather", false],
    ]);
    expect(isSignInService("apple id", "consumer")).toBe(true);
    expect(isSignInService("APPLE ACCOUNT", "consumer")).toBe(true);
    expect(isSignInService("Account", "consumer")).toBe(false);
    expect(isSignInService("Account", "developer")).toBe(true);
    expect(isSignInService("Apple ID", "developer")).toBe(false);
  });

  it("(4) trailing spaces in names are trimmed before matching and sorting", () => {
    const feed = parse(
      [
        { serviceName: "App Store Connect - App Processing ", events: [] },
        { serviceName: "  Account ", events: [] },
      ],
      "developer",
    );
    expect(feed.services.map((s) => s.name)).toEqual(["Account", "App Store Connect - App Processing"]);
    expect(feed.services[0].signInRelated).toBe(true);
    expect(isSignInService(" iCloud Account &amp; Sign In  ", "consumer")).toBe(true);
  });

  it('(5) statusType "" on a current event counts as an issue', () => {
    const feed = parse([{ serviceName: "FaceTime", events: [event({ statusType: "" })] }]);
    expect(feed.services[0].state).toBe("issue");
    expect(feed.services[0].events[0].type).toBe("");
  });

  it("(6) nulls in usersAffected, datePosted, endDate, epochEndDate and affectedServices", () => {
    const feed = parse([
      {
        serviceName: "iMessage",
        events: [
          event({
            usersAffected: null,
            datePosted: null,
            endDate: null,
            epochEndDate: null,
            affectedServices: null,
            startDate: null,
          }),
        ],
      },
    ]);
    expect(feed.services[0].events[0]).toMatchObject({
      usersAffected: null,
      end: null,
      endText: null,
      startText: null,
      affectedServices: [],
      current: true,
    });
    expect(feed.services[0].state).toBe("issue");
  });

  it("(6) missing fields, events: null, non-array events, numbers as strings, messageId as a number", () => {
    const feed = parse([
      null,
      { events: [] }, // no name: skipped
      { serviceName: "   ", events: [] }, // blank name: skipped
      { serviceName: 42, events: [] },
      { serviceName: "Siri", events: null },
      { serviceName: "Maps Search", events: "none" },
      { serviceName: "Photos" },
      {
        serviceName: "iCloud Drive",
        redirectUrl: null,
        events: [null, 7, {}, { messageId: 3274, epochStartDate: "1619478780000", eventStatus: "Ongoing" }],
      },
    ]);
    expect(feed.services.map((s) => s.name)).toEqual(["iCloud Drive", "Maps Search", "Photos", "Siri"]);
    const drive = service(feed, "iCloud Drive");
    expect(drive.events).toEqual([
      {
        id: "3274",
        type: "",
        status: "ongoing",
        message: "",
        usersAffected: null,
        start: "2021-04-26T23:13:00.000Z",
        end: null,
        startText: null,
        endText: null,
        affectedServices: [],
        current: true,
      },
      expect.objectContaining({ id: "", status: "", start: null, current: false }),
    ]);
    expect(drive.state).toBe("issue");
    expect(service(feed, "Siri").events).toEqual([]);
  });

  it("(7) duplicate and null entries in affectedServices are dropped", () => {
    const feed = parse([
      {
        serviceName: "iCloud Mail",
        events: [event({ affectedServices: ["iCloud Mail", null, "iCloud Mail ", "", "Mail Drop", 3, "Mail Drop"] })],
      },
    ]);
    expect(feed.services[0].events[0].affectedServices).toEqual(["iCloud Mail", "Mail Drop"]);
  });

  it("(8) one messageId under many services keeps each service's own status", () => {
    const shared = { messageId: "2000000024", statusType: "Maintenance" };
    const feed = parse([
      { serviceName: "Videos", events: [event({ ...shared, eventStatus: "ongoing" })] },
      {
        serviceName: "Contact Us",
        events: [event({ ...shared, eventStatus: "completed", epochEndDate: NOW.getTime() - 1 })],
      },
      { serviceName: "Software Downloads", events: [event({ ...shared, eventStatus: "completed" })] },
    ]);
    expect(service(feed, "Videos").state).toBe("maintenance");
    expect(service(feed, "Contact Us").state).toBe("ok");
    expect(service(feed, "Software Downloads").state).toBe("ok");
    expect(service(feed, "Videos").events).toHaveLength(1);
  });

  it("(8) the same messageId twice under one service is one event, the current copy kept", () => {
    const feed = parse([
      {
        serviceName: "Siri",
        events: [
          event({ messageId: "9", eventStatus: "resolved", statusType: "Outage" }),
          event({ messageId: "9", eventStatus: "ongoing", statusType: "Outage" }),
          event({ messageId: "9", eventStatus: "resolved", statusType: "Outage" }),
        ],
      },
    ]);
    expect(feed.services[0].events.map((e) => e.status)).toEqual(["ongoing"]);
    expect(feed.services[0].state).toBe("outage");
  });

  it("(8) several ongoing ids on one service are all kept; the worst sets the state", () => {
    const feed = parse([
      {
        serviceName: "iCloud Keychain",
        events: [
          event({ messageId: "1", statusType: "Maintenance", epochStartDate: NOW.getTime() - 3 * HOUR }),
          event({ messageId: "2", statusType: "Performance", epochStartDate: NOW.getTime() - 2 * HOUR }),
          event({ messageId: "3", statusType: "Outage", epochStartDate: NOW.getTime() - 1 * HOUR }),
          event({ messageId: "4", statusType: "Outage", eventStatus: "resolved", epochStartDate: NOW.getTime() }),
        ],
      },
    ]);
    const keychain = feed.services[0];
    expect(keychain.state).toBe("outage");
    expect(currentEvents(keychain).map((e) => e.id)).toEqual(["3", "2", "1"]);
    expect(keychain.events.map((e) => e.id)).toEqual(["4", "3", "2", "1"]);
  });

  it("(8) severity order: outage > issue > performance > maintenance", () => {
    const stateOf = (types: string[]) =>
      parse([{ serviceName: "Siri", events: types.map((t, i) => event({ messageId: String(i), statusType: t })) }])
        .services[0].state;
    expect(stateOf(["Maintenance", "Performance"])).toBe("performance");
    expect(stateOf(["Performance", "Issue"])).toBe("issue");
    expect(stateOf(["Maintenance", ""])).toBe("issue");
    expect(stateOf(["Issue", "Outage", "Maintenance"])).toBe("outage");
    expect(stateOf(["Maintenance"])).toBe("maintenance");
    expect(stateOf([])).toBe("ok");
  });

  it("(9) mixed-zone date strings are kept as display text; logic uses the epochs", () => {
    const feed = parse([
      {
        serviceName: "Developer ID Notary Service",
        events: [
          event({
            eventStatus: "resolved",
            epochStartDate: 1604214060000,
            epochEndDate: 1604221200000,
            startDate: "11/01/2020 00:01 PDT",
            endDate: "11/01/2020 01:00 PST",
          }),
        ],
      },
      { serviceName: "Siri", events: [event({ startDate: "2022/03/27 10:03 JST", endDate: "03/27/2022 01:00 PDT" })] },
    ]);
    expect(service(feed, "Developer ID Notary Service").events[0]).toMatchObject({
      startText: "11/01/2020 00:01 PDT",
      endText: "11/01/2020 01:00 PST",
      start: "2020-11-01T07:01:00.000Z",
      end: "2020-11-01T09:00:00.000Z",
    });
    expect(service(feed, "Siri").events[0]).toMatchObject({
      startText: "2022/03/27 10:03 JST",
      endText: "03/27/2022 01:00 PDT",
      start: new Date(NOW.getTime() - HOUR).toISOString(),
      end: null,
    });
  });

  it("(10) a trailing newline in message is trimmed", () => {
    const feed = parse([
      {
        serviceName: "Siri",
        events: [event({ message: "Users may be affected.\n", usersAffected: "Some users are affected \n" })],
      },
    ]);
    expect(feed.services[0].events[0].message).toBe("Users may be affected.");
    expect(feed.services[0].events[0].usersAffected).toBe("Some users are affected");
  });

  it("(11) resolved and completed events are history: the service is ok", () => {
    const feed = parse([
      {
        serviceName: "iCloud Account &amp; Sign In",
        events: [
          event({ eventStatus: "resolved", statusType: "Outage", epochEndDate: NOW.getTime() - 1000 }),
          event({ messageId: "2", eventStatus: "completed", statusType: "Maintenance" }),
        ],
      },
    ]);
    expect(feed.services[0].state).toBe("ok");
    expect(feed.services[0].events).toHaveLength(2);
    expect(currentEvents(feed.services[0])).toEqual([]);
  });

  it("(11) upcoming: not current before its start, current once started, history after its end", () => {
    const window = (startOffset: number, endOffset: number | null) =>
      parse([
        {
          serviceName: "App Store",
          events: [
            event({
              eventStatus: "upcoming",
              statusType: "Maintenance",
              epochStartDate: NOW.getTime() + startOffset,
              epochEndDate: endOffset === null ? null : NOW.getTime() + endOffset,
            }),
          ],
        },
      ]).services[0];
    expect(window(HOUR, 2 * HOUR)).toMatchObject({ state: "ok", events: [{ current: false }] });
    expect(window(-HOUR, HOUR)).toMatchObject({ state: "maintenance", events: [{ current: true }] });
    expect(window(0, HOUR).state).toBe("maintenance"); // start <= now
    expect(window(-2 * HOUR, 0).state).toBe("ok"); // now < end, so end itself is over
    expect(window(-HOUR, null).state).toBe("maintenance"); // no end: current once started
    expect(window(HOUR, null).state).toBe("ok");
  });

  it("the same service name twice (escaped and plain) is merged into one", () => {
    const feed = parse([
      { serviceName: "iCloud Account &amp; Sign In", events: [event({ messageId: "1" })] },
      { serviceName: "iCloud Account & Sign In", events: [event({ messageId: "2", eventStatus: "resolved" })] },
    ]);
    expect(feed.services).toHaveLength(1);
    expect(feed.services[0].events.map((e) => e.id).sort()).toEqual(["1", "2"]);
  });
});

describe("parseStatusFeed: bodies that are not a feed", () => {
  const reasonOf = (text: string) => {
    const result = parseStatusFeed(text, NOW);
    if (result.ok) throw new Error("expected a failure");
    return result.reason;
  };

  it("an HTML page", () => {
    expect(reasonOf("<!DOCTYPE html>\n<html><head><title>Apple</title></head><body>{ }</body></html>")).toBe(
      "the feed is an HTML page, not JSON",
    );
  });

  it("a 404 page, as HTML or as plain text", () => {
    expect(reasonOf("<html><body><h1>404 Not Found</h1></body></html>\n")).toBe("the feed is an HTML page, not JSON");
    expect(reasonOf("Not Found")).toBe('the feed is not JSON (it starts with "Not Found")');
  });

  it("truncated JSON, bare or wrapped", () => {
    expect(reasonOf(CONSUMER_ONGOING.slice(0, 3000))).toBe("the feed was cut off (truncated JSON)");
    expect(reasonOf(`jsonCallback(${DEVELOPER_ONGOING.slice(0, 9000)}`)).toBe("the feed was cut off (truncated JSON)");
    expect(reasonOf('{"services": [{"serviceName": "iCloud Ma')).toBe("the feed was cut off (truncated JSON)");
  });

  it("JSON that is complete but damaged", () => {
    expect(reasonOf('{"services": [{"serviceName": "Siri" "events": []}]}')).toBe(
      "the feed is damaged (malformed JSON)",
    );
  });

  it("empty, whitespace or a lone BOM", () => {
    expect(reasonOf("")).toBe("the feed is empty");
    expect(reasonOf(" \n\t")).toBe("the feed is empty");
    expect(reasonOf("\uFEFF")).toBe("the feed is empty");
    expect(reasonOf("jsonCallback();")).toBe("the feed is empty");
  });

  it('"null", "[]" and a non-object', () => {
    expect(reasonOf("null")).toBe("the feed holds null, not a status document");
    expect(reasonOf("[]")).toBe("the feed is a list, not a status document");
    expect(reasonOf("42")).toBe("no services in the feed");
  });

  it("services missing, not a list, empty, or holding no named service", () => {
    expect(reasonOf('{"services": "x"}')).toBe("no services in the feed");
    expect(reasonOf('{"drpost": false}')).toBe("no services in the feed");
    expect(reasonOf('{"services": []}')).toBe("no services in the feed");
    expect(reasonOf('{"services": [null, {"events": []}]}')).toBe("no services in the feed");
  });

  it("not a string at all", () => {
    expect(reasonOf(undefined as unknown as string)).toBe("the feed is not text");
  });
});

// ---------------------------------------------------------------- fuzz

/** Numerical Recipes LCG: deterministic, no dependency. */
function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

const STATES = new Set(["ok", "issue", "outage", "maintenance", "performance"]);

function checkResult(result: FeedParse): void {
  if (!result.ok) {
    expect(typeof result.reason).toBe("string");
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason).not.toContain("\n");
    return;
  }
  for (const s of result.feed.services) {
    expect(typeof s.name).toBe("string");
    expect(STATES.has(s.state)).toBe(true);
    for (const e of s.events) {
      expect(typeof e.status).toBe("string");
      expect(typeof e.id).toBe("string");
      expect(Array.isArray(e.affectedServices)).toBe(true);
    }
  }
}

const ATOMS = [
  "{",
  "}",
  "[",
  "]",
  '"',
  ":",
  ",",
  "null",
  "true",
  "1619435580000",
  '"services"',
  '"serviceName"',
  '"events"',
  '"eventStatus"',
  '"ongoing"',
  "jsonCallback(",
  ");",
  "\uFEFF",
  " ",
  "\n",
  "&amp;",
  "<html>",
  "\\",
  "x",
  "é",
  "\u0000",
];

function mutateObject(value: unknown, rand: ReturnType<typeof lcg>): unknown {
  if (Array.isArray(value)) return value.map((v) => mutateObject(v, rand));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const roll = rand.next();
    if (roll < 0.05) continue; // delete the key
    if (roll < 0.1) out[key] = null;
    else if (roll < 0.13) out[key] = rand.pick([0, "", [], {}, "7", -1, 1e300, true]);
    else out[key] = mutateObject(v, rand);
  }
  return out;
}

describe("parseStatusFeed: fuzz (seeded)", () => {
  const rand = lcg(0x5eed);
  const payloads = [CONSUMER_QUIET, CONSUMER_ONGOING, DEVELOPER_ONGOING, `jsonCallback(${DEVELOPER_ONGOING});`];

  it("500 random strings never throw", () => {
    for (let i = 0; i < 500; i++) {
      let text = "";
      const length = rand.int(60);
      for (let j = 0; j < length; j++)
        text += rand.next() < 0.7 ? rand.pick(ATOMS) : String.fromCharCode(rand.int(0x3000));
      checkResult(parseStatusFeed(text, NOW, rand.next() < 0.5 ? "consumer" : "developer"));
    }
  });

  it("500 mutations of the real payloads never throw", () => {
    let parsedOk = 0;
    for (let i = 0; i < 500; i++) {
      const payload = rand.pick(payloads);
      let text: string;
      const kind = i % 3;
      if (kind === 0) {
        // Byte flips.
        const chars = [...payload];
        for (let k = 1 + rand.int(8); k > 0; k--) chars[rand.int(chars.length)] = String.fromCharCode(rand.int(256));
        text = chars.join("");
      } else if (kind === 1) {
        text = payload.slice(0, rand.int(payload.length)); // truncated at a random point
      } else {
        text = JSON.stringify(mutateObject(unwrapFeed(payload), rand)); // keys deleted or nulled
      }
      const result = parseStatusFeed(text, NOW, rand.next() < 0.5 ? "consumer" : "developer");
      checkResult(result);
      if (result.ok) parsedOk++;
    }
    // The structural mutations mostly keep a usable feed: the fuzz reaches the deep code.
    expect(parsedOk).toBeGreaterThan(100);
  });
});

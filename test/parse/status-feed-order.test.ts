import { describe, expect, it } from "vitest";
import { currentEvents, isSignInService, MAX_FEED_EVENTS, unwrapFeed } from "../../src/core/parse/status-feed";
import { feed, feedOf, HOUR, NOW, resolvedEvent, svc } from "../support/status-feed";

// Which events a service keeps and in what order: the cap on a hostile feed, copies of one
// event, dates given as text. Hand-made feeds in the shape of test/fixtures/status-*.json.

const event = resolvedEvent;
const ids = (events: unknown[]) => feed(feedOf([svc("Maps", events)])).services[0].events.map((e) => e.id);

describe("the cap on events: newest kept whatever the feed's order", () => {
  it("past events given oldest first: the newest hundred kept", () => {
    const events = Array.from({ length: MAX_FEED_EVENTS + 50 }, (_, i) =>
      event({ messageId: `r${i}`, epochStartDate: NOW.getTime() - (500 - i) * HOUR }),
    );
    const kept = ids(events);
    expect(kept).toHaveLength(MAX_FEED_EVENTS);
    expect(kept[0]).toBe(`r${MAX_FEED_EVENTS + 49}`);
    expect(kept).not.toContain("r49");
    expect(kept).toContain("r50");
  });

  it("current events given oldest first, more than the cap: the newest hundred kept", () => {
    const events = Array.from({ length: MAX_FEED_EVENTS + 20 }, (_, i) =>
      event({ messageId: `c${i}`, eventStatus: "ongoing", epochStartDate: NOW.getTime() - (500 - i) * HOUR }),
    );
    const s = feed(feedOf([svc("Maps", events)])).services[0];
    expect(s.currentLeftOut).toBe(20);
    expect(s.events.map((e) => e.id)).not.toContain("c19");
    expect(s.events.map((e) => e.id)).toContain("c20");
  });

  it("ten current events and 150 past ones: the ten, then the 90 newest past ones, each once", () => {
    const current = Array.from({ length: 10 }, (_, i) =>
      event({ messageId: `c${i}`, eventStatus: "ongoing", epochStartDate: NOW.getTime() - i * HOUR }),
    );
    const past = Array.from({ length: 150 }, (_, i) =>
      event({ messageId: `r${i}`, epochStartDate: NOW.getTime() - (20 + i) * HOUR }),
    );
    const kept = ids([...past, ...current]);
    expect(new Set(kept).size).toBe(MAX_FEED_EVENTS);
    expect(kept.filter((id) => id.startsWith("c"))).toHaveLength(10);
    expect(kept).toContain("r89");
    expect(kept).not.toContain("r90");
  });

  it("past events without a start are the first left out", () => {
    const dated = Array.from({ length: MAX_FEED_EVENTS }, (_, i) => event({ messageId: `d${i}` }));
    const undated = Array.from({ length: 5 }, (_, i) => event({ messageId: `u${i}`, epochStartDate: null }));
    const kept = ids([...undated, ...dated]);
    expect(kept.filter((id) => id.startsWith("u"))).toEqual([]);
  });

  it("entries that aren't events, or whose status isn't text, don't stop a capped service being read", () => {
    const events = [
      null,
      7,
      event({ messageId: "n", eventStatus: 5 }),
      ...Array.from({ length: MAX_FEED_EVENTS }, (_, i) => event({ messageId: `r${i}` })),
    ];
    const s = feed(feedOf([svc("Maps", events)])).services[0];
    expect(s.state).toBe("ok");
    expect(s.events.length).toBeGreaterThan(0);
  });
});

describe("copies of one event, and dates as text", () => {
  it("two past copies of one messageId: the first is kept", () => {
    const s = feed(feedOf([svc("Maps", [event({ message: "first copy" }), event({ message: "second copy" })])]))
      .services[0];
    expect(s.events.map((e) => e.message)).toEqual(["first copy"]);
  });

  it("an epoch given as a digit string with a fraction of a millisecond", () => {
    const [e] = feed(feedOf([svc("Maps", [event({ epochStartDate: "1717243200000.5" })])])).services[0].events;
    expect(e.start).toBe("2024-06-01T12:00:00.000Z");
  });
});

describe("helpers other modules call", () => {
  it("currentEvents of a service without events, or of nothing, is none", () => {
    expect(currentEvents(undefined as never)).toEqual([]);
    expect(currentEvents({ name: "Maps" } as never)).toEqual([]);
  });

  it("unwrapFeed refuses what isn't text", () => {
    expect(() => unwrapFeed(42 as never)).toThrow("the feed is not text");
  });

  it("a sign-in name matches whatever its spacing and case, but not with its words run together", () => {
    expect(isSignInService("  apple   ID ", "consumer")).toBe(true);
    expect(isSignInService("AppleID", "consumer")).toBe(false);
  });
});

import { parseStatusFeed, type StatusFeed } from "../../src/core/parse/status-feed";

// Hand-made feeds in the shape of test/fixtures/status-*.json (not captures).

export const NOW = new Date("2024-06-01T12:00:00Z");
export const HOUR = 3600_000;

export const feedOf = (services: unknown[]) => JSON.stringify({ services });
export const svc = (serviceName: string, events: unknown[] = []) => ({ serviceName, events });

/** An event that began an hour before NOW and is still going on. */
export const ongoingEvent = (over: Record<string, unknown> = {}) => ({
  messageId: "1",
  statusType: "Issue",
  eventStatus: "ongoing",
  message: "Some users are affected.",
  epochStartDate: NOW.getTime() - HOUR,
  epochEndDate: null,
  ...over,
});

/** An event that began an hour before NOW and ended half an hour later. */
export const resolvedEvent = (over: Record<string, unknown> = {}) => ({
  messageId: "1",
  statusType: "Issue",
  eventStatus: "resolved",
  message: "Some users were affected.",
  epochStartDate: NOW.getTime() - HOUR,
  epochEndDate: NOW.getTime() - HOUR / 2,
  ...over,
});

/** The parsed feed, or the test fails with the parser's reason. */
export function feed(text: string, source: "consumer" | "developer" = "consumer"): StatusFeed {
  const r = parseStatusFeed(text, NOW, source);
  if (!r.ok) throw new Error(r.reason);
  return r.feed;
}

import { describeError, describeFailure, LOOKUP_ERRORS } from "../host/types";
import { currentEvents, type StatusEvent } from "../parse/status-feed";
import { fetchStatusFeed } from "../status-client";
import { sinceWords } from "../time-words";
import type { Probe } from "./types";
import { hostOf, listWords, result } from "./util";

export interface CurrentIssue {
  service: string;
  type: string;
  status: string;
  message: string;
  start: string | null;
  usersAffected: string | null;
}

/** " (for 23 min)" after an event, or nothing when the feed gave no start. */
export function sinceNote(start: string | null, now: Date): string {
  const words = sinceWords(start, now);
  return words ? ` (${words})` : "";
}

/** Current events shown per sign-in service, and other affected services named. */
export const MAX_EVENTS_PER_SERVICE = 5;
const MAX_OTHER_SERVICES = 12;

// Before anything else: is Apple itself down? Only current events on the
// services sign-in depends on count; resolved events stay in the feed for
// days and mean nothing now.
export const appleStatusProbe: Probe = {
  id: "apple-status",
  title: "Apple System Status",
  area: "apple",
  async run({ host, targets, signal }) {
    const now = host.now();
    const fetched = await fetchStatusFeed(host, targets.statusFeeds.consumer, { now, source: "consumer", signal });
    if (!fetched.ok) {
      if (fetched.code === "ENOTRECORDED") return result("skip", "No System Status feed in the recording");
      // A name that didn't resolve says so: "(couldn't look up www.apple.com: …)".
      const why = !fetched.code
        ? undefined
        : LOOKUP_ERRORS.has(fetched.code)
          ? describeFailure(fetched.code, hostOf(targets.statusFeeds.consumer))
          : describeError(fetched.code);
      return result(
        "warn",
        why
          ? `Couldn't reach Apple's System Status (${why})`
          : `Couldn't check Apple's System Status: ${fetched.reason.replace(/^Apple's status feed /, "it ")}`,
        [fetched.reason],
        { fixes: ["open-status-page"] },
      );
    }
    const issues: CurrentIssue[] = [];
    const elsewhere: string[] = [];
    const leftOut: string[] = [];
    for (const service of fetched.feed.services) {
      const current = currentEvents(service);
      if (!current.length) continue;
      if (!service.signInRelated) {
        elsewhere.push(service.name);
        continue;
      }
      // A feed can list thousands of events on one service: the newest few say what support needs.
      const events = dedupe(current);
      issues.push(...events.slice(0, MAX_EVENTS_PER_SERVICE).map((e) => toIssue(service.name, e)));
      const more = Math.max(0, events.length - MAX_EVENTS_PER_SERVICE) + (service.currentLeftOut ?? 0);
      if (more) leftOut.push(`${service.name}: ${more} more current events left out`);
    }
    const shownElsewhere = elsewhere.slice(0, MAX_OTHER_SERVICES);
    const moreElsewhere = elsewhere.length - shownElsewhere.length;
    const details = [
      ...issues.map(
        (i) =>
          `${i.service}: ${i.type || "Issue"} ${i.status}${sinceNote(i.start, now)}: ${i.message}${i.usersAffected ? ` (${i.usersAffected})` : ""}`,
      ),
      ...leftOut,
      ...(elsewhere.length
        ? [
            `Also affected, not needed for sign-in: ${shownElsewhere.join(", ")}${moreElsewhere ? ` and ${moreElsewhere} more` : ""}`,
          ]
        : []),
    ];
    const data = { issues, elsewhere, fetchedAt: fetched.fetchedAt };
    if (!issues.length) {
      return result(
        "pass",
        elsewhere.length ? "Sign-in services are up (other Apple services have issues)" : "All sign-in services are up",
        details,
        { data },
      );
    }
    const services = [...new Set(issues.map((i) => i.service))];
    const outage = issues.find((i) => i.type === "Outage");
    const first = outage ?? issues[0];
    const kind = outage
      ? "an outage"
      : first.type === "Maintenance"
        ? "maintenance"
        : first.type === "Performance"
          ? "slow service"
          : "an issue";
    return result(
      outage ? "fail" : "warn",
      `Apple reports ${kind} on ${listWords(services)}${sinceNote(first.start, now)}`,
      details,
      {
        fixes: ["open-status-page"],
        data,
      },
    );
  },
};

/** One incident can appear under several ids on one service: one line each is enough. */
function dedupe(events: StatusEvent[]): StatusEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.type}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toIssue(service: string, e: StatusEvent): CurrentIssue {
  return {
    service,
    type: e.type,
    status: e.status,
    message: e.message,
    start: e.start,
    usersAffected: e.usersAffected,
  };
}

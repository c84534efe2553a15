import { currentEvents, type StatusEvent } from "../parse/status-feed";
import { describeError } from "../host/types";
import { fetchStatusFeed } from "../status-client";
import { sinceWords } from "../time-words";
import type { Probe } from "./types";
import { listWords, result } from "./util";

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
      return result(
        "warn",
        fetched.code
          ? `Couldn't reach Apple's System Status (${describeError(fetched.code)})`
          : `Couldn't check Apple's System Status: ${fetched.reason.replace(/^Apple's status feed /, "it ")}`,
        [fetched.reason],
        {
          fixes: ["open-status-page"],
        },
      );
    }
    const issues: CurrentIssue[] = [];
    const elsewhere: string[] = [];
    for (const service of fetched.feed.services) {
      const current = currentEvents(service);
      if (!current.length) continue;
      if (!service.signInRelated) {
        elsewhere.push(service.name);
        continue;
      }
      issues.push(...dedupe(current).map((e) => toIssue(service.name, e)));
    }
    const details = [
      ...issues.map(
        (i) =>
          `${i.service}: ${i.type || "Issue"} ${i.status}${sinceNote(i.start, now)}: ${i.message}${i.usersAffected ? ` (${i.usersAffected})` : ""}`,
      ),
      ...(elsewhere.length ? [`Also affected, not needed for sign-in: ${elsewhere.join(", ")}`] : []),
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

import { DEFAULT_TARGETS } from "../../src/core/targets";
import { healthy } from "./scenarios";

/** A healthy Mac whose status feed holds `count` current events on Apple Account (issue 12, item 16). */
export function hostileFeedRecording(count: number): ReturnType<typeof healthy> {
  const rec = healthy();
  const at = Date.parse(rec.recordedAt);
  const events = Array.from({ length: count }, (_, i) => ({
    messageId: String(i),
    statusType: "Issue",
    eventStatus: "ongoing",
    epochStartDate: at - i * 1000,
    epochEndDate: null,
    message: `Event ${i}: some users can't sign in.`,
    usersAffected: "Some users are affected",
  }));
  const body = JSON.stringify({ services: [{ serviceName: "Apple Account", events }] });
  rec.http = rec.http.map((h) => (h.url === DEFAULT_TARGETS.statusFeeds.consumer ? { ...h, body } : h));
  return rec;
}

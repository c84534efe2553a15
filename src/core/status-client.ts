// Fetches one Apple System Status feed through the host and turns it into
// the `status --json` document (CONTRACT.md section 1). Failures come back as
// a sentence for a person, never as an exception.

import { describeError, errorCode, type Host, type HttpResponse } from "./host/types";
import { parseStatusFeed, type ServiceState, type StatusFeed } from "./parse/status-feed";

export type FeedSource = "consumer" | "developer";

export type StatusFetch =
  { ok: true; feed: StatusFeed; fetchedAt: string } | { ok: false; reason: string; code?: string };

export interface FetchStatusOptions {
  now: Date;
  source: FeedSource;
  /** Per attempt. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 5000;

// A timeout already spent the whole budget, and a cancel, a replay miss or a
// refused target would fail the same way again: only other network errors
// (a reset connection, a flaky lookup) are worth a second try.
const NO_RETRY = new Set(["ETIMEDOUT", "ECANCELLED", "ENOTRECORDED", "ELOOPBACKONLY", "EINVAL"]);

/** Apple's own page adds `_=<ms>` so no cache between here and Apple serves a stale feed. */
function withCacheBuster(url: string, ms: number): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.set("_", String(ms));
    return parsed.toString();
  } catch {
    return `${url}${url.includes("?") ? "&" : "?"}_=${ms}`;
  }
}

/** GET with one retry on a network error; a HostError code when both attempts fail. */
async function getOnceRetried(
  host: Host,
  url: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<HttpResponse | { code: string }> {
  try {
    return await host.http(url, { timeoutMs, signal });
  } catch (error) {
    const code = errorCode(error);
    if (NO_RETRY.has(code) || signal?.aborted) return { code };
  }
  try {
    return await host.http(url, { timeoutMs, signal });
  } catch (error) {
    return { code: errorCode(error) };
  }
}

export async function fetchStatusFeed(host: Host, url: string, options: FetchStatusOptions): Promise<StatusFetch> {
  const { source, signal } = options;
  // An invalid Date would make toISOString throw: fall back to this process's clock.
  const now = Number.isFinite(options.now?.getTime()) ? options.now : new Date();
  const response = await getOnceRetried(
    host,
    withCacheBuster(url, now.getTime()),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal,
  );
  if ("code" in response) {
    const code = response.code;
    return { ok: false, reason: `Apple's status feed could not be reached: ${describeError(code)}`, code };
  }
  // HTTP errors are Apple's answer, not a glitch on the way: no retry.
  if (response.status < 200 || response.status > 299) {
    return { ok: false, reason: `Apple's status feed answered HTTP ${response.status}` };
  }
  const parsed = parseStatusFeed(response.body, now, source);
  if (!parsed.ok) return { ok: false, reason: `Apple's status feed could not be read: ${parsed.reason}` };
  // The run's clock, so a replayed recording prints the same document.
  return { ok: true, feed: parsed.feed, fetchedAt: now.toISOString() };
}

export interface StatusJsonEvent {
  id: string;
  type: string;
  status: string;
  message: string;
  usersAffected: string | null;
  /** CONTRACT says ISO; null only when the feed carried no epochStartDate. */
  start: string | null;
  end: string | null;
}

export interface StatusJson {
  source: FeedSource;
  fetchedAt: string;
  services: {
    name: string;
    signInRelated: boolean;
    state: ServiceState;
    events: StatusJsonEvent[];
  }[];
}

/** The `status --json` document: sign-in related services only, or every service (`--all`), sign-in first. */
export function statusJson(feed: StatusFeed, source: FeedSource, fetchedAt: string, all: boolean): StatusJson {
  return {
    source,
    fetchedAt,
    // The feed is already ordered sign-in first; filtering keeps that order.
    services: feed.services
      .filter((service) => all || service.signInRelated)
      .map((service) => ({
        name: service.name,
        signInRelated: service.signInRelated,
        state: service.state,
        events: service.events.map((e) => ({
          id: e.id,
          type: e.type,
          status: e.status,
          message: e.message,
          usersAffected: e.usersAffected,
          start: e.start,
          end: e.end,
        })),
      })),
  };
}

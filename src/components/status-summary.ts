// Words and verdicts for Apple's System Status, shared by the Check Apple
// Status view and the menu bar. No Raycast imports: everything here is plain
// data in, plain text out, so it is unit-tested on its own.
import { format } from "date-fns";
import { distanceWords, sinceWords } from "../core/time-words";

export { distanceWords, sinceWords };
import {
  currentEvents,
  currentServiceName,
  decodeEntities,
  unwrapFeed,
  type ServiceState,
  type StatusEvent,
  type StatusFeed,
  type StatusService,
} from "../core/parse/status-feed";
import type { FeedSource } from "../core/status-client";

/** Worst first; "ok" last. */
export const STATE_SEVERITY: readonly ServiceState[] = ["outage", "issue", "performance", "maintenance", "ok"];

export const STATE_LABELS: Record<ServiceState, string> = {
  ok: "Available",
  outage: "Outage",
  issue: "Issue",
  performance: "Performance",
  maintenance: "Maintenance",
};

/** The worst of some states; "ok" for none. */
export function worstState(states: Iterable<ServiceState>): ServiceState {
  const seen = new Set(states);
  return STATE_SEVERITY.find((state) => seen.has(state)) ?? "ok";
}

/** The state one event stands for, read the way the parser reads it ("" or unknown = issue). */
export function eventState(event: Pick<StatusEvent, "type">): Exclude<ServiceState, "ok"> {
  const t = (event.type ?? "").toLowerCase();
  return t === "outage" || t === "performance" || t === "maintenance" ? t : "issue";
}

export const isAffected = (service: StatusService): boolean => service.state !== "ok";

export const signInServices = <S extends StatusService>(feed: { services: S[] }): S[] =>
  feed.services.filter((s) => s.signInRelated);

export const otherServices = <S extends StatusService>(feed: { services: S[] }): S[] =>
  feed.services.filter((s) => !s.signInRelated);

// ---------------------------------------------------------------- localized feeds

/** A service as shown: from a localized feed, it keeps the English name it was judged by. */
export interface ShownService extends StatusService {
  /** The en_US name, when the shown name is a translation of it. */
  englishName?: string;
}

export interface ShownFeed {
  services: ShownService[];
}

/** "iCloudアカウントおよびサインイン (iCloud Account & Sign In)"; the plain name for an English one. */
export const bilingualName = (service: ShownService): string =>
  service.englishName ? `${service.name} (${service.englishName})` : service.name;

/**
 * Service names in the order the feed lists them, read as the parser reads
 * them (entities decoded, trimmed, nameless entries skipped); undefined when
 * the body is not a status document.
 */
export function listedServiceNames(body: string): string[] | undefined {
  try {
    const doc = unwrapFeed(body) as { services?: unknown } | null;
    if (!doc || typeof doc !== "object" || !Array.isArray(doc.services)) return undefined;
    return doc.services
      .flatMap((s: unknown) => {
        const name = s && typeof s === "object" ? (s as { serviceName?: unknown }).serviceName : undefined;
        return typeof name === "string" ? [currentServiceName(decodeEntities(name).trim())] : [];
      })
      .filter(Boolean);
  } catch {
    return undefined;
  }
}

export interface ListedFeed {
  feed: StatusFeed;
  /** listedServiceNames of the body it was parsed from. */
  names: string[];
}

/**
 * A localized consumer feed for display, judged by the English one: Localized
 * feeds translate names, so sign-in relatedness is only read from en_US
 * (REFERENCE b). Services are paired by their position in the two feeds;
 * undefined (show English) when they can't be paired safely: a different
 * count, a name paired two ways, or a name both feeds spell alike (Apple ID
 * stays English) at different places, which means the orders differ.
 * The result keeps the English feed's order; names, events and states come
 * from the localized feed.
 */
export function pairLocalizedFeed(english: ListedFeed, localized: ListedFeed): ShownFeed | undefined {
  const en = english.names;
  const local = localized.names;
  if (en.length === 0 || en.length !== local.length) return undefined;
  const englishNames = new Set(en);
  const toEnglish = new Map<string, string>();
  const toLocal = new Map<string, string>();
  for (let i = 0; i < en.length; i++) {
    const [e, l] = [en[i], local[i]];
    if ((toEnglish.get(l) ?? e) !== e || (toLocal.get(e) ?? l) !== l) return undefined;
    if (l !== e && englishNames.has(l)) return undefined;
    toEnglish.set(l, e);
    toLocal.set(e, l);
  }
  const byName = new Map(localized.feed.services.map((s) => [s.name, s]));
  const services: ShownService[] = [];
  for (const service of english.feed.services) {
    const name = toLocal.get(service.name);
    const shown = name === undefined ? undefined : byName.get(name);
    if (!shown) return undefined;
    services.push({
      ...shown,
      signInRelated: service.signInRelated,
      ...(shown.name !== service.name ? { englishName: service.name } : {}),
    });
  }
  return { services };
}

/** The worst state among the sign-in related services. */
export function worstSignInState(feed: StatusFeed): ServiceState {
  return worstState(signInServices(feed).map((s) => s.state));
}

/**
 * Current events on these services, one per incident: Apple lists one
 * messageId under every affected service (REFERENCE b, quirk 8).
 */
export function distinctCurrentEvents(services: readonly StatusService[]): StatusEvent[] {
  const seen = new Set<string>();
  const events: StatusEvent[] = [];
  for (const service of services) {
    for (const event of currentEvents(service)) {
      const key = event.id ? `id:${event.id}` : `${service.name}|${event.type}|${event.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(event);
    }
  }
  return events;
}

/** What a row leads with: the worst current event, else the newest past (or scheduled) one. */
export function headlineEvent(service: StatusService): StatusEvent | undefined {
  const current = currentEvents(service);
  if (current.length) {
    const worst = worstState(current.map(eventState));
    return current.find((e) => eventState(e) === worst);
  }
  return service.events[0];
}

// ---------------------------------------------------------------- time words

const parse = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);

/** "Resolved 2 days ago", "Completed 5 hours ago", "Scheduled in 3 days" for an event that is not current. */
export function pastWords(event: StatusEvent, now: Date): string {
  const t = now.getTime();
  const start = parse(event.start);
  if (event.status === "upcoming") {
    return Number.isFinite(start) && start > t ? `Scheduled in ${distanceWords(start, t)}` : "Scheduled";
  }
  const verb = event.status === "completed" ? "Completed" : "Resolved";
  const end = parse(event.end);
  const at = Number.isFinite(end) ? end : start;
  if (!Number.isFinite(at)) return verb;
  if (at > t) return `${verb}, ends in ${distanceWords(at, t)}`;
  return `${verb} ${distanceWords(at, t)} ago`;
}

/** "10:42", local time: when a feed was fetched. */
export function clockTime(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isFinite(date.getTime()) ? format(date, "HH:mm") : "unknown time";
}

/** "Nov 21, 09:37", local time; null without a time. */
export function dateTime(iso: string | null): string | null {
  const at = parse(iso);
  return Number.isFinite(at) ? format(at, "MMM d, HH:mm") : null;
}

// ---------------------------------------------------------------- summaries

/** One incident can appear under several ids on one service: one line each is enough. */
function oncePerIncident(events: StatusEvent[]): StatusEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${eventState(e)}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function eventLine(service: string, event: StatusEvent, now: Date): string {
  const since = sinceWords(event.start, now);
  const message = event.message.replace(/\s+/g, " ").trim();
  const users = event.usersAffected ? ` (${event.usersAffected})` : "";
  return `- ${service}: ${STATE_LABELS[eventState(event)]}${since ? ` ${since}` : ""}${message ? `. ${message}` : ""}${users}`;
}

/**
 * The plain-text summary for the clipboard: every sign-in service with a
 * current event, or "All sign-in services are up as of 10:42"; other
 * affected services get one line at the end. A translated name is followed
 * by the English one, for whoever reads the report.
 */
export function statusSummary(feed: StatusFeed | ShownFeed, fetchedAt: string, now: Date): string {
  const asOf = clockTime(fetchedAt);
  const affected = signInServices<ShownService>(feed).filter(isAffected);
  const others = otherServices<ShownService>(feed).filter(isAffected).map(bilingualName);
  const lines = affected.length
    ? [
        `Sign-in services with issues as of ${asOf}:`,
        ...affected.flatMap((service) =>
          oncePerIncident(currentEvents(service)).map((event) => eventLine(bilingualName(service), event, now)),
        ),
      ]
    : [`All sign-in services are up as of ${asOf}`];
  if (others.length) lines.push(`Other services with issues: ${others.join(", ")}`);
  return lines.join("\n");
}

/** "Apple Account: Outage for 23 min" for one affected service (menu bar rows, tooltips). */
export function serviceHeadline(service: StatusService, now: Date): string {
  const event = headlineEvent(service);
  if (!event || service.state === "ok") return `${service.name}: Available`;
  const since = sinceWords(event.start, now);
  return `${service.name}: ${STATE_LABELS[service.state]}${since ? ` ${since}` : ""}`;
}

/** "Apple's status feed could not be reached: timed out" → "timed out", for tight spaces. */
export function shortReason(reason: string): string {
  return reason
    .replace(/^Apple's status feed could not be reached: /, "")
    .replace(/^Apple's status feed /, "the feed ");
}

// ---------------------------------------------------------------- the menu bar's saved result

export interface SavedStatus {
  source: FeedSource;
  feed: StatusFeed;
  fetchedAt: string;
}

/** The last good fetch as saved in Raycast's Cache; undefined for anything unreadable. */
export function readSavedStatus(raw: string | undefined): SavedStatus | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<SavedStatus> | null;
    if (!value || typeof value !== "object") return undefined;
    if (typeof value.fetchedAt !== "string" || !Number.isFinite(Date.parse(value.fetchedAt))) return undefined;
    if (!value.feed || !Array.isArray(value.feed.services)) return undefined;
    const services = value.feed.services.filter(
      (s): s is StatusService =>
        !!s && typeof s.name === "string" && STATE_SEVERITY.includes(s.state) && Array.isArray(s.events),
    );
    return {
      source: value.source === "developer" ? "developer" : "consumer",
      feed: { services },
      fetchedAt: value.fetchedAt,
    };
  } catch {
    return undefined;
  }
}

// Apple System Status feed (REFERENCE.md b). The feed is loosely typed and
// has changed shape over the years (JSONP or bare, escaped names, renamed
// services, nulls anywhere), so every field is read defensively and
// parseStatusFeed never throws: a bad body is a reason, not an exception.

import { cleanLine } from "../sanitize";

export type ServiceState = "ok" | "issue" | "outage" | "maintenance" | "performance";

export interface StatusEvent {
  /** messageId; "" when the feed gave none. */
  id: string;
  /** statusType as given (Issue, Outage, Maintenance, Performance); may be "". */
  type: string;
  /** eventStatus, lower case: ongoing, resolved, upcoming, completed. */
  status: string;
  message: string;
  usersAffected: string | null;
  /** ISO, from epochStartDate (ms). */
  start: string | null;
  /** ISO, from epochEndDate (ms); null while ongoing. */
  end: string | null;
  /** Localized display strings, possibly in different time zones: never used for logic. */
  startText: string | null;
  endText: string | null;
  affectedServices: string[];
  current: boolean;
}

export interface StatusService {
  name: string;
  signInRelated: boolean;
  state: ServiceState;
  /** Newest first. */
  events: StatusEvent[];
  redirectUrl?: string;
  /** Ongoing or upcoming events beyond what the parser keeps per service (a hostile feed): only counted. */
  currentLeftOut?: number;
}

/**
 * Events kept per service: Apple's feed lists a handful, a hostile one 100,000. The current ones
 * first, then the newest; the rest are counted, not parsed.
 */
export const MAX_FEED_EVENTS = 100;

export interface StatusFeed {
  /** Sign-in related first (core ones first), then the rest alphabetically. */
  services: StatusService[];
}

export type FeedParse = { ok: true; feed: StatusFeed } | { ok: false; reason: string };

/** In REFERENCE order: the core sign-in services, then the related ones. */
const SIGN_IN_SERVICES: Record<"consumer" | "developer", readonly string[]> = {
  consumer: [
    "Apple Account",
    "Apple ID", // the name until late 2024; a 2022 snapshot carried both
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
  ],
  developer: ["Account"],
};

const matchKey = (name: string) => decodeEntities(name).trim().replace(/\s+/g, " ").toLowerCase();

const SIGN_IN_RANK = {
  consumer: new Map(SIGN_IN_SERVICES.consumer.map((name, i) => [matchKey(name), i])),
  developer: new Map(SIGN_IN_SERVICES.developer.map((name, i) => [matchKey(name), i])),
};

function signInRank(name: string, source: "consumer" | "developer"): number | undefined {
  return SIGN_IN_RANK[source === "developer" ? "developer" : "consumer"].get(matchKey(name));
}

export function isSignInService(name: string, source: "consumer" | "developer"): boolean {
  return typeof name === "string" && signInRank(name, source) !== undefined;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** One pass, so "&amp;lt;" becomes "&lt;" and not "<". Unknown or invalid entities stay as written. */
export function decodeEntities(s: string): string {
  if (typeof s !== "string") return "";
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] !== "#") return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The wrapper rule of REFERENCE b: the consumer feed comes bare, the developer
 * one as `jsonCallback({...});`. Never slice between "({" and "})": messages
 * may contain "})". Throws when nothing parses (parseStatusFeed catches).
 */
export function unwrapFeed(body: string): unknown {
  const text = stripWrapper(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    // Some other wrapper (another callback name, a comment): the outermost object.
    const first = text.indexOf("{");
    const last = text.lastIndexOf("}");
    if (first !== -1 && last > first) return JSON.parse(text.slice(first, last + 1));
    throw error;
  }
}

function stripWrapper(body: string): string {
  if (typeof body !== "string") throw new TypeError("the feed is not text");
  let text = body.replace(/^\uFEFF/, "").trim();
  if (text.startsWith("jsonCallback(")) {
    text = text.slice("jsonCallback(".length).trimEnd();
    if (text.endsWith(");")) text = text.slice(0, -2);
    else if (text.endsWith(")")) text = text.slice(0, -1);
  }
  return text.trim();
}

/** True when the text opens more brackets (or a string) than it closes: a body cut off in transit. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}

const HTML_PAGE = "the feed is an HTML page, not JSON";

function unreadableReason(body: string): string {
  const text = stripWrapper(body);
  if (text === "") return "the feed is empty";
  if (/<html[\s>]/i.test(text)) return HTML_PAGE;
  if (/^[{[]/.test(text)) {
    return looksTruncated(text) ? "the feed was cut off (truncated JSON)" : "the feed is damaged (malformed JSON)";
  }
  const start = text.slice(0, 40).replace(/[^\x20-\x7e]+/g, " ");
  return `the feed is not JSON (it starts with "${start}")`;
}

// ---------------------------------------------------------------- field readers

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Strings trimmed; numbers (messageId is sometimes one) as text; anything else undefined. */
function text(v: unknown): string | undefined {
  // Outside text: escape sequences and control characters go here, before any front end sees it.
  if (typeof v === "string") return cleanLine(v).trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

const nonEmpty = (v: unknown): string | null => text(v) || null;

/** Epoch ms, as a number or a digit string, to ISO; null when absent or out of range. */
function isoFromEpoch(v: unknown): string | null {
  const ms = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function serviceNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const names = v.flatMap((n) => (typeof n === "string" ? [cleanLine(decodeEntities(n)).trim()] : [])).filter(Boolean);
  return [...new Set(names)];
}

// ---------------------------------------------------------------- events and state

function isCurrent(status: string, start: string | null, end: string | null, now: Date): boolean {
  if (status === "ongoing") return true;
  // A scheduled window that has begun is happening now, whatever the label says.
  if (status !== "upcoming" || start === null) return false;
  const t = now.getTime();
  return Date.parse(start) <= t && (end === null || t < Date.parse(end));
}

function parseEvent(raw: unknown, now: Date): StatusEvent | undefined {
  if (!isObject(raw)) return undefined;
  const status = (text(raw.eventStatus) ?? "").toLowerCase();
  const start = isoFromEpoch(raw.epochStartDate);
  const end = isoFromEpoch(raw.epochEndDate);
  return {
    id: text(raw.messageId) ?? "",
    type: text(raw.statusType) ?? "",
    status,
    message: text(raw.message) ?? "",
    usersAffected: nonEmpty(raw.usersAffected),
    start,
    end,
    startText: nonEmpty(raw.startDate),
    endText: nonEmpty(raw.endDate),
    affectedServices: serviceNames(raw.affectedServices),
    current: isCurrent(status, start, end, now),
  };
}

/** Worst first. An unknown statusType on a current event still means something is wrong: an issue. */
const SEVERITY: ServiceState[] = ["outage", "issue", "performance", "maintenance"];

function stateOfType(type: string): ServiceState {
  const t = type.toLowerCase();
  return t === "outage" || t === "performance" || t === "maintenance" ? t : "issue";
}

function serviceState(events: StatusEvent[]): ServiceState {
  const states = new Set(events.filter((e) => e.current).map((e) => stateOfType(e.type)));
  return SEVERITY.find((s) => states.has(s)) ?? "ok";
}

/**
 * One messageId listed twice under the same service is one event; keep the current
 * copy if any. The same id under other services stays there (it may differ in status).
 */
function dedupe(events: StatusEvent[]): StatusEvent[] {
  const byId = new Map<string, number>();
  const kept: StatusEvent[] = [];
  for (const event of events) {
    const at = event.id ? byId.get(event.id) : undefined;
    if (at === undefined) {
      if (event.id) byId.set(event.id, kept.length);
      kept.push(event);
    } else if (event.current && !kept[at].current) kept[at] = event;
  }
  return kept;
}

/** Newest start first; events without a start last, in feed order. */
function newestFirst(events: StatusEvent[]): StatusEvent[] {
  const time = (e: StatusEvent) => (e.start === null ? -Infinity : Date.parse(e.start));
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => time(b.event) - time(a.event) || a.i - b.i)
    .map(({ event }) => event);
}

// ---------------------------------------------------------------- the feed

interface Draft {
  name: string;
  redirectUrl?: string;
  events: StatusEvent[];
  currentLeftOut: number;
}

const looksCurrent = (e: unknown) =>
  isObject(e) && typeof e.eventStatus === "string" && /^\s*(ongoing|upcoming)\s*$/i.test(e.eventStatus);
const epochOf = (e: unknown) => {
  const v = isObject(e) ? Number(e.epochStartDate) : NaN;
  return Number.isFinite(v) ? v : -Infinity;
};

/** At most MAX_FEED_EVENTS raw events, current ones first, newest first within each; and how many current were dropped. */
function selectEvents(raw: unknown[]): { kept: unknown[]; currentLeftOut: number } {
  if (raw.length <= MAX_FEED_EVENTS) return { kept: raw, currentLeftOut: 0 };
  const byNewest = (a: unknown, b: unknown) => epochOf(b) - epochOf(a);
  const current = raw.filter(looksCurrent).sort(byNewest);
  const rest = current.length >= MAX_FEED_EVENTS ? [] : raw.filter((e) => !looksCurrent(e)).sort(byNewest);
  const kept = [...current.slice(0, MAX_FEED_EVENTS), ...rest].slice(0, MAX_FEED_EVENTS);
  return { kept, currentLeftOut: Math.max(0, current.length - MAX_FEED_EVENTS) };
}

/**
 * Apple renamed Apple ID to Apple Account in 2024; older feeds (and caches
 * of them) still say "Apple ID". Shown under its current name, so the
 * service title and the event text ("sign in with their Apple Account") agree.
 */
const CURRENT_NAMES: Record<string, string> = { "Apple ID": "Apple Account" };

/** A service's name as shown: the feed's, or its current name when Apple renamed it. */
export const currentServiceName = (feedName: string) => CURRENT_NAMES[feedName] ?? feedName;

/** Reads services; entries without a name are skipped, the same name twice is merged. */
function readServices(services: unknown[], now: Date): Draft[] {
  const byName = new Map<string, Draft>();
  for (const raw of services) {
    if (!isObject(raw) || typeof raw.serviceName !== "string") continue;
    const feedName = cleanLine(decodeEntities(raw.serviceName)).trim();
    const name = currentServiceName(feedName);
    if (!name) continue;
    const { kept, currentLeftOut } = selectEvents(Array.isArray(raw.events) ? raw.events : []);
    const events = kept.flatMap((e) => parseEvent(e, now) ?? []);
    const draft = byName.get(name);
    if (draft) {
      draft.events.push(...events);
      draft.currentLeftOut += currentLeftOut;
      continue;
    }
    const redirectUrl = text(raw.redirectUrl);
    byName.set(name, { name, events, currentLeftOut, ...(redirectUrl ? { redirectUrl } : {}) });
  }
  return [...byName.values()];
}

function compareServices(source: "consumer" | "developer") {
  return (a: StatusService, b: StatusService): number => {
    const ra = signInRank(a.name, source) ?? Infinity;
    const rb = signInRank(b.name, source) ?? Infinity;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.name < b.name ? -1 : 1);
  };
}

export function parseStatusFeed(body: string, now: Date, source: "consumer" | "developer" = "consumer"): FeedParse {
  try {
    if (typeof body !== "string") return { ok: false, reason: "the feed is not text" };
    // Before unwrapping: the `{`-to-`}` fallback would find script objects inside a page.
    if (stripWrapper(body).startsWith("<")) return { ok: false, reason: HTML_PAGE };
    let doc: unknown;
    try {
      doc = unwrapFeed(body);
    } catch {
      return { ok: false, reason: unreadableReason(body) };
    }
    if (doc === null) return { ok: false, reason: "the feed holds null, not a status document" };
    if (Array.isArray(doc)) return { ok: false, reason: "the feed is a list, not a status document" };
    if (!isObject(doc) || !Array.isArray(doc.services)) return { ok: false, reason: "no services in the feed" };
    const services = readServices(doc.services, now).map((draft): StatusService => {
      const events = newestFirst(dedupe(draft.events));
      return {
        name: draft.name,
        signInRelated: isSignInService(draft.name, source),
        state: serviceState(events),
        events,
        ...(draft.redirectUrl ? { redirectUrl: draft.redirectUrl } : {}),
        ...(draft.currentLeftOut ? { currentLeftOut: draft.currentLeftOut } : {}),
      };
    });
    if (services.length === 0) return { ok: false, reason: "no services in the feed" };
    return { ok: true, feed: { services: services.sort(compareServices(source)) } };
  } catch (error) {
    // Nothing above should throw; if it does, a person still gets a sentence.
    return {
      ok: false,
      reason: `the feed could not be read (${error instanceof Error ? error.message : "unknown error"})`,
    };
  }
}

export function currentEvents(service: StatusService): StatusEvent[] {
  return Array.isArray(service?.events) ? service.events.filter((e) => e.current) : [];
}

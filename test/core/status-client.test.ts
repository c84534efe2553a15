// The status client against a real HTTP server on loopback, reached through
// the real host's origin redirect: the client keeps asking for
// https://www.apple.com/... and the host sends it to http://127.0.0.1:<port>.

import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRealHost } from "../../src/core/host/real";
import { HostError, type Host, type HttpResponse, type OpOptions } from "../../src/core/host/types";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { fetchStatusFeed, statusJson } from "../../src/core/status-client";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const CONSUMER = fixture("status-consumer-one-ongoing.json");
const DEVELOPER = fixture("status-developer-one-ongoing.json");

const CONSUMER_URL = DEFAULT_TARGETS.statusFeeds.consumer;
const DEVELOPER_URL = DEFAULT_TARGETS.statusFeeds.developer;
const at = (path: string) => `https://www.apple.com${path}`;
const NOW = new Date("2021-04-26T14:00:00Z");
const DEV_NOW = new Date("2020-11-02T18:30:00Z");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Seen {
  url: string;
  host: string | undefined;
}

const seen: Seen[] = [];
const hits = new Map<string, number>();

/** Each path is one behaviour of Apple's server. */
const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => unknown> = {
  "/support/systemstatus/data/system_status_en_US.js": (_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(CONSUMER),
  "/support/systemstatus/data/developer/system_status_en_US.js": (_req, res) =>
    res.writeHead(200, { "content-type": "application/javascript" }).end(`jsonCallback(${DEVELOPER});`),
  "/slow.js": async (_req, res) => {
    await sleep(300);
    if (!res.destroyed) res.writeHead(200).end(CONSUMER);
  },
  "/500.js": (_req, res) => res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error"),
  "/404.js": (_req, res) =>
    res
      .writeHead(404, { "content-type": "text/html" })
      .end("<html><body>The page you're looking for can't be found.</body></html>"),
  "/html.js": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html" })
      .end("<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head><body>Welcome</body></html>"),
  "/truncated.js": (_req, res) => res.writeHead(200).end(CONSUMER.slice(0, 2500)),
  "/hang.js": () => undefined, // never answers
  "/drop-once.js": (req, res, hit) => (hit === 1 ? req.socket.destroy() : res.writeHead(200).end(CONSUMER)),
  "/drop-always.js": (req) => req.socket.destroy(),
};

let server: http.Server;
let host: Host;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", host: req.headers.host });
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const route = routes[path];
    if (route) void route(req, res, hit);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  host = createRealHost({ redirect: { http: { "https://www.apple.com": `http://127.0.0.1:${port}` } } });
});

afterAll(async () => {
  server.closeAllConnections(); // the hanging route would otherwise keep close() waiting
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  hits.clear();
});

describe("fetchStatusFeed through the real host", () => {
  it("reads the bare consumer feed and adds the cache-buster", async () => {
    const result = await fetchStatusFeed(host, CONSUMER_URL, { now: NOW, source: "consumer" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.fetchedAt).toBe("2021-04-26T14:00:00.000Z");
    expect(result.feed.services).toHaveLength(63);
    expect(result.feed.services.find((s) => s.name === "iCloud Mail")?.state).toBe("outage");
    expect(seen).toEqual([
      { url: `/support/systemstatus/data/system_status_en_US.js?_=${NOW.getTime()}`, host: "www.apple.com" },
    ]);
  });

  it("reads the JSONP developer feed", async () => {
    const result = await fetchStatusFeed(host, DEVELOPER_URL, { now: DEV_NOW, source: "developer" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.feed.services).toHaveLength(33);
    expect(result.feed.services[0]).toMatchObject({ name: "Account", signInRelated: true });
    expect(result.feed.services.find((s) => s.name === "Videos")?.state).toBe("maintenance");
    expect(new URL(seen[0].url, "http://x").searchParams.get("_")).toBe(String(DEV_NOW.getTime()));
  });

  it("waits for a slow answer (300 ms) within the timeout", async () => {
    const result = await fetchStatusFeed(host, at("/slow.js"), { now: NOW, source: "consumer" });
    expect(result.ok).toBe(true);
  });

  it("HTTP 500 is Apple's answer: reported, not retried", async () => {
    const result = await fetchStatusFeed(host, at("/500.js"), { now: NOW, source: "consumer" });
    expect(result).toEqual({ ok: false, reason: "Apple's status feed answered HTTP 500" });
    expect(hits.get("/500.js")).toBe(1);
  });

  it("HTTP 404 with an HTML page reports the status", async () => {
    const result = await fetchStatusFeed(host, at("/404.js"), { now: NOW, source: "consumer" });
    expect(result).toEqual({ ok: false, reason: "Apple's status feed answered HTTP 404" });
  });

  it("an HTML page with 200 (a captive portal) is not a feed", async () => {
    const result = await fetchStatusFeed(host, at("/html.js"), { now: NOW, source: "consumer" });
    expect(result).toEqual({
      ok: false,
      reason: "Apple's status feed could not be read: the feed is an HTML page, not JSON",
    });
  });

  it("a truncated body says it was cut off", async () => {
    const result = await fetchStatusFeed(host, at("/truncated.js"), { now: NOW, source: "consumer" });
    expect(result).toEqual({
      ok: false,
      reason: "Apple's status feed could not be read: the feed was cut off (truncated JSON)",
    });
  });

  it("a server that never answers times out at 400 ms, without a retry", async () => {
    const started = Date.now();
    const result = await fetchStatusFeed(host, at("/hang.js"), { now: NOW, source: "consumer", timeoutMs: 400 });
    expect(result).toEqual({
      ok: false,
      reason: "Apple's status feed could not be reached: timed out",
      code: "ETIMEDOUT",
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(hits.get("/hang.js")).toBe(1);
  });

  it("retries once after a dropped connection", async () => {
    const result = await fetchStatusFeed(host, at("/drop-once.js"), { now: NOW, source: "consumer" });
    expect(result.ok).toBe(true);
    expect(hits.get("/drop-once.js")).toBe(2);
  });

  it("gives up after the one retry when the connection keeps dropping", async () => {
    const result = await fetchStatusFeed(host, at("/drop-always.js"), { now: NOW, source: "consumer" });
    expect(result).toEqual({
      ok: false,
      reason: "Apple's status feed could not be reached: connection reset",
      code: "ECONNRESET",
    });
    expect(hits.get("/drop-always.js")).toBe(2);
  });
});

/** A scripted host: answers or failures in order, and the URLs it was asked for. */
function fakeHost(outcomes: (HttpResponse | string)[]): Host & { urls: string[]; options: OpOptions[] } {
  const urls: string[] = [];
  const options: OpOptions[] = [];
  const refuse = () => Promise.reject(new HostError("ENOTRECORDED"));
  return {
    urls,
    options,
    platform: "darwin",
    now: () => NOW,
    env: () => undefined,
    exec: refuse,
    dns: refuse,
    tcp: refuse,
    tls: refuse,
    ntp: refuse,
    readFile: refuse,
    http: async (url, opts = {}) => {
      urls.push(url);
      options.push(opts);
      const next = outcomes.shift() ?? "ENOTRECORDED";
      if (typeof next === "string") throw new HostError(next);
      return next;
    },
  };
}

describe("fetchStatusFeed: retry rules and options (scripted host)", () => {
  const ok: HttpResponse = { status: 200, headers: {}, body: CONSUMER };

  it("a name that does not resolve twice is reported in words", async () => {
    const fake = fakeHost(["ENOTFOUND", "ENOTFOUND"]);
    const result = await fetchStatusFeed(fake, CONSUMER_URL, { now: NOW, source: "consumer" });
    expect(result).toEqual({
      ok: false,
      reason: "Apple's status feed could not be reached: name not found",
      code: "ENOTFOUND",
    });
    expect(fake.urls).toHaveLength(2);
  });

  it("a failed lookup then an answer is a success", async () => {
    const fake = fakeHost(["EAI_AGAIN", ok]);
    expect((await fetchStatusFeed(fake, CONSUMER_URL, { now: NOW, source: "consumer" })).ok).toBe(true);
    expect(fake.urls).toHaveLength(2);
  });

  it("cancelled, not recorded and timed out are not retried", async () => {
    for (const code of ["ECANCELLED", "ENOTRECORDED", "ETIMEDOUT"]) {
      const fake = fakeHost([code, ok]);
      const result = await fetchStatusFeed(fake, CONSUMER_URL, { now: NOW, source: "consumer" });
      expect(result).toMatchObject({ ok: false, code });
      expect(fake.urls).toHaveLength(1);
    }
  });

  it("passes the timeout (default 5000 ms) and the signal to the host", async () => {
    const controller = new AbortController();
    const fake = fakeHost([ok, ok]);
    await fetchStatusFeed(fake, CONSUMER_URL, { now: NOW, source: "consumer" });
    await fetchStatusFeed(fake, CONSUMER_URL, {
      now: NOW,
      source: "consumer",
      timeoutMs: 900,
      signal: controller.signal,
    });
    expect(fake.options).toEqual([
      { timeoutMs: 5000, signal: undefined },
      { timeoutMs: 900, signal: controller.signal },
    ]);
  });

  it("keeps an existing query and replaces a stale cache-buster", async () => {
    const fake = fakeHost([ok]);
    await fetchStatusFeed(fake, `${CONSUMER_URL}?lang=en&_=1`, { now: NOW, source: "consumer" });
    expect(fake.urls).toEqual([`${CONSUMER_URL}?lang=en&_=${NOW.getTime()}`]);
  });
});

describe("statusJson: the `status --json` document", () => {
  const fetchFeed = async (url: string, now: Date, source: "consumer" | "developer") => {
    const result = await fetchStatusFeed(fakeHost([{ status: 200, headers: {}, body: url }]), CONSUMER_URL, {
      now,
      source,
    });
    if (!result.ok) throw new Error(result.reason);
    return result;
  };

  it("sign-in related services only, with exactly the contract's keys", async () => {
    const { feed, fetchedAt } = await fetchFeed(CONSUMER, NOW, "consumer");
    const doc = statusJson(feed, "consumer", fetchedAt, false);
    expect(Object.keys(doc)).toEqual(["source", "fetchedAt", "services"]);
    expect(doc.source).toBe("consumer");
    expect(doc.fetchedAt).toBe("2021-04-26T14:00:00.000Z");
    expect(doc.services.every((s) => s.signInRelated)).toBe(true);
    expect(doc.services.map((s) => s.name).slice(0, 3)).toEqual([
      "Apple Account",
      "iCloud Account & Sign In",
      "iCloud Keychain",
    ]);
    const keychain = doc.services.find((s) => s.name === "iCloud Keychain");
    expect(keychain).toEqual({
      name: "iCloud Keychain",
      signInRelated: true,
      state: "ok",
      events: [
        {
          id: "2000000560",
          type: "Issue",
          status: "resolved",
          message: "Users experienced a problem with this service.",
          usersAffected: "Some users were affected",
          start: "2021-04-24T19:16:00.000Z",
          end: "2021-04-24T22:55:00.000Z",
        },
      ],
    });
    // One JSON document, round-trippable.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("--all: every service, sign-in related first", async () => {
    const { feed, fetchedAt } = await fetchFeed(CONSUMER, NOW, "consumer");
    const doc = statusJson(feed, "consumer", fetchedAt, true);
    expect(doc.services).toHaveLength(63);
    const firstOther = doc.services.findIndex((s) => !s.signInRelated);
    expect(firstOther).toBe(11);
    expect(doc.services.slice(firstOther).every((s) => !s.signInRelated)).toBe(true);
    expect(doc.services.find((s) => s.name === "iCloud Mail")).toMatchObject({
      state: "outage",
      events: [{ id: "1000000310", status: "ongoing", end: null }],
    });
  });

  it("developer: Account only, or all 33", async () => {
    const { feed, fetchedAt } = await fetchFeed(`jsonCallback(${DEVELOPER});`, DEV_NOW, "developer");
    expect(statusJson(feed, "developer", fetchedAt, false).services.map((s) => s.name)).toEqual(["Account"]);
    expect(statusJson(feed, "developer", fetchedAt, true).services).toHaveLength(33);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { decodeNtpTimestamp, encodeNtpTimestamp, sntpQuery } from "../../src/core/host/sntp";
import { HostError } from "../../src/core/host/types";
import { startNtpServer, type NtpServerOptions, type NtpTestServer } from "../support/servers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let servers: NtpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function ntpServer(options: NtpServerOptions = {}) {
  const server = await startNtpServer(options);
  servers.push(server);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe("sntpQuery against a loopback server", () => {
  it.each([
    ["+9 min", 9 * MINUTE],
    ["-3 h", -3 * HOUR],
    ["+400 days", 400 * DAY],
    ["in sync", 0],
  ])("measures a server clock %s off within 50 ms", async (_label, skewMs) => {
    const server = await ntpServer({ skewMs });
    const sample = await sntpQuery("127.0.0.1", server.port);
    expect(Math.abs(sample.offsetMs - skewMs)).toBeLessThan(50);
    expect(sample.delayMs).toBeGreaterThanOrEqual(0);
    expect(sample.delayMs).toBeLessThan(50);
    expect(server.requests).toBe(3);
  });

  it("a connect the kernel refuses (no route, or a broadcast address) rejects with its code, never throws out of the loop", async () => {
    // Node hands a failed UDP connect's error to the connect callback: sending then threw
    // ERR_SOCKET_BAD_PORT and killed the process (an IPv6-only Mac asking an IPv4 server).
    await expect(sntpQuery("255.255.255.255", 123, { timeoutMs: 500 })).rejects.toMatchObject({ code: "EACCES" });
  });

  it("reads the local clock it is given: a Mac 5 s behind sees +5 s", async () => {
    const server = await ntpServer({ skewMs: 0 });
    const sample = await sntpQuery("127.0.0.1", server.port, { now: () => Date.now() - 5000 });
    expect(Math.abs(sample.offsetMs - 5000)).toBeLessThan(50);
  });

  it("measures the round trip, and symmetric delay does not bias the offset", async () => {
    const server = await ntpServer({ skewMs: -2 * MINUTE, delayMs: 200 });
    const sample = await sntpQuery("127.0.0.1", server.port, { samples: 1 });
    expect(sample.delayMs).toBeGreaterThan(190);
    expect(sample.delayMs).toBeLessThan(400);
    expect(Math.abs(sample.offsetMs + 2 * MINUTE)).toBeLessThan(25);
  });

  it("keeps the lowest-delay sample of three", async () => {
    const server = await ntpServer({ skewMs: 1000, delayMs: [400, 20, 250] });
    const sample = await sntpQuery("127.0.0.1", server.port, { timeoutMs: 3000 });
    expect(server.requests).toBe(3);
    // The 20 ms sample wins; the bound is the next-lowest (250 ms), so a busy machine can't make it flaky.
    expect(sample.delayMs).toBeGreaterThan(15);
    expect(sample.delayMs).toBeLessThan(240);
  });

  it("sends one request when one sample is asked for", async () => {
    const server = await ntpServer();
    await sntpQuery("127.0.0.1", server.port, { samples: 1 });
    expect(server.requests).toBe(1);
  });

  it.each([
    ["a reply shorter than 48 bytes", "malformed"],
    ["a reply to someone else's request", "wrong-originate"],
    ["a reply that is not server mode", "wrong-mode"],
    ["silence", "silent"],
  ] as const)("ignores %s and times out", async (_label, fault) => {
    const server = await ntpServer({ fault, skewMs: HOUR });
    const started = Date.now();
    const error = await failure(sntpQuery("127.0.0.1", server.port, { timeoutMs: 500 }));
    expect(error.code).toBe("ETIMEDOUT");
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toBeGreaterThanOrEqual(1);
  });

  it.each(["RATE", "DENY"])("stops at a kiss-o'-death %s", async (kissCode) => {
    const server = await ntpServer({ fault: "kod", kissCode });
    const error = await failure(sntpQuery("127.0.0.1", server.port));
    expect(error.code).toBe("EKOD");
    expect(error.message).toContain(kissCode);
    expect(server.requests).toBe(1);
  });

  it("treats stratum 0 without a code as kiss-o'-death", async () => {
    const server = await ntpServer({ fault: "stratum0" });
    expect((await failure(sntpQuery("127.0.0.1", server.port))).code).toBe("EKOD");
  });

  it.each(["unsynchronized", "stratum16"] as const)("rejects an unsynchronized server (%s)", async (fault) => {
    const server = await ntpServer({ fault });
    expect((await failure(sntpQuery("127.0.0.1", server.port))).code).toBe("EUNSYNC");
  });

  it("cancels on abort", async () => {
    const server = await ntpServer({ fault: "silent" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(sntpQuery("127.0.0.1", server.port, { signal: controller.signal }));
    expect(error.code).toBe("ECANCELLED");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("NTP timestamps", () => {
  const at = (iso: string) => Date.parse(iso);
  const words = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
    return [view.getUint32(0), view.getUint32(4)];
  };

  it("encodes the Unix epoch as 2208988800 s after 1900", () => {
    expect(words(encodeNtpTimestamp(0))).toEqual([2_208_988_800, 0]);
  });

  it("wraps to era 1 at 2036-02-07T06:28:16Z", () => {
    expect(words(encodeNtpTimestamp(at("2036-02-07T06:28:16Z")))).toEqual([0, 0]);
    expect(words(encodeNtpTimestamp(at("2036-02-07T06:28:15.500Z")))).toEqual([0xffffffff, 0x80000000]);
  });

  it.each([
    "2035-06-01T12:00:00.123Z",
    "2036-02-07T06:28:15.999Z",
    "2036-02-07T06:28:16.001Z",
    "2040-01-01T00:00:00Z",
    "2100-03-01T08:30:00.250Z",
  ])("round-trips %s with the local clock anywhere within decades", (iso) => {
    const ms = at(iso);
    const bytes = encodeNtpTimestamp(ms);
    for (const pivot of [ms, ms - 30 * 365 * DAY, ms + 30 * 365 * DAY, ms + 400 * DAY]) {
      expect(Math.abs(decodeNtpTimestamp(bytes, pivot) - ms)).toBeLessThan(0.001);
    }
  });

  it("reads a 2040 timestamp from an era-0 clock, and a 2035 one from an era-1 clock", () => {
    const y2040 = at("2040-01-01T00:00:00Z");
    const y2035 = at("2035-01-01T00:00:00Z");
    expect(decodeNtpTimestamp(encodeNtpTimestamp(y2040), at("2030-01-01T00:00:00Z"))).toBe(y2040);
    expect(decodeNtpTimestamp(encodeNtpTimestamp(y2035), at("2037-01-01T00:00:00Z"))).toBe(y2035);
  });

  it("reads and writes at an offset inside a packet", () => {
    const packet = new Uint8Array(48);
    const ms = at("2026-11-21T10:00:00.000Z") + 0.25;
    encodeNtpTimestamp(ms, packet, 40);
    expect(Math.abs(decodeNtpTimestamp(packet, ms, 40) - ms)).toBeLessThan(0.001);
  });
});

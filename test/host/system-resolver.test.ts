import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hostsFileAddresses } from "../../src/core/parse/etc-hosts";
import { createSystemResolver } from "../../src/core/host/system-resolver";
import { errorCode } from "../../src/core/host/types";
import { startDnsServer, type DnsTestServer } from "../support/servers";

// The resolver behind every connection and `dns(name, "system")`: c-ares
// against the system's servers, /etc/hosts first, one lookup per name.

let server: DnsTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const noHosts = join(tmpdir(), "no-such-hosts-file");
const failure = (p: Promise<unknown>) => p.then(() => "resolved", errorCode);

describe("system resolver", () => {
  it("answers A and AAAA together, IPv4 first", async () => {
    server = await startDnsServer({ records: { "gsa.apple.com": ["17.32.194.98", "2620:149:a44::1"] } });
    const r = createSystemResolver({ timeoutMs: 1000, hostsPath: noHosts, servers: [`127.0.0.1:${server.port}`] });
    expect(await r.addressesFor("gsa.apple.com")).toEqual(["17.32.194.98", "2620:149:a44::1"]);
  });

  it("a silent server fails as EAI_AGAIN within its bound, and the thread pool stays free", async () => {
    server = await startDnsServer({ silent: true });
    const r = createSystemResolver({ timeoutMs: 400, hostsPath: noHosts, servers: [`127.0.0.1:${server.port}`] });
    const t0 = performance.now();
    // More lookups than libuv has pool threads: getaddrinfo would hold all four.
    const lookups = ["a", "b", "c", "d", "e", "f"].map((n) => failure(r.addressesFor(`${n}.apple.com`)));
    const fileRead = performance.now();
    await readFile(__filename);
    expect(performance.now() - fileRead).toBeLessThan(300);
    expect(await Promise.all(lookups)).toEqual(Array(6).fill("EAI_AGAIN"));
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it("NXDOMAIN is ENOTFOUND, SERVFAIL is ESERVFAIL", async () => {
    server = await startDnsServer({ records: {} });
    const nx = createSystemResolver({ timeoutMs: 1000, hostsPath: noHosts, servers: [`127.0.0.1:${server.port}`] });
    expect(await failure(nx.addressesFor("nope.apple.com"))).toBe("ENOTFOUND");
    await server.close();
    server = await startDnsServer({ rcode: 2 });
    const sf = createSystemResolver({ timeoutMs: 1000, hostsPath: noHosts, servers: [`127.0.0.1:${server.port}`] });
    expect(await failure(sf.addressesFor("gsa.apple.com"))).toBe("ESERVFAIL");
  });

  it("one lookup per name: concurrent and recent asks share it; a fresh ask shares only one in flight", async () => {
    server = await startDnsServer({ records: { "gsa.apple.com": ["17.32.194.98"] }, delayMs: 50 });
    const r = createSystemResolver({ timeoutMs: 1000, hostsPath: noHosts, servers: [`127.0.0.1:${server.port}`] });
    await Promise.all([
      r.addressesFor("gsa.apple.com"),
      r.addressesFor("gsa.apple.com"),
      r.lookupFresh("gsa.apple.com"),
    ]);
    await r.addressesFor("gsa.apple.com");
    const asked = () => server!.queries.filter((q) => q.name === "gsa.apple.com" && q.type === 1).length;
    expect(asked()).toBe(1);
    await r.lookupFresh("gsa.apple.com");
    expect(asked()).toBe(2);
  });

  it("reads the hosts file first, as getaddrinfo does", async () => {
    server = await startDnsServer({ records: { "gsa.apple.com": ["17.32.194.98"] } });
    const dir = await mkdtemp(join(tmpdir(), "hosts-"));
    await writeFile(join(dir, "hosts"), "127.0.0.1 localhost\n0.0.0.0 gsa.apple.com # blocklist\n");
    const r = createSystemResolver({
      timeoutMs: 1000,
      hostsPath: join(dir, "hosts"),
      servers: [`127.0.0.1:${server.port}`],
    });
    expect(await r.addressesFor("gsa.apple.com")).toEqual(["0.0.0.0"]);
    expect(server.queries).toHaveLength(0);
    expect(await r.addressesFor("17.1.2.3")).toEqual(["17.1.2.3"]);
  });
});

describe("hostsFileAddresses", () => {
  it("matches names case-insensitively, skips comments and junk, never throws", () => {
    const text =
      "# comment\n127.0.0.1\tlocalhost\n0.0.0.0 GSA.apple.com idmsa.apple.com\nnot-an-ip gsa.apple.com\n::1 gsa.apple.com.\n";
    expect(hostsFileAddresses(text, "gsa.apple.com")).toEqual(["0.0.0.0", "::1"]);
    expect(hostsFileAddresses(text, "appleid.apple.com")).toEqual([]);
    expect(hostsFileAddresses(undefined as unknown as string, "x")).toEqual([]);
  });
});

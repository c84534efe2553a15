import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseScutilDns, type ScutilDns } from "../../src/core/parse/scutil-dns";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const MODERN = fixture("scutil-dns-modern.txt");
const LEGACY = fixture("scutil-dns-legacy.txt");

const MDNS_TAIL = `
resolver #3
  domain   : local
  options  : mdns
  timeout  : 5
  flags    : Request A records
  reach    : 0x00000000 (Not Reachable)
  order    : 300000
`;

// Tailscale split DNS (REFERENCE c): MagicDNS on utun4, Supplemental, trailing-dot domain, plus Scoped copies.
const TAILSCALE = `DNS configuration

resolver #1
  search domain[0] : home.arpa
  nameserver[0] : 192.168.1.1
  nameserver[1] : fe80::1%en0
  if_index : 15 (en0)
  flags    : Request A records, Request AAAA records
  reach    : 0x00020002 (Reachable,Directly Reachable Address)

resolver #2
  domain   : tail1234.ts.net.
  nameserver[0] : 100.100.100.100
  if_index : 22 (utun4)
  flags    : Supplemental, Request A records, Request AAAA records
  reach    : 0x00000003 (Reachable,Transient Connection)
  order    : 102400
${MDNS_TAIL}
DNS configuration (for scoped queries)

resolver #1
  search domain[0] : home.arpa
  nameserver[0] : 192.168.1.1
  if_index : 15 (en0)
  flags    : Scoped, Request A records
  reach    : 0x00020002 (Reachable,Directly Reachable Address)

resolver #2
  nameserver[0] : 100.100.100.100
  if_index : 22 (utun4)
  flags    : Scoped, Request A records, Request AAAA records
  reach    : 0x00000003 (Reachable,Transient Connection)
`;

// openfortivpn-style PPP VPN: the VPN owns the default resolver and adds a split domain.
const VPN_PPP = `DNS configuration

resolver #1
  search domain[0] : corp.example.com
  nameserver[0] : 10.0.0.53
  nameserver[1] : 10.0.0.54
  if_index : 20 (ppp0)
  flags    : Request A records
  reach    : 0x00000003 (Reachable,Transient Connection)
  order    : 100000

resolver #2
  domain   : corp.example.com
  nameserver[0] : 10.0.0.53
  port     : 53
  timeout  : 3
  if_index : 20 (ppp0)
  flags    : Supplemental, Request A records
  reach    : 0x00000003 (Reachable,Transient Connection)
  order    : 100200
${MDNS_TAIL}
DNS configuration (for scoped queries)

resolver #1
  nameserver[0] : 192.168.0.1
  if_index : 6 (en0)
  flags    : Scoped, Request A records
  reach    : 0x00020002 (Reachable,Directly Reachable Address)

resolver #2
  nameserver[0] : 10.0.0.53
  if_index : 20 (ppp0)
  flags    : Scoped, Request A records
  reach    : 0x00000003 (Reachable,Transient Connection)

DNS configuration (for service-specific queries)

resolver #1
  nameserver[0] : 10.9.9.9
  service_identifier : 3
  flags    : Service-specific, Request A records
  reach    : 0x00000002 (Reachable)
`;

// No network DNS at all: the first resolver has no nameserver.
const NO_NAMESERVER = `DNS configuration

resolver #1
  flags    : Request A records
  reach    : 0x00000000 (Not Reachable)
${MDNS_TAIL}`;

// Label-less reachability lines (Tunnelblick PR #452).
const BARE_REACH = `DNS configuration

resolver #1
  nameserver[0] : 10.8.0.1
  flags    : Request A records
  Reachable

resolver #2
  nameserver[0] : 10.8.0.2
  Not Reachable
`;

function expectEmpty(result: ScutilDns): void {
  expect(result.resolvers).toEqual([]);
  expect(result.supplemental).toEqual([]);
  expect(result.defaultResolver).toBeUndefined();
}

describe("parseScutilDns: modern fixture", () => {
  const dns = parseScutilDns(MODERN);

  it("reads all seven first-section resolvers", () => {
    expect(dns.resolvers).toHaveLength(7);
    expect(dns.resolvers.every((r) => r.section === "default")).toBe(true);
    expect(dns.resolvers.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("reads the default resolver on en0 with hex reach", () => {
    expect(dns.defaultResolver).toEqual({
      section: "default",
      index: 1,
      searchDomains: ["mcvts.org"],
      nameservers: ["10.5.3.211", "10.5.3.210"],
      interface: "en0",
      flags: ["Request A records"],
      reach: "Reachable",
      reachable: true,
      options: [],
    });
  });

  it("reads mdns resolvers with order and Not Reachable, and keeps them out of supplemental", () => {
    const local = dns.resolvers[1];
    expect(local).toMatchObject({ domain: "local", options: ["mdns"], timeout: 5, order: 300000 });
    expect(local.reach).toBe("Not Reachable");
    expect(local.reachable).toBe(false);
    expect(local.nameservers).toEqual([]);
    expect(dns.resolvers.map((r) => r.domain)).toEqual([
      undefined,
      "local",
      "254.169.in-addr.arpa",
      "8.e.f.ip6.arpa",
      "9.e.f.ip6.arpa",
      "a.e.f.ip6.arpa",
      "b.e.f.ip6.arpa",
    ]);
    expect(dns.resolvers[6].order).toBe(301000);
    expect(dns.supplemental).toEqual([]);
  });
});

describe("parseScutilDns: legacy fixture", () => {
  const dns = parseScutilDns(LEGACY);

  it("reads eight resolvers and word-only reach", () => {
    expect(dns.resolvers).toHaveLength(8);
    expect(dns.defaultResolver?.nameservers).toEqual(["192.168.1.1"]);
    expect(dns.defaultResolver?.interface).toBe("en0");
    expect(dns.defaultResolver?.reach).toBe("Reachable,Directly Reachable Address");
    expect(dns.defaultResolver?.reachable).toBe(true);
  });

  it("leaves reach unset where the old format omits it", () => {
    for (const r of dns.resolvers.slice(1)) {
      expect(r.reach).toBeUndefined();
      expect(r.reachable).toBeUndefined();
    }
  });

  it("reads the Back to My Mac pdns resolver but does not call it split DNS", () => {
    expect(dns.resolvers[1]).toMatchObject({
      domain: "166534133.members.btmm.icloud.com",
      options: ["pdns"],
      timeout: 5,
      order: 150000,
    });
    expect(dns.supplemental).toEqual([]);
  });
});

describe("parseScutilDns: variants without fixtures", () => {
  it("Tailscale split DNS: supplemental on utun4, trailing dot kept, scoped copies separated", () => {
    const dns = parseScutilDns(TAILSCALE);
    expect(dns.resolvers).toHaveLength(5);
    expect(dns.resolvers.map((r) => r.section)).toEqual(["default", "default", "default", "scoped", "scoped"]);
    expect(dns.supplemental).toHaveLength(1);
    const ts = dns.supplemental[0];
    expect(ts).toMatchObject({
      index: 2,
      domain: "tail1234.ts.net.",
      nameservers: ["100.100.100.100"],
      interface: "utun4",
      flags: ["Supplemental", "Request A records", "Request AAAA records"],
      reach: "Reachable,Transient Connection",
      reachable: true,
      order: 102400,
    });
    expect(dns.defaultResolver?.index).toBe(1);
    expect(dns.defaultResolver?.interface).toBe("en0");
    expect(dns.resolvers[4]).toMatchObject({
      section: "scoped",
      index: 2,
      interface: "utun4",
      flags: ["Scoped", "Request A records", "Request AAAA records"],
    });
  });

  it("splits IPv6 nameservers on the first colon only", () => {
    const dns = parseScutilDns(TAILSCALE);
    expect(dns.defaultResolver?.nameservers).toEqual(["192.168.1.1", "fe80::1%en0"]);
    expect(dns.defaultResolver?.searchDomains).toEqual(["home.arpa"]);
    const v6 = parseScutilDns("DNS configuration\n\nresolver #1\n  nameserver[0] : 2001:db8::53\n");
    expect(v6.resolvers[0].nameservers).toEqual(["2001:db8::53"]);
  });

  it("VPN on ppp0: default via ppp0, one supplemental domain, scoped and service-specific sections", () => {
    const dns = parseScutilDns(VPN_PPP);
    expect(dns.defaultResolver).toMatchObject({
      index: 1,
      interface: "ppp0",
      nameservers: ["10.0.0.53", "10.0.0.54"],
      searchDomains: ["corp.example.com"],
      order: 100000,
    });
    expect(dns.supplemental.map((r) => [r.domain, r.interface, r.port, r.timeout])).toEqual([
      ["corp.example.com", "ppp0", 53, 3],
    ]);
    expect(dns.resolvers.filter((r) => r.section === "scoped").map((r) => r.interface)).toEqual(["en0", "ppp0"]);
    const service = dns.resolvers.filter((r) => r.section === "service-specific");
    expect(service).toHaveLength(1);
    expect(service[0]).toMatchObject({
      index: 1,
      nameservers: ["10.9.9.9"],
      flags: ["Service-specific", "Request A records"],
    });
  });

  it("first resolver without a nameserver is still the default resolver (no DNS)", () => {
    const dns = parseScutilDns(NO_NAMESERVER);
    expect(dns.defaultResolver).toBeDefined();
    expect(dns.defaultResolver?.nameservers).toEqual([]);
    expect(dns.defaultResolver?.reachable).toBe(false);
  });

  it("label-less Reachable / Not Reachable lines set reach", () => {
    const dns = parseScutilDns(BARE_REACH);
    expect(dns.resolvers[0]).toMatchObject({ reach: "Reachable", reachable: true });
    expect(dns.resolvers[1]).toMatchObject({ reach: "Not Reachable", reachable: false });
  });

  it("legacy `reach : Reachable` and CRLF line endings", () => {
    const dns = parseScutilDns(
      "DNS configuration\r\n\r\nresolver #1\r\n  nameserver[0] : 8.8.8.8\r\n  reach    : Reachable\r\n",
    );
    expect(dns.defaultResolver).toMatchObject({ nameservers: ["8.8.8.8"], reach: "Reachable", reachable: true });
  });

  it("a Supplemental resolver without a domain is not the default resolver", () => {
    const dns = parseScutilDns(
      "DNS configuration\n\nresolver #1\n  nameserver[0] : 10.1.1.1\n  flags    : Supplemental\n\nresolver #2\n  nameserver[0] : 1.1.1.1\n",
    );
    expect(dns.defaultResolver?.nameservers).toEqual(["1.1.1.1"]);
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [
  " ",
  "\t",
  "\n",
  "\r\n",
  ":",
  " : ",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  '"',
  "*",
  "#",
  ",",
  "0x",
  "1",
  "%",
  "resolver #",
  "DNS configuration",
  "\u0000",
  "\uFFFD",
  "é",
  "😀",
];
const HTML =
  "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1>\n<p>nameserver: timeout</p></body></html>\n";

describe("parseScutilDns: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    ["very long spaced line", " ( : ".repeat(50_000)],
    ["No DNS configuration", "No DNS configuration available\n"],
  ])("%s gives an empty result", (_, text) => {
    expectEmpty(parseScutilDns(text));
  });

  it("non-string input gives an empty result", () => {
    expectEmpty(parseScutilDns(undefined as unknown as string));
    expectEmpty(parseScutilDns(42 as unknown as string));
  });

  it("a truncated fixture keeps the complete resolvers before the cut", () => {
    const dns = parseScutilDns(MODERN.slice(0, Math.floor(MODERN.length / 2)));
    expect(dns.resolvers.length).toBeGreaterThan(0);
    expect(dns.resolvers.length).toBeLessThan(7);
    expect(dns.defaultResolver?.nameservers).toEqual(["10.5.3.211", "10.5.3.210"]);
  });

  it("a very long reach line inside a resolver does not hang or throw", () => {
    const dns = parseScutilDns("resolver #1\n  reach : 0x1 " + " (".repeat(100_000) + "\n  " + "a".repeat(100_000));
    expect(dns.resolvers).toHaveLength(1);
    expect(dns.resolvers[0].reach).toBeUndefined();
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([MODERN, LEGACY, TAILSCALE, VPN_PPP, BARE_REACH], PIECES, 300, 1)) {
      const dns = parseScutilDns(text);
      expect(Array.isArray(dns.resolvers)).toBe(true);
      expect(Array.isArray(dns.supplemental)).toBe(true);
    }
  });
});

// Hand-made resolvers in the dnsinfo shape (not captures): each rule at its edge.
describe("parseScutilDns: edges", () => {
  const one = (...lines: string[]) =>
    parseScutilDns(`DNS configuration\n\nresolver #1\n${lines.map((l) => `  ${l}`).join("\n")}\n`).resolvers[0];

  it("sections by their header; an unknown section's resolvers are left out; resolvers before any header are default", () => {
    const text = [
      "resolver #9",
      "  nameserver[0] : 9.9.9.9",
      "DNS configuration",
      "resolver #1",
      "DNS configuration (for scoped queries)",
      "resolver #1",
      "DNS configuration (SERVICE-SPECIFIC queries)",
      "resolver #1",
      "DNS configuration (something new)",
      "resolver #1",
      "  nameserver[0] : 6.6.6.6",
    ].join("\n");
    expect(parseScutilDns(text).resolvers.map((r) => [r.section, r.index, r.nameservers])).toEqual([
      ["default", 9, ["9.9.9.9"]],
      ["default", 1, []],
      ["scoped", 1, []],
      ["service-specific", 1, []],
    ]);
  });

  it("a new header ends the resolver before it: its lines go nowhere", () => {
    const dns = parseScutilDns("resolver #1\nDNS configuration (something new)\n  nameserver[0] : 6.6.6.6\n");
    expect(dns.resolvers[0].nameservers).toEqual([]);
  });

  it.each(["resolver #", "resolver #x", "resolver #1234567", "resolver #1 extra", "Resolver #1"])(
    "%j is no resolver header",
    (header) => {
      expect(parseScutilDns(`${header}\n  nameserver[0] : 1.1.1.1\n`).resolvers).toEqual([]);
    },
  );

  it("a six-digit resolver number is one", () => {
    expect(parseScutilDns("resolver #123456\n").resolvers[0].index).toBe(123456);
  });

  it("keys in any case, with or without an index; an empty value is skipped", () => {
    expect(
      one("Domain : corp.example.", "SEARCH DOMAIN[0] : a.example", "search domain[1] : ", "Nameserver[12] : 10.0.0.1"),
    ).toMatchObject({
      domain: "corp.example.",
      searchDomains: ["a.example"],
      nameservers: ["10.0.0.1"],
    });
  });

  it.each([
    ["if_index : 10 (en0)", "en0"],
    ["if_index : 14 (utun4)", "utun4"],
    ["if_index : 10", undefined],
    ["if_index : 10 (en 0)", undefined],
    ["if_index : 10 ()", undefined],
  ])("%j: interface %s", (line, iface) => {
    expect(one(line).interface).toBe(iface);
  });

  it("flags split on commas, options on spaces or commas", () => {
    expect(one("flags : Supplemental, Request A records,", "options : mdns  pdns,x")).toMatchObject({
      flags: ["Supplemental", "Request A records"],
      options: ["mdns", "pdns", "x"],
    });
  });

  it.each([
    ["order", "300000", 300000],
    ["port", "53", 53],
    ["timeout", "5", 5],
    ["order", "123456789", 123456789],
    ["order", "1234567890", undefined],
    ["port", "53x", undefined],
    ["timeout", "-1", undefined],
  ])("%s : %s reads %s", (key, value, n) => {
    expect((one(`${key} : ${value}`) as unknown as Record<string, unknown>)[key]).toBe(n);
  });

  it.each<[string, string | undefined, boolean | undefined]>([
    ["reach : 0x00000002 (Reachable)", "Reachable", true],
    ["reach : 0x00000003 (Reachable,Transient Connection)", "Reachable,Transient Connection", true],
    ["reach : 0x00000000 (Not Reachable)", "Not Reachable", false],
    ["reach : 0x00020002 (Reachable,Directly Reachable Address)", "Reachable,Directly Reachable Address", true],
    ["reach : 0x00000001 (Reachable)", "Reachable", false],
    ["reach : 0xFFFFFFFF", undefined, true],
    ["reach : 0x00000002()", undefined, true],
    ["reach : 0x123456789 (Reachable)", undefined, undefined],
    ["reach : Reachable,Transient Connection", "Reachable,Transient Connection", true],
    ["reach : Not Reachable", "Not Reachable", false],
    ["reach : Connection Required", "Connection Required", false],
    ["reach : Reachable,Something New", undefined, undefined],
    ["reach : nonsense", undefined, undefined],
    ["Reachable,WWAN", "Reachable,WWAN", true],
    ["Local Address", "Local Address", false],
    ["not a reach line", undefined, undefined],
  ])("%j: reach %j, reachable %s", (line, reach, reachable) => {
    const r = one(line);
    expect(r.reach).toBe(reach);
    expect(r.reachable).toBe(reachable);
  });

  it.each([
    "Connection Automatic",
    "Connection On Traffic",
    "Connection On Demand",
    "Intervention Required",
    "Transient Connection",
    "Directly Reachable Address",
  ])("%j is a reachability word", (word) => {
    expect(one(word).reach).toBe(word);
  });

  it("the default resolver is the first default one without a domain that isn't Supplemental; split DNS leaves out mdns and pdns", () => {
    const text = [
      "DNS configuration",
      "resolver #1",
      "  domain : corp.example",
      "  nameserver[0] : 10.0.0.1",
      "resolver #2",
      "  flags : Supplemental",
      "resolver #3",
      "  nameserver[0] : 1.1.1.1",
      "resolver #4",
      "  nameserver[0] : 8.8.8.8",
      "resolver #5",
      "  domain : local",
      "  options : mdns",
      "resolver #6",
      "  domain : members.btmm.icloud.com",
      "  options : pdns",
      "DNS configuration (for scoped queries)",
      "resolver #1",
      "  domain : scoped.example",
    ].join("\n");
    const dns = parseScutilDns(text);
    expect(dns.defaultResolver?.index).toBe(3);
    expect(dns.supplemental.map((r) => r.domain)).toEqual(["corp.example"]);
  });

  it("a scoped resolver without a domain is never the default one", () => {
    const dns = parseScutilDns("DNS configuration (for scoped queries)\nresolver #1\n  nameserver[0] : 1.1.1.1\n");
    expect(dns.defaultResolver).toBeUndefined();
  });
});

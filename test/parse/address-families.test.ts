import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clatState, parseIfconfig } from "../../src/core/parse/ifconfig";
import { inPrefix, nat64Prefixes, synthesize } from "../../src/core/parse/nat64";
import { parseNetstatRoutes, primaryDefault } from "../../src/core/parse/netstat-routes";

// Routes, NAT64 and CLAT from real captures (sources in test/fixtures/README.md).

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("netstat -rn", () => {
  it("an IPv4-only Mac: one primary IPv4 route; the utun defaults (flag I) are no IPv6 route", () => {
    const table = parseNetstatRoutes(fixture("netstat-rn-ipv4-only-utun.txt"))!;
    expect(table.sections).toEqual([4, 6]);
    expect(primaryDefault(table, 4)).toMatchObject({ gateway: "192.168.64.1", netif: "en0", flags: "UGScg" });
    expect(table.defaults.filter((d) => d.family === 6).map((d) => [d.netif, d.primary])).toEqual([
      ["utun0", false],
      ["utun1", false],
      ["utun2", false],
    ]);
    expect(primaryDefault(table, 6)).toBeUndefined();
  });

  it("CLAT on macOS 13 (`netstat -f inet -rn`): IPv4's default goes to 192.0.0.1; no Internet6 section read", () => {
    const table = parseNetstatRoutes(fixture("netstat-f-inet-rn-clat-ventura.txt"))!;
    expect(table.sections).toEqual([4]);
    expect(primaryDefault(table, 4)).toMatchObject({ gateway: "192.0.0.1", netif: "en0" });
  });

  it("no IPv4 default at all, and scoped bridge defaults (link#N, flag I) aren't routes off the Mac", () => {
    const text =
      "Routing tables\n\nInternet:\nDestination        Gateway            Flags               Netif Expire\n" +
      "default            link#20            UCSIg           bridge100      !\n127                127.0.0.1          UCS                   lo0\n";
    const table = parseNetstatRoutes(text)!;
    expect(primaryDefault(table, 4)).toBeUndefined();
    expect(table.defaults).toHaveLength(1);
  });

  it("text that isn't netstat's is no table, and never throws", () => {
    expect(parseNetstatRoutes("netstat: sysctl: net.route.0.0.dump.0: Operation not permitted\n")).toBeUndefined();
    expect(parseNetstatRoutes(undefined)).toBeUndefined();
    expect(parseNetstatRoutes("Internet:\ndefault\n")).toEqual({ sections: [4], defaults: [] });
  });
});

describe("NAT64 (RFC 7050, RFC 6052)", () => {
  it("the well-known prefix from ipv4only.arpa's AAAA, written either way", () => {
    expect(nat64Prefixes(["64:ff9b::c000:aa", "64:ff9b::192.0.0.171", "192.0.0.170"])).toEqual(["64:ff9b::/96"]);
  });

  it("a network's own /96 prefix counts; an AAAA that embeds no well-known address doesn't", () => {
    expect(nat64Prefixes(["2001:db8:64:ff9b::c000:aa"])).toEqual(["2001:db8:64:ff9b::/96"]);
    expect(nat64Prefixes(["2001:db8::1", "fe80::1%en0", "not an address", 7])).toEqual([]);
    expect(nat64Prefixes("64:ff9b::c000:aa")).toEqual([]);
  });

  it("synthesizes and recognizes addresses in a prefix", () => {
    expect(synthesize("64:ff9b::/96", "1.1.1.1")).toBe("64:ff9b::101:101");
    expect(synthesize("64:ff9b::/64", "1.1.1.1")).toBeUndefined();
    expect(synthesize("64:ff9b::/96", "1.1.1")).toBeUndefined();
    expect(inPrefix("64:ff9b::1120:c262", "64:ff9b::/96")).toBe(true);
    expect(inPrefix("2a01:b740::1", "64:ff9b::/96")).toBe(false);
  });
});

describe("CLAT in ifconfig (macOS 13+)", () => {
  it("en0 with a clat46 address, 192.0.0.2 and a nat64 prefix line", () => {
    const list = parseIfconfig(fixture("ifconfig-en0-clat46-ventura.txt"));
    expect(list[0].nat64).toEqual(["64:ff9b::/96"]);
    expect(clatState(list)).toEqual({ interface: "en0", ipv4: "192.0.0.2", prefixes: ["64:ff9b::/96"], active: true });
  });

  it("no CLAT on the other captures", () => {
    expect(clatState(parseIfconfig(fixture("ifconfig-utun-link-local.txt")))).toBeUndefined();
    expect(clatState(parseIfconfig(fixture("ifconfig-10.14.6-jc.txt")))).toBeUndefined();
  });
});

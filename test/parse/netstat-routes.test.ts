import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNetstatRoutes, primaryDefault, type RouteTable } from "../../src/core/parse/netstat-routes";

// `netstat -rn` at each rule's edge. The two captures are real (test/fixtures/README.md); the
// other tables are hand-made in their shape (column padding, Expire `!`, the older Refs/Use columns).

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const HEAD4 = "Routing tables\n\nInternet:\nDestination        Gateway            Flags           Netif Expire\n";
const HEAD6 =
  "\nInternet6:\nDestination                             Gateway                         Flags           Netif Expire\n";
const defaults = (text: string) => parseNetstatRoutes(text)?.defaults;

describe("netstat -rn: the captures, every default route", () => {
  it("the IPv4-only Mac: the en0 route and three scoped utun routes", () => {
    expect(parseNetstatRoutes(fixture("netstat-rn-ipv4-only-utun.txt"))).toEqual({
      sections: [4, 6],
      defaults: [
        { family: 4, gateway: "192.168.64.1", netif: "en0", flags: "UGScg", primary: true },
        { family: 6, gateway: "fe80::%utun0", netif: "utun0", flags: "UGcIg", primary: false },
        { family: 6, gateway: "fe80::%utun1", netif: "utun1", flags: "UGcIg", primary: false },
        { family: 6, gateway: "fe80::%utun2", netif: "utun2", flags: "UGcIg", primary: false },
      ],
    });
  });

  it("CLAT's IPv4 default, CRLF line endings", () => {
    const text = fixture("netstat-f-inet-rn-clat-ventura.txt").replace(/\n/g, "\r\n");
    expect(parseNetstatRoutes(text)).toEqual({
      sections: [4],
      defaults: [{ family: 4, gateway: "192.0.0.1", netif: "en0", flags: "UGScg", primary: true }],
    });
  });
});

describe("netstat -rn: sections and rows", () => {
  it("sections in the order printed, once each; rows before any section ignored", () => {
    const text = `default 10.9.9.9 UGSc en9\n${HEAD6}${HEAD4}default 10.0.0.1 UGSc en0\nInternet6:\n`;
    expect(parseNetstatRoutes(text)).toEqual({
      sections: [6, 4],
      defaults: [{ family: 4, gateway: "10.0.0.1", netif: "en0", flags: "UGSc", primary: true }],
    });
  });

  it("the older columns (Refs, Use) before Netif: the interface is found past them", () => {
    const text = `${HEAD4}default            192.168.1.1        UGSc           38        0     en0\n`;
    expect(defaults(text)).toEqual([{ family: 4, gateway: "192.168.1.1", netif: "en0", flags: "UGSc", primary: true }]);
  });

  it.each([
    ["too few columns", "default 192.168.1.1 UGSc"],
    ["no interface among the columns", "default 192.168.1.1 UGSc 38 0 !"],
    ["flags that aren't letters", "default 192.168.1.1 UG5c en0"],
    ["a route that isn't the default", "0.0.0.0/1 192.168.1.1 UGSc en0"],
    ["'default' inside another word", "defaults 192.168.1.1 UGSc en0"],
  ])("%s: no default route", (_name, row) => {
    expect(defaults(`${HEAD4}${row}\n`)).toEqual([]);
  });

  it("an interface name: letters then a number", () => {
    const netif = (name: string) => defaults(`${HEAD4}default 10.0.0.1 UGSc ${name}\n`)?.[0]?.netif;
    expect(netif("bridge100")).toBe("bridge100");
    expect(netif("utun10")).toBe("utun10");
    expect(netif("en")).toBeUndefined();
    expect(netif("En0")).toBeUndefined();
    expect(netif("0en")).toBeUndefined();
    expect(netif("en0x")).toBeUndefined();
  });
});

describe("netstat -rn: which default leads off this Mac", () => {
  it.each([
    [4, "192.168.1.1", "UGSc", true],
    [4, "10.0.0.1", "UGScg", true],
    [4, "192.168.1.1", "UGScI", false],
    [4, "192.168.1.1", "USc", false],
    [4, "link#5", "UCSg", false],
    [4, "link#5", "UGSc", false],
    [4, "10.0.0", "UGSc", false],
    [4, "1000.0.0.1", "UGSc", false],
    [4, "10.0.0.1.5", "UGSc", false],
    [4, "router.local", "UGSc", false],
    [4, "2001:db8::1", "UGSc", false],
    [6, "fe80::1%en0", "UGcg", true],
    [6, "2001:db8::1", "UGc", true],
    [6, "FE80::1%en0", "UGcg", true],
    [6, "fe80::%utun3", "UGc", false],
    [6, "FE80::%utun3", "UGc", false],
    [6, "fe80::1%en0", "UGcIg", false],
    [6, "192.168.1.1", "UGc", false],
    [6, "router.local", "UGc", false],
    [6, "fe80::1%", "UGc", false],
  ])("IPv%s via %s (%s): primary %s", (family, gateway, flags, primary) => {
    const text =
      family === 4 ? `${HEAD4}default ${gateway} ${flags} en0\n` : `${HEAD6}default ${gateway} ${flags} en0\n`;
    expect(defaults(text)?.[0]?.primary).toBe(primary);
  });

  it("primaryDefault: the first primary route of that family only", () => {
    const text = `${HEAD4}default link#5 UCSIg bridge100 !\ndefault 10.0.0.1 UGSc en0\ndefault 10.0.0.2 UGSc en1\n${HEAD6}default fe80::%utun0 UGcIg utun0\n`;
    const table = parseNetstatRoutes(text);
    expect(primaryDefault(table, 4)?.gateway).toBe("10.0.0.1");
    expect(primaryDefault(table, 6)).toBeUndefined();
    expect(primaryDefault(undefined, 4)).toBeUndefined();
    const v6only: RouteTable = {
      sections: [6],
      defaults: [{ family: 6, gateway: "fe80::1%en0", netif: "en0", flags: "UGc", primary: true }],
    };
    expect(primaryDefault(v6only, 4)).toBeUndefined();
    expect(primaryDefault(v6only, 6)?.netif).toBe("en0");
  });

  it("output that isn't a routing table: none, never a throw", () => {
    for (const text of ["", "<html><body>netstat</body></html>", "Internet", " Internet: x", 42, null])
      expect(parseNetstatRoutes(text)).toBeUndefined();
    expect(parseNetstatRoutes("  Internet:  \n")).toEqual({ sections: [4], defaults: [] });
  });
});

import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseIfconfig, tunnelInterfaces } from "../../src/core/parse/ifconfig";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const LINK_LOCAL = fixture("ifconfig-utun-link-local.txt");

// A fuller listing: loopback, Wi-Fi, a Tailscale utun with IPv4 point-to-point, and system utuns.
const TAILSCALE = `lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384
\toptions=1203<RXCSUM,TXCSUM,TXSTATUS,SW_TIMESTAMP>
\tinet 127.0.0.1 netmask 0xff000000
\tinet6 ::1 prefixlen 128
\tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x1
\tnd6 options=201<PERFORMNUD,DAD>
en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\toptions=6460<TSO4,TSO6,CHANNEL_IO,PARTIAL_CSUM,ZEROINVERT_CSUM>
\tether a4:83:e7:12:34:56
\tinet6 fe80::1c2b:3d4e:5f60:7182%en0 prefixlen 64 secured scopeid 0xe
\tinet 192.168.1.23 netmask 0xffffff00 broadcast 192.168.1.255
\tnd6 options=201<PERFORMNUD,DAD>
\tmedia: autoselect
\tstatus: active
utun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1380
\tinet6 fe80::a08a:46aa:a738:2ea7%utun0 prefixlen 64 scopeid 0x15
\tnd6 options=201<PERFORMNUD,DAD>
utun4: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280
\tinet 100.101.102.103 --> 100.101.102.103 netmask 0xffffffff
\tinet6 fe80::d0a6:29ff:fe1e:1234%utun4 prefixlen 64 scopeid 0x17
\tnd6 options=201<PERFORMNUD,DAD>
`;

const GLOBAL_V6 = `utun7: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1420
\tinet6 fe80::1%utun7 prefixlen 64 scopeid 0x1a
\tinet6 2001:db8:85a3::8a2e:370:7334 prefixlen 64
`;

const PPP_AND_OTHERS = `gif0: flags=8010<POINTOPOINT,MULTICAST> mtu 1280
stf0: flags=0<> mtu 1280
ppp0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1354
\tinet 10.10.10.2 --> 10.10.10.1 netmask 0xff000000
ipsec0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1400
\tinet 172.16.5.4 --> 172.16.5.4 netmask 0xffff0000
tap0: flags=8842<BROADCAST,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tether 12:34:56:78:9a:bc
\tstatus: inactive
en5: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tinet 10.0.0.5 netmask 0xffffff00 broadcast 10.0.0.255
`;

describe("parseIfconfig: fixture", () => {
  const list = parseIfconfig(LINK_LOCAL);

  it("reads two utun blocks with tab indentation and trailing spaces", () => {
    expect(list).toEqual([
      {
        name: "utun0",
        flags: ["UP", "POINTOPOINT", "RUNNING", "MULTICAST"],
        mtu: 2000,
        ipv4: [],
        ipv6: [{ address: "fe80::7b12:adc2:a089:c4d8", prefixlen: 64, scopeid: "0x12" }],
      },
      {
        name: "utun1",
        flags: ["UP", "POINTOPOINT", "RUNNING", "MULTICAST"],
        mtu: 1380,
        ipv4: [],
        ipv6: [{ address: "fe80::a08a:46aa:a738:2ea7", prefixlen: 64, scopeid: "0x15" }],
      },
    ]);
  });

  it("link-local-only utuns are not VPN tunnels", () => {
    expect(tunnelInterfaces(list)).toEqual([]);
  });
});

describe("parseIfconfig: variants without fixtures", () => {
  it("Tailscale utun4 with IPv4 point-to-point is a tunnel; lo0, en0 and utun0 are not", () => {
    const list = parseIfconfig(TAILSCALE);
    expect(list.map((i) => i.name)).toEqual(["lo0", "en0", "utun0", "utun4"]);
    const utun4 = list[3];
    expect(utun4.mtu).toBe(1280);
    expect(utun4.ipv4).toEqual([{ address: "100.101.102.103", peer: "100.101.102.103", netmask: "0xffffffff" }]);
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["utun4"]);
  });

  it("reads en0 ether, IPv4 with netmask, secured IPv6 and status", () => {
    const en0 = parseIfconfig(TAILSCALE)[1];
    expect(en0.ether).toBe("a4:83:e7:12:34:56");
    expect(en0.status).toBe("active");
    expect(en0.ipv4).toEqual([{ address: "192.168.1.23", netmask: "0xffffff00" }]);
    expect(en0.ipv6).toEqual([{ address: "fe80::1c2b:3d4e:5f60:7182", prefixlen: 64, scopeid: "0xe" }]);
    expect(en0.flags).toContain("SMART");
  });

  it("utun with a global IPv6 address is a tunnel", () => {
    const list = parseIfconfig(GLOBAL_V6);
    expect(list[0].ipv6.map((a) => a.address)).toEqual(["fe80::1", "2001:db8:85a3::8a2e:370:7334"]);
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["utun7"]);
  });

  it("ppp0 and ipsec0 with IPv4 are tunnels; gif0, stf0, an address-less tap0 and en5 are not", () => {
    const list = parseIfconfig(PPP_AND_OTHERS);
    expect(list.map((i) => i.name)).toEqual(["gif0", "stf0", "ppp0", "ipsec0", "tap0", "en5"]);
    expect(list[1].flags).toEqual([]);
    expect(list[2].ipv4).toEqual([{ address: "10.10.10.2", peer: "10.10.10.1", netmask: "0xff000000" }]);
    expect(list[4]).toMatchObject({ ether: "12:34:56:78:9a:bc", status: "inactive" });
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["ppp0", "ipsec0"]);
  });

  it("space indentation and CRLF line endings", () => {
    const list = parseIfconfig(TAILSCALE.replace(/\t/g, "        ").replace(/\n/g, "\r\n"));
    expect(tunnelInterfaces(list).map((i) => i.ipv4[0].address)).toEqual(["100.101.102.103"]);
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [
  " ",
  "\t",
  "\n",
  "\r\n",
  ":",
  "<",
  ">",
  ",",
  "-->",
  "%",
  "inet ",
  "inet6 ",
  "utun9: flags=1<UP> mtu ",
  "\u0000",
  "\uFFFD",
  "é",
  "😀",
];
const HTML =
  "<!DOCTYPE html>\n<html><head><title>Not Found</title></head>\n<body>\n\tinet 10.0.0.1 --> x</body></html>\n";

describe("parseIfconfig: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    ["very long header-like line", "utun0: flags=8051<" + "UP,".repeat(100_000)],
    ["details with no interface line", "\tinet 10.0.0.1 --> 10.0.0.1 netmask 0xffffffff\n"],
  ])("%s gives an empty list", (_, text) => {
    const list = parseIfconfig(text);
    expect(list).toEqual([]);
    expect(tunnelInterfaces(list)).toEqual([]);
  });

  it("non-array / non-string input gives empty lists", () => {
    expect(parseIfconfig(undefined as unknown as string)).toEqual([]);
    expect(tunnelInterfaces(undefined as unknown as [])).toEqual([]);
    expect(tunnelInterfaces([{ name: "utun1" }] as unknown as [])).toEqual([]);
  });

  it("a truncated fixture keeps the first interface", () => {
    const list = parseIfconfig(LINK_LOCAL.slice(0, Math.floor(LINK_LOCAL.length / 2)));
    expect(list.map((i) => i.name)).toEqual(["utun0"]);
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([LINK_LOCAL, TAILSCALE, GLOBAL_V6, PPP_AND_OTHERS], PIECES, 300, 4)) {
      const list = parseIfconfig(text);
      expect(Array.isArray(list)).toBe(true);
      expect(Array.isArray(tunnelInterfaces(list))).toBe(true);
    }
  });
});

// Hand-made blocks in the shape of the jc captures (not captures themselves): each rule at its edge.
describe("parseIfconfig: edges", () => {
  const block = (name: string, ...details: string[]) =>
    [`${name}: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1380`, ...details.map((d) => `\t${d}`)].join("\n");

  it("header: name, flags and mtu; an empty flag list; no mtu", () => {
    expect(
      parseIfconfig("en0: flags=8863<UP,BROADCAST> mtu 1500\ngif0: flags=0<> \nstf0: flags=AB<LOOPBACK>\n"),
    ).toEqual([
      { name: "en0", flags: ["UP", "BROADCAST"], mtu: 1500, ipv4: [], ipv6: [] },
      { name: "gif0", flags: [], ipv4: [], ipv6: [] },
      { name: "stf0", flags: ["LOOPBACK"], ipv4: [], ipv6: [] },
    ]);
  });

  it.each([
    ["a name starting with a digit", "0en: flags=8863<UP> mtu 1500"],
    ["no flags", "en0: mtu 1500"],
    ["flags that aren't hex", "en0: flags=zz<UP> mtu 1500"],
    ["no space after the colon", "en0:flags=8863<UP> mtu 1500"],
    ["a name over 32 characters", `${"e".repeat(33)}: flags=8863<UP> mtu 1500`],
  ])("%s is no interface", (_name, header) => {
    expect(parseIfconfig(`${header}\n\tinet 10.0.0.1 netmask 0xff000000\n`)).toEqual([]);
  });

  it("a 32-character name is one", () => {
    expect(parseIfconfig(`${"e".repeat(32)}: flags=8863<UP> mtu 1500\n`)).toHaveLength(1);
  });

  it("an unknown line at column 0 ends the interface: details after it belong to none", () => {
    const list = parseIfconfig(`${block("utun3")}\nsomething else\n\tinet 10.0.0.1 --> 10.0.0.1 netmask 0xffffffff\n`);
    expect(list).toHaveLength(1);
    expect(list[0].ipv4).toEqual([]);
  });

  it("IPv4 with and without a peer and netmask; a bare 'inet' is skipped", () => {
    const list = parseIfconfig(
      block("utun3", "inet 10.0.0.1 --> 10.0.0.2 netmask 0xffffffff", "inet 10.0.0.3", "inet"),
    );
    expect(list[0].ipv4).toEqual([
      { address: "10.0.0.1", peer: "10.0.0.2", netmask: "0xffffffff" },
      { address: "10.0.0.3" },
    ]);
  });

  it("IPv6: the zone dropped, prefixlen only when a number, scopeid kept", () => {
    const list = parseIfconfig(
      block(
        "utun3",
        "inet6 fe80::1%utun3 prefixlen 64 scopeid 0x12 ",
        "inet6 fd7a::1 prefixlen x",
        "inet6 fd7a::2 prefixlen 1234",
      ),
    );
    expect(list[0].ipv6).toEqual([
      { address: "fe80::1", prefixlen: 64, scopeid: "0x12" },
      { address: "fd7a::1" },
      { address: "fd7a::2" },
    ]);
  });

  it("ether and status", () => {
    expect(parseIfconfig(block("en0", "ether aa:bb:cc:dd:ee:ff ", "status: inactive"))[0]).toMatchObject({
      ether: "aa:bb:cc:dd:ee:ff",
      status: "inactive",
    });
  });
});

describe("tunnelInterfaces: edges", () => {
  const iface = (name: string, ipv4: string[], ipv6: string[]) => ({
    name,
    flags: [],
    ipv4: ipv4.map((address) => ({ address })),
    ipv6: ipv6.map((address) => ({ address })),
  });

  it.each([
    ["utun4 with IPv4", iface("utun4", ["100.64.0.1"], []), true],
    ["ppp0 with IPv4", iface("ppp0", ["10.0.0.1"], []), true],
    ["ipsec1 with IPv4", iface("ipsec1", ["10.0.0.1"], []), true],
    ["tun0 with IPv4", iface("tun0", ["10.0.0.1"], []), true],
    ["tap0 with IPv4", iface("tap0", ["10.0.0.1"], []), true],
    ["utun with a global IPv6", iface("utun2", [], ["fd7a:115c::1"]), true],
    ["utun with fe80: only", iface("utun0", [], ["fe80::1"]), false],
    ["utun with feb0: (still link-local)", iface("utun0", [], ["FEB0::1"]), false],
    ["utun with fec0: (not link-local)", iface("utun0", [], ["fec0::1"]), true],
    ["utun with fe8 as a whole group (not link-local)", iface("utun0", [], ["fe8::1"]), true],
    ["utun with ::1 only", iface("utun0", [], ["::1"]), false],
    ["utun without addresses", iface("utun0", [], []), false],
    ["en0 with IPv4", iface("en0", ["10.0.0.1"], []), false],
    ["utun without a number", iface("utun", ["10.0.0.1"], []), false],
    ["xutun0", iface("xutun0", ["10.0.0.1"], []), false],
    ["utun0x", iface("utun0x", ["10.0.0.1"], []), false],
  ])("%s: tunnel %s", (_name, i, tunnel) => {
    expect(tunnelInterfaces([i])).toEqual(tunnel ? [i] : []);
  });

  it("not a list: none", () => {
    expect(tunnelInterfaces(undefined as never)).toEqual([]);
    expect(tunnelInterfaces([null] as never)).toEqual([]);
  });
});

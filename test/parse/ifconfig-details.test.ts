import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clatState, parseIfconfig, tunnelInterfaces } from "../../src/core/parse/ifconfig";

// ifconfig details beyond the basic blocks: CLAT and NAT64 lines (macOS 13+), pasted spacing,
// interface numbers past 9. The CLAT capture is real (test/fixtures/README.md); the rest are
// hand-made blocks in the shape of the jc captures.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const CLAT = fixture("ifconfig-en0-clat46-ventura.txt");
const LO0 = `lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384
\tinet 127.0.0.1 netmask 0xff000000
\tinet6 ::1 prefixlen 128
`;
const en0 = (...details: string[]) =>
  [`en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500`, ...details.map((d) => `\t${d}`)].join(
    "\n",
  );

describe("CLAT and NAT64 in a whole listing", () => {
  it("lo0 first, then the real en0 CLAT block: en0 is CLAT's interface", () => {
    expect(clatState(parseIfconfig(LO0 + CLAT))).toEqual({
      interface: "en0",
      ipv4: "192.0.0.2",
      prefixes: ["64:ff9b::/96"],
      active: true,
    });
  });

  it("a clat46 address without a nat64 line: active, no prefix", () => {
    const list = parseIfconfig(en0("inet6 2001:db8::c1a7 prefixlen 64 clat46", "inet 192.0.0.2 netmask 0xffffffff"));
    expect(clatState(list)).toEqual({ interface: "en0", ipv4: "192.0.0.2", prefixes: [], active: true });
  });

  it("a nat64 prefix announced without a clat46 address: not active; IPv4 outside 192.0.0.0/29 isn't CLAT's", () => {
    const list = parseIfconfig(
      en0(
        "inet6 2001:db8::5 prefixlen 64 autoconf secured",
        "inet 192.0.0.10 netmask 0xffffff00",
        "nat64 prefix 64:ff9b:: prefixlen 96",
      ),
    );
    expect(clatState(list)).toEqual({ interface: "en0", prefixes: ["64:ff9b::/96"], active: false });
  });

  it("the ipv6 entry carries clat46 only when the line says so", () => {
    const ipv6 = parseIfconfig(CLAT)[0].ipv6;
    expect(ipv6.filter((a) => a.clat46).map((a) => a.address)).toEqual(["<redacted>"]);
    expect(ipv6).toHaveLength(3);
  });

  it.each([
    ["a network's own prefix", "nat64 prefix 2001:db8:64:: prefixlen 96", ["2001:db8:64::/96"]],
    [
      "two prefix lines",
      "nat64 prefix 64:ff9b:: prefixlen 96\n\tnat64 prefix 2001:db8:1:: prefixlen 64",
      ["64:ff9b::/96", "2001:db8:1::/64"],
    ],
    ["the words out of order", "nat64 prefixlen 96 prefix 64:ff9b::", undefined],
    ["another word first", "nat64 state prefix 64:ff9b:: prefixlen 96", undefined],
    ["no prefixlen", "nat64 prefix 64:ff9b::", undefined],
    ["a prefixlen that isn't a number", "nat64 prefix 64:ff9b:: prefixlen x", undefined],
    ["a prefixlen with junk after it", "nat64 prefix 64:ff9b:: prefixlen 96x", undefined],
    ["a prefixlen with junk before it", "nat64 prefix 64:ff9b:: prefixlen x96", undefined],
    ["a prefixlen of four digits", "nat64 prefix 64:ff9b:: prefixlen 1096", undefined],
    ["a redacted prefix", "nat64 prefix <redacted> prefixlen 96", undefined],
    ["a prefix with junk after it", "nat64 prefix 64:ff9b::zz prefixlen 96", undefined],
    ["a prefix with junk before it", "nat64 prefix zz64:ff9b:: prefixlen 96", undefined],
    ["a bare nat64 word", "nat64 options", undefined],
  ])("nat64 line, %s", (_name, line, nat64) => {
    const iface = parseIfconfig(en0(line))[0];
    expect(iface.nat64).toEqual(nat64);
    expect(clatState([iface])).toEqual(nat64 ? { interface: "en0", prefixes: nat64, active: false } : undefined);
  });
});

describe("parseIfconfig: spacing and absent values", () => {
  it("runs of spaces in a pasted header and details are read like single ones", () => {
    const list = parseIfconfig(
      "utun4:  flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST>  mtu  1280\n    inet  100.11.11.11  -->  100.11.11.12  netmask  0xffffffff\n    inet6  fd7a::1  prefixlen  48  scopeid  0x18\n",
    );
    expect(list).toStrictEqual([
      {
        name: "utun4",
        flags: ["UP", "POINTOPOINT", "RUNNING", "MULTICAST"],
        mtu: 1280,
        ipv4: [{ address: "100.11.11.11", peer: "100.11.11.12", netmask: "0xffffffff" }],
        ipv6: [{ address: "fd7a::1", prefixlen: 48, scopeid: "0x18" }],
      },
    ]);
  });

  it("values not printed are absent, not undefined keys", () => {
    const [iface] = parseIfconfig(en0("inet 10.0.0.3", "inet6 fd7a::1"));
    expect(iface.ipv4).toStrictEqual([{ address: "10.0.0.3" }]);
    expect(iface.ipv6).toStrictEqual([{ address: "fd7a::1" }]);
  });

  it("a blank line inside a block (a paste) doesn't end the interface", () => {
    const [iface] = parseIfconfig(
      en0("ether aa:bb:cc:dd:ee:ff", "", "inet 10.0.0.5 netmask 0xffffff00").replace("\t\n", "\n"),
    );
    expect(iface).toMatchObject({ ether: "aa:bb:cc:dd:ee:ff", ipv4: [{ address: "10.0.0.5" }] });
  });
});

describe("tunnelInterfaces: past utun9, and fe80 that isn't a prefix", () => {
  it("utun10 and ppp12 with IPv4 are tunnels", () => {
    const list = parseIfconfig(
      "utun10: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet 100.64.0.7 --> 100.64.0.7 netmask 0xffffffff\nppp12: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet 10.1.1.2 --> 10.1.1.1 netmask 0xff000000\n",
    );
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["utun10", "ppp12"]);
  });

  it("a global IPv6 with an fe80 group further in is not link-local", () => {
    const list = parseIfconfig(
      "utun3: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet6 2001:db8::fe80:1 prefixlen 64\n",
    );
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["utun3"]);
  });
});

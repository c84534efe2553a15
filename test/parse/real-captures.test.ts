import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultsMessage, isMissingDomain } from "../../src/core/parse/defaults-error";
import { parseIfconfig, tunnelInterfaces } from "../../src/core/parse/ifconfig";
import { parseScutilDns } from "../../src/core/parse/scutil-dns";
import { parseScutilNcList } from "../../src/core/parse/scutil-nc";
import { parseScutilProxy } from "../../src/core/parse/scutil-proxy";
import { parseFirewallState } from "../../src/core/parse/socketfilterfw";
import { parseSwVers } from "../../src/core/parse/sw-vers";

// Outputs other people captured on real Macs, byte for byte, with their
// sources in test/fixtures/README.md. Each test pins the quirk the capture
// shows (tabs turned into spaces, two-part versions, bare reachability
// lines, State = 2 with block-all off, NSLog headers).

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("sw_vers, real captures", () => {
  it("10.15.5 with spaces where the tabs were (a transcript pasted into an issue)", () => {
    expect(parseSwVers(fixture("sw_vers-10.15.5-spaces.txt"))).toMatchObject({
      productName: "Mac OS X",
      productVersion: "10.15.5",
      buildVersion: "19F101",
      major: 10,
      minor: 15,
      marketingName: "Catalina",
    });
  });

  it("10.13: a first release prints a two-part version", () => {
    expect(parseSwVers(fixture("sw_vers-10.13-two-part.txt"))).toMatchObject({
      productVersion: "10.13",
      buildVersion: "17A405",
      minor: 13,
      patch: 0,
      marketingName: "High Sierra",
    });
  });

  it("13.3.1 (a): the Rapid Security Response suffix, from a grep of the output (no build line)", () => {
    expect(parseSwVers(fixture("sw_vers-13.3.1-rsr-grep.txt"))).toMatchObject({
      productVersion: "13.3.1",
      productVersionExtra: "(a)",
      buildVersion: "",
      marketingName: "Ventura",
    });
  });

  it("the existing 15.7.4 and 10.15.7 captures still read", () => {
    expect(parseSwVers(fixture("sw_vers-15.7.4.txt"))?.productVersion).toBe("15.7.4");
    expect(parseSwVers(fixture("sw_vers-10.15.7.txt"))?.productVersion).toBe("10.15.7");
  });
});

describe("ifconfig, real captures", () => {
  it("OS X 10.11.6 (jc): no tunnel at all, en0 with a private IPv4", () => {
    const list = parseIfconfig(fixture("ifconfig-10.11.6-jc.txt"));
    expect(list.find((i) => i.name === "en0")?.ipv4[0]?.address).toBe("192.168.1.81");
    expect(tunnelInterfaces(list)).toEqual([]);
  });

  it("macOS 10.14.6 (jc): five system utuns with only fe80:: are not a VPN", () => {
    const list = parseIfconfig(fixture("ifconfig-10.14.6-jc.txt"));
    expect(list.filter((i) => i.name.startsWith("utun")).map((i) => i.name)).toEqual([
      "utun0",
      "utun1",
      "utun2",
      "utun3",
      "utun4",
    ]);
    expect(tunnelInterfaces(list)).toEqual([]);
  });

  it("Sonoma 14.2 (Tunnelblick issue): a link-local utun with a trailing space is not a VPN", () => {
    const list = parseIfconfig(fixture("ifconfig-utun-sonoma-14.2.txt"));
    expect(list[0]).toMatchObject({ name: "utun5", mtu: 1380 });
    expect(list[0].ipv6[0]).toMatchObject({ address: "fe80::d1f0:c3ef:1a8f:799d", prefixlen: 64 });
    expect(tunnelInterfaces(list)).toEqual([]);
  });

  it("a Tailscale utun pasted with spaces for tabs: IPv4 point-to-point and a global IPv6 make it a tunnel", () => {
    const list = parseIfconfig(fixture("ifconfig-utun-tailscale-spaces.txt"));
    expect(list[0].ipv4[0]).toMatchObject({ address: "100.11.11.11", peer: "100.11.11.11", netmask: "0xffffffff" });
    expect(list[0].ipv6.map((a) => a.address)).toEqual(["fe80::ab:cd:ef:12", "fd7a:ab:cd::ef:12"]);
    expect(tunnelInterfaces(list).map((i) => i.name)).toEqual(["utun4"]);
  });
});

describe("scutil --dns, real captures", () => {
  it("Tunnelblick/OpenVPN: bare 'Not Reachable' lines, no nameserver in the default resolver, a Scoped resolver on utun0", () => {
    const dns = parseScutilDns(fixture("scutil-dns-openvpn-scoped-utun.txt"));
    expect(dns.resolvers.filter((r) => r.section === "default")).toHaveLength(7);
    expect(dns.defaultResolver).toMatchObject({ index: 1, nameservers: [], reach: "Not Reachable", reachable: false });
    const scoped = dns.resolvers.find((r) => r.section === "scoped");
    expect(scoped).toMatchObject({
      interface: "utun0",
      nameservers: ["8.8.8.8", "8.8.4.4"],
      searchDomains: ["openvpn"],
      flags: ["Scoped", "Request A records"],
      reachable: true,
    });
    expect(dns.supplemental).toEqual([]);
  });
});

describe("scutil --dns, more real captures (excerpts cut after the last complete resolver)", () => {
  it("split DNS on utun4 with an IPv6 nameserver on en0 (tailscale issue #101)", () => {
    const dns = parseScutilDns(fixture("scutil-dns-split-utun-ipv6.txt"));
    expect(dns.defaultResolver?.nameservers).toEqual(["172.22.22.1", "2002:d106:7acc:0:deef:9ff:fea8:39e"]);
    expect(dns.supplemental.map((r) => [r.domain, r.interface, r.nameservers])).toEqual([
      ["example.com", "utun4", ["172.31.66.13", "172.31.66.14"]],
    ]);
  });

  it("a 2024 capture with no VPN (tailscale issue #1891): two private resolvers on en0, mdns resolvers left out", () => {
    const dns = parseScutilDns(fixture("scutil-dns-2024-no-vpn.txt"));
    expect(dns.defaultResolver).toMatchObject({ interface: "en0", nameservers: ["10.200.0.245", "10.192.206.245"] });
    expect(dns.supplemental).toEqual([]);
    expect(dns.resolvers).toHaveLength(6);
  });

  it("redacted values as the reporter left them (headscale issue #660): two tunnels, placeholders kept as text", () => {
    const dns = parseScutilDns(fixture("scutil-dns-headscale-redacted.txt"));
    expect(dns.defaultResolver).toMatchObject({ interface: "en7", nameservers: ["<router ipv4>", "<router ipv6>"] });
    expect(dns.supplemental.map((r) => r.interface)).toEqual(["utun4", "utun3"]);
    expect(dns.supplemental[0].domain).toBe("<headscale namespace>.example.com.");
  });

  it("Big Sur with the Wi-Fi resolvers only scoped (tailscale issue #1647): the default resolver has no nameserver", () => {
    const dns = parseScutilDns(fixture("scutil-dns-bigsur-no-default-nameserver.txt"));
    expect(dns.defaultResolver).toMatchObject({ index: 1, nameservers: [], reachable: false, reach: "Not Reachable" });
  });
});

describe("scutil --proxy, real captures", () => {
  it("PAC only (macOS 10.15.7, httptoolkit issue): the URL is read, no manual proxy", () => {
    const proxy = parseScutilProxy(fixture("scutil-proxy-pac-wpad.txt"));
    expect(proxy).toMatchObject({ configured: true, pacUrl: "http://wpad.company.com/wpad.dat" });
    expect([proxy.http, proxy.https, proxy.socks]).toEqual([undefined, undefined, undefined]);
  });
});

describe("scutil --nc list, real captures", () => {
  it("an L2TP service configured in Network settings (2024): `PPP --> L2TP` as the interface name", () => {
    expect(parseScutilNcList(fixture("scutil-nc-list-l2tp.txt"))).toEqual([
      expect.objectContaining({
        enabled: true,
        status: "Disconnected",
        id: "E3A8F336-CCEB-4A29-B50A-FBAD41D84A71",
        interfaceName: "PPP --> L2TP",
        name: "My VPN",
        type: "PPP",
        subtype: "L2TP",
      }),
    ]);
  });

  it("a PPTP service with its UUID redacted by the reporter (`A2......CC`) and uneven padding", () => {
    expect(parseScutilNcList(fixture("scutil-nc-list-pptp-redacted-uuid.txt"))).toEqual([
      expect.objectContaining({ id: "A2......CC", interfaceName: "PPP --> PPTP", name: "myVPName", subtype: "PPTP" }),
    ]);
  });
});

describe("socketfilterfw, real captures", () => {
  it("kolide/launcher's capture: State = 2 with block-all disabled and stealth on", () => {
    expect(parseFirewallState(fixture("socketfilterfw-state2-stealth-kolide.txt"))).toMatchObject({
      state: "strict",
      blockAll: false,
      stealth: true,
    });
  });
});

describe("defaults errors, real captures (stderr)", () => {
  it.each([
    [
      "defaults-error-pair-missing.txt",
      /^The domain\/default pair of \(.*, AutoOpenSafeDownloads\) does not exist$/,
      true,
    ],
    ["defaults-error-domain-missing.txt", /^Domain \/var\/tmp\/あいうえお\/Contents\/Info does not exist$/, true],
    ["defaults-error-inline.txt", /^Could not write domain com\.apple\.universalaccess; exiting$/, false],
  ])("%s: the message past the NSLog header", (name, message, missing) => {
    const text = fixture(name);
    expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} defaults\[\d+:\d+\]/);
    expect(defaultsMessage(text)).toMatch(message);
    expect(isMissingDomain(text)).toBe(missing);
  });
});

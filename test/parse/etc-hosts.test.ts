import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findAppleLines,
  hostsFileAddresses,
  hostsFileWriter,
  isBlockingAddress,
  parseHostsEntries,
} from "../../src/core/parse/etc-hosts";
import { APPLE_DOMAINS } from "../../src/core/probes/hosts-file";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { HOSTS_WITH_GSA } from "../support/scenarios";

// /etc/hosts as real Macs have it (test/fixtures/README.md): the stock file, a privacy tool's Apple lines.

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");
const SIGN_IN = [...DEFAULT_TARGETS.signInHosts, ...DEFAULT_TARGETS.pushHosts!];
const apple = (text: string) => findAppleLines(text, SIGN_IN, APPLE_DOMAINS);

describe("parseHostsEntries", () => {
  it("reads the stock macOS file with line numbers and skips the placeholder line", () => {
    expect(parseHostsEntries(fixture("etc-hosts-macos-dagpenger.txt"))).toEqual([
      { line: 7, address: "127.0.0.1", names: ["localhost", "kafka"] },
      { line: 8, address: "255.255.255.255", names: ["broadcasthost"] },
      { line: 9, address: "::1", names: ["localhost", "kafka"] },
    ]);
  });

  it("never throws on junk, and drops an address with no name", () => {
    expect(parseHostsEntries(undefined as unknown as string)).toEqual([]);
    expect(parseHostsEntries("0.0.0.0\n\u0000\u0007\nfe80::1%lo0 localhost # comment\n")).toEqual([
      { line: 3, address: "fe80::1%lo0", names: ["localhost"] },
    ]);
  });
});

describe("findAppleLines", () => {
  it("the stock file has no Apple line", () => {
    expect(apple(fixture("etc-hosts-macos-dagpenger.txt"))).toEqual([]);
  });

  it("Spybot Anti-Beacon's real Apple lines: 41 other Apple names, no sign-in host", () => {
    const caught = apple(fixture("etc-hosts-spybot-anti-beacon-apple.txt"));
    expect(caught).toHaveLength(41);
    expect(caught.every((c) => c.kind === "apple" && c.blocking)).toBe(true);
    expect(caught.find((c) => c.names[0] === "ftreporter.push.apple.com")).toMatchObject({ line: 28 });
  });

  it("names the sign-in line with its number, and only the Apple names on it", () => {
    const caught = apple(HOSTS_WITH_GSA);
    const gsa = caught.filter((c) => c.kind === "sign-in");
    expect(gsa).toEqual([
      { line: 53, address: "0.0.0.0", names: ["gsa.apple.com"], others: 0, kind: "sign-in", blocking: true },
    ]);
    expect(apple("127.0.0.1 janes-mbp GSA.apple.com. idmsa.apple.com\n")).toEqual([
      {
        line: 1,
        address: "127.0.0.1",
        names: ["gsa.apple.com", "idmsa.apple.com"],
        others: 1,
        kind: "sign-in",
        blocking: true,
      },
    ]);
  });

  it("a parent domain itself is its own kind (it doesn't catch the hosts under it); a real address pins", () => {
    // The line Ultimate-Hosts-Blacklist#535 found in a published hosts file.
    expect(apple("0.0.0.0 apple.com\n")).toMatchObject([{ kind: "domain", names: ["apple.com"] }]);
    expect(apple("17.32.194.98 gsa.apple.com\n")).toMatchObject([{ kind: "sign-in", blocking: false }]);
    expect(apple("0.0.0.0 \u001b[31mx.apple.com\n")).toEqual([]);
  });
});

describe("blocking addresses and writers", () => {
  it.each([
    ["0.0.0.0", true],
    ["127.0.0.1", true],
    ["127.0.0.2", true],
    ["::", true],
    ["::1", true],
    ["17.32.194.98", false],
    ["192.168.1.2", false],
  ])("%s blocking: %s", (address, blocking) => expect(isBlockingAddress(address)).toBe(blocking));

  it("names the tool only when a comment says so", () => {
    expect(hostsFileWriter(HOSTS_WITH_GSA)).toBe("Spybot Anti-Beacon");
    expect(hostsFileWriter("# Title: StevenBlack/hosts\n0.0.0.0 x\n")).toBe("StevenBlack/hosts");
    expect(hostsFileWriter("0.0.0.0 spybot.example\n")).toBeUndefined();
  });
});

// Hand-made lines (not captures): the edges of each rule.
describe("hostsFileAddresses", () => {
  it("every address for a name in file order, once each, IPv4 and IPv6, case and trailing dot ignored", () => {
    const text = [
      "127.0.0.1 localhost",
      "0.0.0.0 GSA.Apple.com.",
      "  ::1\tgsa.apple.com # a comment",
      "0.0.0.0 gsa.apple.com",
      "# 10.0.0.1 gsa.apple.com",
      "fe80::1%lo0 gsa.apple.com",
      "not-an-ip gsa.apple.com",
      "10.0.0.2 xgsa.apple.com gsa.apple.comx",
    ].join("\r\n");
    expect(hostsFileAddresses(text, "gsa.apple.com.")).toEqual(["0.0.0.0", "::1", "fe80::1%lo0"]);
    expect(hostsFileAddresses(text, "GSA.APPLE.COM")).toEqual(["0.0.0.0", "::1", "fe80::1%lo0"]);
    expect(hostsFileAddresses(text, "idmsa.apple.com")).toEqual([]);
    expect(hostsFileAddresses(undefined as unknown as string, "x")).toEqual([]);
  });
});

describe("parseHostsEntries: edges", () => {
  it("names lower case without a trailing dot; a comment ends the line; CRLF", () => {
    expect(parseHostsEntries("0.0.0.0 A.Example. b#c d\r\n\r\n  1.2.3.4\tx")).toEqual([
      { line: 1, address: "0.0.0.0", names: ["a.example", "b"] },
      { line: 3, address: "1.2.3.4", names: ["x"] },
    ]);
  });

  it("a line of exactly 4,096 characters is read; a longer one skipped", () => {
    const line = (n: number) => `0.0.0.0 ${"a".repeat(n - 8)}`;
    expect(parseHostsEntries(line(4096))).toHaveLength(1);
    expect(parseHostsEntries(line(4097))).toEqual([]);
  });
});

describe("findAppleLines: kinds and ranking", () => {
  it("a line mapping a sign-in host and other Apple names is of the sign-in kind, naming only those", () => {
    expect(apple("0.0.0.0 metrics.apple.com apple.com gsa.apple.com gsa.apple.com\n")).toEqual([
      { line: 1, address: "0.0.0.0", names: ["gsa.apple.com"], others: 3, kind: "sign-in", blocking: true },
    ]);
  });

  it("a parent domain outranks another name under it", () => {
    expect(apple("0.0.0.0 metrics.apple.com icloud.com\n")).toMatchObject([
      { kind: "domain", names: ["icloud.com"], others: 1 },
    ]);
  });

  it("a name that only ends like a domain, without the dot, is not Apple's", () => {
    expect(apple("0.0.0.0 notapple.com myicloud.com\n")).toEqual([]);
  });

  it("names with characters no host name has are ignored, the rest of the line still read", () => {
    expect(apple("0.0.0.0 gs@.apple.com x.apple.com\n")).toMatchObject([{ kind: "apple", names: ["x.apple.com"] }]);
  });

  it("sign-in hosts and domains match whatever their case", () => {
    expect(findAppleLines("0.0.0.0 gsa.apple.com\n", ["GSA.Apple.com"], [])).toMatchObject([{ kind: "sign-in" }]);
    expect(findAppleLines("0.0.0.0 x.apple.com\n", [], ["Apple.COM"])).toMatchObject([{ kind: "apple" }]);
  });
});

describe("isBlockingAddress: edges", () => {
  it.each([
    ["0:0:0:0:0:0:0:0", true],
    ["0:0:0:0:0:0:0:1", true],
    ["0:0:0:0:0:0:0:2", false],
    ["127.1.2.3", true],
    ["127.0.0", false],
    ["1127.0.0.1", false],
    ["127.0.0.1.5", false],
    ["0.0.0.00", false],
    ["::1%lo0", true],
    [":::1", false],
    ["::2", false],
  ])("%s blocking: %s", (address, blocking) => expect(isBlockingAddress(address)).toBe(blocking));
});

describe("hostsFileWriter: each tool it names", () => {
  it.each([
    ["# https://github.com/StevenBlack/hosts", "StevenBlack/hosts"],
    ["# Safer-Networking Ltd.", "Spybot Anti-Beacon"],
    ["# Spybot Anti-Beacon", "Spybot Anti-Beacon"],
    ["# http://someonewhocares.org/hosts/", "Dan Pollock's hosts file (someonewhocares.org)"],
    ["# Generated by hBlock", "hBlock"],
    ["  # adaway", "AdAway"],
    ["# gas mask", "Gas Mask"],
    ["# switchhosts", "SwitchHosts"],
  ])("%s names %s", (comment, writer) => {
    expect(hostsFileWriter(`${comment}\r\n0.0.0.0 x\n`)).toBe(writer);
  });

  it("hBlock only with its own capitals; a name outside a comment, or in an overlong one, names nobody", () => {
    expect(hostsFileWriter("# hblock\n")).toBeUndefined();
    expect(hostsFileWriter("0.0.0.0 adaway.example # not at the start\n")).toBeUndefined();
    expect(hostsFileWriter(`# AdAway ${"x".repeat(4096)}\n`)).toBeUndefined();
    expect(hostsFileWriter(`# AdAway ${"x".repeat(4096 - 9)}\n`)).toBe("AdAway");
    expect(hostsFileWriter(`${"\n".repeat(200_001)}# AdAway\n`)).toBeUndefined();
    expect(hostsFileWriter(undefined as unknown as string)).toBeUndefined();
  });
});

describe("hostsFileAddresses: the stock file and line rules", () => {
  it("the stock macOS file: localhost on two lines (IPv4 and IPv6), kafka beside it, the placeholder skipped", () => {
    const stock = fixture("etc-hosts-macos-dagpenger.txt");
    expect(hostsFileAddresses(stock, "localhost")).toEqual(["127.0.0.1", "::1"]);
    expect(hostsFileAddresses(stock, "kafka")).toEqual(["127.0.0.1", "::1"]);
    expect(hostsFileAddresses(stock, "broadcasthost")).toEqual(["255.255.255.255"]);
    expect(hostsFileAddresses(stock, "xxxxx")).toEqual([]);
  });

  it("a name that appears only in a trailing comment isn't mapped; an empty name matches nothing", () => {
    expect(hostsFileAddresses("10.0.0.1 a.example # gsa.apple.com and more", "gsa.apple.com")).toEqual([]);
    expect(hostsFileAddresses("127.0.0.1  localhost\n::1\t\tlocalhost", "")).toEqual([]);
  });
});

describe("isBlockingAddress: every loopback address", () => {
  it.each([
    ["127.0.53.53", true],
    ["127.10.0.1", true],
    ["127.255.255.254", true],
  ])("%s blocking: %s", (address, blocking) => expect(isBlockingAddress(address)).toBe(blocking));
});

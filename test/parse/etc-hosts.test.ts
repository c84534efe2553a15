import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findAppleLines, hostsFileWriter, isBlockingAddress, parseHostsEntries } from "../../src/core/parse/etc-hosts";
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

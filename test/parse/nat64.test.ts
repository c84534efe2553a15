import { describe, expect, it } from "vitest";
import { IPV4ONLY_ARPA, inPrefix, nat64Prefixes, synthesize } from "../../src/core/parse/nat64";

// NAT64 arithmetic on address text (RFC 7050 discovery, RFC 6052 embedding, RFC 5952 writing).
// Examples from the RFCs where they give one; the rest hand-made at each rule's edge.

describe("nat64Prefixes: ipv4only.arpa's AAAA answers", () => {
  it("asks the name RFC 7050 reserves", () => {
    expect(IPV4ONLY_ARPA).toBe("ipv4only.arpa");
  });

  it.each([
    ["upper case", ["64:FF9B::C000:AA"], ["64:ff9b::/96"]],
    ["a zone suffix", ["64:ff9b::c000:ab%en0"], ["64:ff9b::/96"]],
    ["all eight groups written out", ["64:ff9b:0:0:0:0:c000:aa"], ["64:ff9b::/96"]],
    ["leading zeros in groups", ["0064:ff9b:0000:0000:0000:0000:c000:00aa"], ["64:ff9b::/96"]],
    ["the embedded address written as a dotted quad", ["64:ff9b::192.0.0.171"], ["64:ff9b::/96"]],
    ["a prefix with no zero run to compress", ["2001:db8:1:2:3:4:c000:aa"], ["2001:db8:1:2:3:4::/96"]],
    ["a single zero group, not compressed", ["2001:db8:0:1:2:3:c000:aa"], ["2001:db8:0:1:2:3::/96"]],
    ["the longer of two zero runs compressed", ["2001:0:0:1:0:0:c000:aa"], ["2001:0:0:1::/96"]],
    ["a leading zero run", ["::1:2:c000:aa"], ["::1:2:0:0/96"]],
    ["the mapped-looking ::ffff: form", ["::ffff:192.0.0.170"], ["::ffff:0:0/96"]],
  ])("%s", (_name, answers, prefixes) => {
    expect(nat64Prefixes(answers)).toEqual(prefixes);
  });

  it("one prefix once, whether both well-known addresses come back or one twice; two prefixes in answer order", () => {
    expect(nat64Prefixes(["64:ff9b::c000:aa", "64:ff9b::c000:ab", "64:ff9b::c000:aa"])).toEqual(["64:ff9b::/96"]);
    expect(nat64Prefixes(["2001:db8:64::c000:aa", "64:ff9b::c000:ab"])).toEqual(["2001:db8:64::/96", "64:ff9b::/96"]);
  });

  it.each([
    ["another address in the last 32 bits", "64:ff9b::c000:ac"],
    ["192.0.0.170 in other bits", "64:ff9b:c000:aa::1"],
    ["an IPv4 answer", "192.0.0.170"],
    ["nine groups", "64:ff9b:0:0:0:0:0:c000:aa"],
    ["a group over 16 bits", "64:ff9b::1c000:aa"],
    ["text", "ipv4only.arpa"],
    ["a second '::'", "64:ff9b::c000:aa::"],
    ["junk after the last group", "64:ff9b::c000:aaz"],
    ["an empty string", ""],
  ])("%s is no prefix", (_name, answer) => {
    expect(nat64Prefixes([answer])).toEqual([]);
  });

  it("answers that aren't a list, or aren't text, give none and never throw", () => {
    for (const v of [undefined, null, "64:ff9b::c000:aa", { 0: "64:ff9b::c000:aa" }])
      expect(nat64Prefixes(v)).toEqual([]);
    expect(nat64Prefixes([null, 7, {}, "64:ff9b::c000:aa"])).toEqual(["64:ff9b::/96"]);
  });
});

describe("synthesize: an IPv4 address through a /96 prefix", () => {
  it.each([
    // RFC 6052 section 2.4's table: 192.0.2.33 under a /96.
    ["64:ff9b::/96", "192.0.2.33", "64:ff9b::c000:221"],
    ["2001:db8:122:344::/96", "192.0.2.33", "2001:db8:122:344::c000:221"],
    ["64:ff9b::/96", "1.1.1.1", "64:ff9b::101:101"],
    ["64:ff9b::/96", "0.0.0.0", "64:ff9b::"],
    ["64:ff9b:1:2:3:4::/96", "17.253.144.10", "64:ff9b:1:2:3:4:11fd:900a"],
    ["1:0:0:1:0:0::/96", "0.1.0.1", "1::1:0:0:1:1"],
    ["64:ff9b:0:0:0:0::/96", "10.0.0.1", "64:ff9b::a00:1"],
    ["2001:db8:0:1:2:3::/96", "0.4.0.5", "2001:db8:0:1:2:3:4:5"],
    // The last 32 bits are the IPv4 address's, whatever the prefix text held there.
    ["64:ff9b::ffff:ffff/96", "1.1.1.1", "64:ff9b::101:101"],
  ])("%s + %s = %s", (prefix, ipv4, address) => {
    expect(synthesize(prefix, ipv4)).toBe(address);
  });

  it.each([
    ["a prefix that isn't /96", "64:ff9b::/64", "1.1.1.1"],
    ["no length", "64:ff9b::", "1.1.1.1"],
    ["a length alone", "/96", "1.1.1.1"],
    ["a longer length", "64:ff9b::/960", "1.1.1.1"],
    ["a prefix that isn't IPv6", "10.0.0.0/96", "1.1.1.1"],
    ["an IPv4 address with three parts", "64:ff9b::/96", "1.1.1"],
    ["an IPv4 address out of range", "64:ff9b::/96", "256.1.1.1"],
    ["an IPv6 address for IPv4", "64:ff9b::/96", "::1"],
    ["nothing", "", ""],
    ["not text", undefined, undefined],
  ])("%s: none", (_name, prefix, ipv4) => {
    expect(synthesize(prefix as string, ipv4 as string)).toBeUndefined();
  });
});

describe("inPrefix: is an address a synthesized one", () => {
  it.each([
    ["64:ff9b::101:101", "64:ff9b::/96", true],
    ["64:FF9B::C000:221", "64:ff9b::/96", true],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0:0:0::/96", true],
    ["64:ff9b:0:0:0:0:17.253.144.10", "64:ff9b::/96", true],
    ["2001:db8::1:17.253.144.10", "2001:db8:0:0:0:1::/96", true],
    ["64:ff9b::101:101", "64:ff9b::/960", false],
    ["2001:db8:122:344::c000:221", "2001:db8:122:344::/96", true],
    ["64:ff9b::1:101:101", "64:ff9b::/96", false],
    ["64:ff9a::101:101", "64:ff9b::/96", false],
    ["2a01:b740::1", "64:ff9b::/96", false],
    ["64:ff9b::101:101", "64:ff9b::/64", false],
    ["64:ff9b::101:101", "64:ff9b::", false],
    ["1.1.1.1", "64:ff9b::/96", false],
    ["64:ff9b::101:101", "zz::/96", false],
  ])("%s in %s: %s", (address, prefix, inside) => {
    expect(inPrefix(address, prefix)).toBe(inside);
  });
});

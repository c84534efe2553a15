import { describe, expect, it } from "vitest";
import { describeResolver } from "../../src/core/dns-filters";

// Resolvers named by their published addresses (AdGuard KB "Known DNS Providers", DedBash/Public-DNS-List).
describe("describeResolver", () => {
  it.each([
    ["94.140.14.14", "AdGuard DNS (94.140.14.14)"],
    ["45.90.28.0", "NextDNS (45.90.28.0)"],
    ["1.1.1.3", "Cloudflare for Families (1.1.1.3)"],
    ["9.9.9.9", "Quad9 (blocks malware domains) (9.9.9.9)"],
    ["185.228.168.168", "CleanBrowsing (185.228.168.168)"],
    ["100.100.100.100", "Tailscale's MagicDNS (100.100.100.100)"],
    ["192.168.1.2", "your router or a Pi-hole at 192.168.1.2"],
    ["fe80::1%en0", "your router or a Pi-hole at fe80::1"],
    ["127.0.0.1", "a DNS filter running on this Mac (127.0.0.1), such as an ad blocker, dnscrypt-proxy or a VPN app"],
  ])("%s is %s", (address, what) => expect(describeResolver(address)).toBe(what));

  it.each([["1.1.1.1"], ["8.8.8.8"], ["not-an-ip"], [""], ["\u001b[31m"]])("%j is not named", (address) =>
    expect(describeResolver(address)).toBeUndefined(),
  );
});

describe("describeResolver on any text (scutil's nameserver field is outside text)", () => {
  it("never throws, and what it names carries no control characters", async () => {
    const fc = (await import("fast-check")).default;
    const { fuzzSeed } = await import("../support/fuzz-seed");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.constant(undefined as unknown as string)), (a) => {
        const out = describeResolver(a);
        // eslint-disable-next-line no-control-regex
        if (out !== undefined && /[\u0000-\u001f\u007f]/.test(out)) throw new Error(`control character in ${out}`);
      }),
      { numRuns: 300, seed: fuzzSeed() },
    );
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { domainCatches, normalDomain, parseResolverFile } from "../../src/core/parse/resolver-file";
import { parseScutilDns } from "../../src/core/parse/scutil-dns";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("parseResolverFile (resolver(5) files in /etc/resolver)", () => {
  it("apple/container's file: a domain line, search, one nameserver, a port", () => {
    expect(parseResolverFile(fixture("resolver-containerization-vm.txt"))).toEqual({
      domain: "vm",
      nameservers: ["127.0.0.1"],
      port: 2053,
      search: ["vm"],
    });
  });

  it("a consul file: three nameservers and a port, no domain line (the file name is the domain)", () => {
    expect(parseResolverFile(fixture("resolver-consul.txt"))).toEqual({
      nameservers: ["10.64.3.20", "10.64.3.230", "10.64.3.104"],
      port: 8600,
      search: [],
    });
  });

  it("reads resolver(5)'s address.port form, IPv6, comments, CRLF; keeps at most three servers", () => {
    const text =
      "# made by hand\r\n; also a comment\r\nnameserver 10.0.0.17.55\r\nnameserver ::1\r\nnameserver fe80::1%en0\r\nnameserver 9.9.9.9\r\nDomain Apple.COM.\r\n";
    expect(parseResolverFile(text)).toEqual({
      domain: "apple.com",
      nameservers: ["10.0.0.17", "::1", "fe80::1"],
      port: 55,
      search: [],
    });
  });

  it("ignores what isn't a resolver line, and never throws", () => {
    expect(parseResolverFile("nameserver not-an-ip\nport 99999\ndomain ../../etc\nsortlist x\n")).toEqual({
      nameservers: [],
      search: [],
    });
    for (const junk of [undefined, null, 42, {}, "\u0000".repeat(5000), "nameserver " + "1".repeat(5000)])
      expect(() => parseResolverFile(junk as unknown as string)).not.toThrow();
  });

  it("normalDomain and domainCatches: a resolver answers its domain and every name under it", () => {
    expect(normalDomain("Apple.com.")).toBe("apple.com");
    expect(normalDomain("a/b")).toBeUndefined();
    expect(normalDomain("..")).toBeUndefined();
    expect(domainCatches("apple.com", "gsa.apple.com")).toBe(true);
    expect(domainCatches("apple.com", "apple.com")).toBe(true);
    expect(domainCatches("apple.com", "notapple.com")).toBe(false);
    expect(domainCatches("com", "apple.com")).toBe(true);
  });
});

describe("scutil --dns sees resolver files (the corroboration the hosts-file check reads)", () => {
  it("apple/container#1693: the file for `cont` is a resolver with that domain, its nameserver and port", () => {
    const parsed = parseScutilDns(fixture("scutil-dns-resolver-file-cont.txt"));
    expect(parsed.resolvers).toHaveLength(1);
    expect(parsed.resolvers[0]).toMatchObject({
      section: "default",
      domain: "cont",
      nameservers: ["127.0.0.1"],
      port: 2053,
      searchDomains: ["cont"],
    });
    expect(parsed.supplemental.map((r) => r.domain)).toEqual(["cont"]);
  });
});

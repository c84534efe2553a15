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
    expect(parseResolverFile("nameserver not-an-ip\nport 99999\ndomain ../../etc\nsortlist x\n")).toStrictEqual({
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

// Hand-made files (not captures) at each rule's edge.
describe("parseResolverFile: lines and values", () => {
  it("indentation, tabs and runs of spaces between a keyword and its value; comments anywhere", () => {
    const text =
      "  nameserver   10.0.0.53\n\tport\t\t5353\n# nameserver 10.0.0.99\n;port 99\n   \ndomain \t corp.example\n";
    expect(parseResolverFile(text)).toStrictEqual({
      domain: "corp.example",
      nameservers: ["10.0.0.53"],
      port: 5353,
      search: [],
    });
  });

  it("a nameserver without a port sets none; the first nameserver's port is the one kept; a port line wins", () => {
    expect(parseResolverFile("nameserver 10.0.0.1\n")).toStrictEqual({ nameservers: ["10.0.0.1"], search: [] });
    expect(parseResolverFile("nameserver 10.0.0.17.55\nnameserver 10.0.0.18.66\n").port).toBe(55);
    expect(parseResolverFile("port 53\nnameserver 10.0.0.17.55\n").port).toBe(53);
    expect(parseResolverFile("nameserver 10.0.0.17.55\nport 53\n").port).toBe(53);
  });

  it.each([
    ["10.0.0.17.1", "10.0.0.17", 1],
    ["10.0.0.17.65535", "10.0.0.17", 65535],
    ["10.0.0.17.0", undefined, undefined],
    ["10.0.0.17.65536", undefined, undefined],
    ["10.0.0.17.99999", undefined, undefined],
    ["1110.0.0.17.55", undefined, undefined],
    ["10.0.0.17.55.66", undefined, undefined],
    ["10.0.0.256.55", undefined, undefined],
  ])("nameserver %s: server %s, port %s", (value, server, port) => {
    const r = parseResolverFile(`nameserver ${value}\n`);
    expect(r.nameservers).toEqual(server ? [server] : []);
    expect(r.port).toBe(port);
  });

  it.each([
    ["1", 1],
    ["65535", 65535],
    ["0", undefined],
    ["65536", undefined],
    ["0x35", undefined],
    ["1e3", undefined],
    ["53x", undefined],
    ["x53", undefined],
    ["-53", undefined],
    ["", undefined],
  ])("port %j: %s", (value, port) => {
    expect(parseResolverFile(`port ${value}\n`).port).toBe(port);
  });

  it("search: valid domains only, at most six", () => {
    expect(parseResolverFile("search a.example ../x B.Example.\n").search).toEqual(["a.example", "b.example"]);
    expect(parseResolverFile("search a b c d e f g h\n").search).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("a line of 1,024 characters is read, a longer one skipped; only the first 100 KB of a file", () => {
    const padded = (n: number) => `nameserver 10.0.0.1${" ".repeat(n - 19)}`;
    expect(parseResolverFile(padded(1024)).nameservers).toEqual(["10.0.0.1"]);
    expect(parseResolverFile(padded(1025)).nameservers).toEqual([]);
    const comments = "# filler\n".repeat(12_000);
    expect(parseResolverFile(`${comments}nameserver 10.0.0.1\n`).nameservers).toEqual([]);
    expect(parseResolverFile(`nameserver 10.0.0.2\n${comments}`).nameservers).toEqual(["10.0.0.2"]);
  });
});

describe("normalDomain: what counts as a domain", () => {
  it.each([
    ["  Apple.COM.  ", "apple.com"],
    ["x", "x"],
    ["_dns-sd._udp.example", "_dns-sd._udp.example"],
    ["a..b", undefined],
    ["-a.example", undefined],
    ["a.example-", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j: %s", (value, domain) => {
    expect(normalDomain(value as string)).toBe(domain);
  });
});

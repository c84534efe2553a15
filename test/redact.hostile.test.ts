import { describe, expect, it } from "vitest";
import { redact } from "../src/core/redact";

// Identifiers that got past redaction under hostile input (issue 12, items 7-9).
// Each row: the text as it reaches a report, the values that must not survive,
// and the placeholder that must say something was hidden.

describe("credentials in any URL are hidden, whatever matched first (item 7)", () => {
  it.each([
    [
      "an env proxy whose host is a known proxy host",
      "HTTPS_PROXY=http://bob:s3cret@proxy.corp-example.net:3128",
      [{ value: "proxy.corp-example.net", kind: "proxy-host" as const }],
    ],
    ["a URL in free text", "fetch failed for https://bob:s3cret@example.org/x", []],
    ["a password holding an @", "ALL_PROXY=socks5://bob:p@ss@10.0.0.5:1080", []],
    ["a user with no password", "ProxyAutoConfigURLString : http://bob@pac.corp-example.net/proxy.pac", []],
  ])("%s", (_what, text, identifiers) => {
    const out = redact(text, { identifiers });
    expect(out).not.toMatch(/s3cret|bob|p@ss/);
    expect(out).toContain("[credentials]@");
    expect(redact(out, { identifiers })).toBe(out);
  });
});

describe("percent-encoded and double-encoded identifiers are redacted after decoding (item 8)", () => {
  it.each([
    [
      "a MAC with encoded colons",
      "client_mac=a4%3A83%3Ae7%3A12%3A34%3A56",
      ["a4%3A83%3Ae7%3A12%3A34%3A56", "a4:83:e7:12:34:56"],
    ],
    ["an encoded dsid= pair", "next=%2Fsetup%3Fdsid%3D12345678901", ["12345678901"]],
    ["an encoded home path", "file=%2FUsers%2Fjane%2FLibrary", ["jane"]],
    ["a double-encoded email", "u=jane.doe%2540example.com", ["jane.doe", "jane.doe%2540example.com"]],
    ["an encoded non-ASCII email", "u=jos%C3%A9%40example.com", ["jos%C3%A9", "josé"]],
    ["an encoded link-local address with zone", "gw=fe80%3A%3A1c2b%3A3aff%3Afe4d%3A5e6f%25en0", ["1c2b", "5e6f"]],
  ])("%s", (_what, text, leaks) => {
    const out = redact(text);
    for (const leak of leaks) expect(out).not.toContain(leak);
    expect(out).toMatch(/\[(mac|dsid|user|email|private-ip)\]/);
    expect(redact(out)).toBe(out);
  });

  it.each([
    ["a bare MAC after ap=", "ap=a483e7123456", "a483e7123456", "[mac]"],
    ["a serial after sn=", "sn=C02XK1ZZJGH5", "C02XK1ZZJGH5", "[serial]"],
    ["a .lan host name", "Location: http://janes-mbp.lan/", "janes-mbp", "[computer]"],
  ])("%s", (_what, text, leak, placeholder) => {
    const out = redact(text);
    expect(out).not.toContain(leak);
    expect(out).toContain(placeholder);
  });
});

describe("identifier classes the patterns missed (item 9)", () => {
  it.each([
    ["a non-ASCII email", "contact josé.müller@exämple.de now", ["josé.müller", "exämple.de"], "[email]"],
    ["an IDN email in punycode", "from jane@xn--exmple-cua.xn--p1ai", ["jane@"], "[email]"],
    ["a full-width @", "mail jane.doe＠example.com", ["jane.doe"], "[email]"],
    [
      "a DSID in an .icloud.com.cn URL",
      "https://p12-caldav.icloud.com.cn/12345678901/principal/",
      ["12345678901"],
      "[dsid]",
    ],
    ["a DSID in a me.com URL", "https://p01-contacts.me.com/12345678901/carddavhome/", ["12345678901"], "[dsid]"],
    [
      "an EUI-64 IPv6 address (embeds the MAC)",
      "inet6 2001:db8:1:2:a683:e7ff:fe12:3456 prefixlen 64",
      ["a683:e7ff:fe12:3456"],
      "[private-ip]",
    ],
    [
      "a link-local IPv6 with a zone id",
      "nameserver[1] : fe80::a683:e7ff:fe12:3456%en0",
      ["fe80::a683", "%en0"],
      "[private-ip]",
    ],
    ["a .home host name", "search domain[0] : livingroom-pc.home", ["livingroom-pc"], "[computer]"],
    ["a .local host name", "janes-mbp.local.", ["janes-mbp"], "[computer]"],
    ["the user after `user ` in command output", "socketfilterfw: not permitted for user jane", ["jane"], "[user]"],
  ])("%s", (_what, text, leaks, placeholder) => {
    const out = redact(text);
    for (const leak of leaks) expect(out).not.toContain(leak);
    expect(out).toContain(placeholder);
    expect(redact(out)).toBe(out);
  });

  it("ordinary words after `user` stay", () => {
    const text = "a line for the user to say whether other devices sign in; user name and user account";
    expect(redact(text)).toBe(text);
  });
});

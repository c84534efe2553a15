import { describe, expect, it } from "vitest";
import { collectIdentifiers, PLACEHOLDERS, redact, type RedactionContext } from "../src/core/redact";
import type { Identifier } from "../src/core/types";

const context: RedactionContext = {
  identifiers: [
    { value: "proxy.corp.example", kind: "proxy-host" },
    { value: "Jane's VPN", kind: "vpn" },
    { value: "Acme Corp Tunnel", kind: "vpn" },
    { value: "Jane Home 5G", kind: "wifi" },
    { value: "jane.doe@example.com", kind: "email" },
  ],
  userName: "jane",
  homeDir: "/Users/jane",
  computerName: "Jane’s MacBook Pro",
};

/** A report seeded with every identifier kind, plus text that must survive. */
const REPORT = `# Apple ID Doctor report
Generated 2026-11-21T10:00:00.000Z at 10:42:07 on macOS 15.7.4 (24G517), Mac16,8
Apple Account: jane.doe@example.com (other address: J.Smith+icloud@Mail.Example.org)
sign-in log: appleID=jane.doe@example.com dsid=12345678901 status=ETIMEDOUT after 3000 ms
Account DSID: 98765432
<key>AccountDSID</key>
	<string>55512345678</string>
{"prsId": 44455566677, "AccountDSID":"33322211100"}
Hardware UUID: 11111111-2222-4333-8444-555555555555
Service: 07CD635E-71A1-4229-9C2F-B485A7702C9A
Serial Number (system): C02XL0GUJGH5
Home: /Users/jane/Library/Preferences/MobileMeAccounts.plist, user jane, shell ~/.zshrc
Computer: Jane’s MacBook Pro, Bonjour name Janes-MacBook-Pro.local
LAN: 10.0.0.12 gateway 192.168.1.1 corp 172.16.5.4 and 172.31.255.254 self-assigned 169.254.10.20 tailscale 100.101.102.103
inet6 fe80::1%en0 prefixlen 64 / ula fd12:3456:789a:1::5 / FC00::1
ether 3c:22:fb:12:34:56 arp 0:1b:2c:d:e:f windows AA-BB-CC-DD-EE-01
Current Wi-Fi Network: Jane Home 5G
SSID: Guest Net Upstairs
    BSSID: 11:22:33:44:55:66
HTTPSProxy : proxy.corp.example:8080 via http://proxy.corp.example/proxy.pac
VPN: Jane's VPN (Connected), Acme Corp Tunnel (Disconnected)
domain   : 166534133.members.btmm.icloud.com
Public: 17.253.144.10, 1.1.1.1, 8.8.8.8, loopback 127.0.0.1
Hosts: appleid.apple.com, courier.push.apple.com:5223
Certificate: Apple Public Server RSA CA 12 - G1
Clock is 9 min 1 s ahead
`;

const RAW_VALUES = [
  "jane.doe@example.com",
  "J.Smith+icloud@Mail.Example.org",
  "12345678901",
  "98765432",
  "55512345678",
  "44455566677",
  "33322211100",
  "11111111-2222-4333-8444-555555555555",
  "07CD635E-71A1-4229-9C2F-B485A7702C9A",
  "C02XL0GUJGH5",
  "/Users/jane",
  "user jane",
  "Jane’s MacBook Pro",
  "Janes-MacBook-Pro",
  "10.0.0.12",
  "192.168.1.1",
  "172.16.5.4",
  "172.31.255.254",
  "169.254.10.20",
  "100.101.102.103",
  "fe80::1",
  "%en0",
  "fd12:3456",
  "FC00::1",
  "3c:22:fb:12:34:56",
  "0:1b:2c:d:e:f",
  "AA-BB-CC-DD-EE-01",
  "11:22:33:44:55:66",
  "Jane Home 5G",
  "Guest Net Upstairs",
  "proxy.corp.example",
  "Jane's VPN",
  "Acme Corp Tunnel",
  "166534133",
];

const SURVIVORS = [
  "macOS 15.7.4 (24G517)",
  "Mac16,8",
  "17.253.144.10",
  "1.1.1.1",
  "8.8.8.8",
  "127.0.0.1",
  "10:42:07",
  "2026-11-21T10:00:00.000Z",
  "appleid.apple.com",
  "Apple Public Server RSA CA 12 - G1",
  "courier.push.apple.com:5223",
  "Clock is 9 min 1 s ahead",
  "ETIMEDOUT after 3000 ms",
  "~/.zshrc",
  "HTTPSProxy : ",
  ":8080",
];

describe("redact: seeded report", () => {
  const out = redact(REPORT, context);

  it.each(RAW_VALUES)("hides %s", (raw) => {
    expect(out).not.toContain(raw);
  });

  it.each(Object.values(PLACEHOLDERS))("says %s was hidden", (placeholder) => {
    expect(out).toContain(placeholder);
  });

  it.each(SURVIVORS)("keeps %s", (text) => {
    expect(out).toContain(text);
  });

  it("keeps labels and structure around hidden values", () => {
    expect(out).toContain("dsid=[dsid]");
    expect(out).toContain("Account DSID: [dsid]");
    expect(out).toContain("<key>AccountDSID</key>\n\t<string>[dsid]</string>");
    expect(out).toContain('{"prsId": [dsid], "AccountDSID":"[dsid]"}');
    expect(out).toContain("Serial Number (system): [serial]");
    expect(out).toContain("/Users/[user]/Library/Preferences/MobileMeAccounts.plist");
    expect(out).toContain("Current Wi-Fi Network: [wifi]");
    expect(out).toContain("SSID: [wifi]");
    expect(out).toContain("BSSID: [mac]");
    expect(out).toContain("inet6 [private-ip] prefixlen 64");
    expect(out).toContain("HTTPSProxy : [proxy-host]:8080 via http://[proxy-host]/proxy.pac");
    expect(out).toContain("domain   : [domain]");
    expect(out).toContain("Computer: [computer], Bonjour name [computer]");
  });

  it("is idempotent", () => {
    expect(redact(out, context)).toBe(out);
    expect(redact(out)).toBe(out);
  });
});

describe("redact: patterns without context", () => {
  it.each([
    ["mail me at a.b-c@sub.example.co.uk today", "mail me at [email] today"],
    ["login?user=jane.doe%40example.com&x=1", "login?user=[email]&x=1"],
    ["DSID: 1234567", "DSID: [dsid]"],
    ["AccountDSID = 12345678901;", "AccountDSID = [dsid];"],
    ["personID=87654321", "personID=[dsid]"],
    ["the DSID for this account is 123456789", "the DSID for this account is [dsid]"],
    ["https://p113-contacts.icloud.com/123456789/carddavhome/", "https://p113-contacts.icloud.com/[dsid]/carddavhome/"],
    ['"IOPlatformSerialNumber" = "C02XL0GUJGH5"', '"IOPlatformSerialNumber" = "[serial]"'],
    ["serial: K7X9PQ2M4R", "serial: [serial]"],
    ["Provisioning UDID: 00008103-001234567890ABCD", "Provisioning UDID: [uuid]"],
    ["id 11111111-2222-4333-8444-555555555555.", "id [uuid]."],
    ["ssh jane@Janes-MacBook-Pro.local", "ssh [email]"],
    ["Jane's Mac mini is asleep", "[computer] is asleep"],
    ["dhcp janes-macbook-air-2.fritz.box", "dhcp [computer]"],
    ["printer Brother-HL.local.", "printer [computer]"],
    ["ComputerName : Büro Rechner", "ComputerName : [computer]"],
    ["User Name: Jane Doe (jane)", "User Name: [user]"],
    ["<key>DisplayName</key>\n<string>Jane Doe</string>", "<key>DisplayName</key>\n<string>[user]</string>"],
    ['{"ssid":"My Net","bssid":"x"}', '{"ssid":"[wifi]","bssid":"x"}'],
    ["http_proxy=http://bob:s3cret@10.1.2.3:3128", "http_proxy=http://[credentials]@[private-ip]:3128"],
    ["HTTPS_PROXY=http://u:p@localhost:9", "HTTPS_PROXY=http://[credentials]@localhost:9"],
    [
      "ProxyAutoConfigURLString : http://wpad.corp.example/wpad.dat",
      "ProxyAutoConfigURLString : http://[proxy-host]/wpad.dat",
    ],
    ["appleID=+15551234567", "appleID=[email]"],
    ["nameserver[0] : fe80::a08a:46aa:a738:2ea7%utun1", "nameserver[0] : [private-ip]"],
    ["inet 100.64.0.1 --> 100.127.255.255", "inet [private-ip] --> [private-ip]"],
    ["file:///Users/Jane.Doe/Desktop", "file:///Users/[user]/Desktop"],
    ["search 12345.members.mac.com.", "search [domain]"],
  ])("%j", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    "macOS 15.7.4 (24G517)",
    "macOS 26.3 (25D125) beta 24A5331b",
    "hw.model Mac16,8 MacBookPro18,2 VirtualMac2,1",
    "at 10:42:07 and 23:59:59.999, 2026-11-21T10:00:00.000Z",
    "version 10.15.7 and 1.10.0.0.1 and 10.0.0.1.2",
    "NTP +0.171773 +/- 0.105399 time.apple.com 17.253.60.45",
    "public 2a01:4f8::1 and loopback ::1 and 127.0.0.1",
    "ExceptionsList 169.254/16 and *.local and fe80::/10 and fc00::/7",
    "domain : 254.169.in-addr.arpa and 8.e.f.ip6.arpa and local",
    "/Users/Shared/Library and /var/folders/xy/abc123/T and ~/Library",
    "HTTPProxy : 127.0.0.1 HTTPSProxy : localhost",
    "SSID : <redacted>",
    "took 1732190400000 ms; epoch 1732190400 s; 12345678 bytes",
    "Serial Number: Not Available",
    "builds 24G517 22H123 and model Z14V0016FLL/A",
    "Febe: ok. Face:feed",
    "getaddrinfo ENOTFOUND appleid.apple.com hostname: 'appleid.apple.com'",
    "The root certificate and the admin user",
    "[email] [dsid] [uuid] [serial] [user] [computer] [private-ip] [mac] [wifi] [proxy-host] [vpn] [domain]",
  ])("keeps %j", (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe("redact: context values", () => {
  it("replaces longest values first, case-insensitively for hosts", () => {
    const ctx: RedactionContext = {
      identifiers: [
        { value: "corp.example", kind: "domain" },
        { value: "proxy.corp.example", kind: "proxy-host" },
      ],
    };
    expect(redact("via PROXY.Corp.Example and corp.example", ctx)).toBe("via [proxy-host] and [domain]");
  });

  it("matches names exactly and as whole tokens", () => {
    const ctx: RedactionContext = { identifiers: [{ value: "Work", kind: "vpn" }] };
    expect(redact("Work is up; Network and work stay", ctx)).toBe("[vpn] is up; Network and work stay");
  });

  it("matches the user name only as a whole word and in home paths", () => {
    const ctx: RedactionContext = { userName: "jdoe", homeDir: "/Users/jdoe" };
    expect(redact("jdoe ran /Users/jdoe/bin/x; jdoes and xjdoe stay", ctx)).toBe(
      "[user] ran /Users/[user]/bin/x; jdoes and xjdoe stay",
    );
  });

  it("hides a home folder outside /Users", () => {
    expect(redact("cd /Volumes/Data/Homes/jdoe/Library", { homeDir: "/Volumes/Data/Homes/jdoe/" })).toBe(
      "cd /Volumes/Data/Homes/[user]/Library",
    );
  });

  it("derives the local host name from the computer name", () => {
    const ctx: RedactionContext = { computerName: "Büro Rechner" };
    expect(redact("Büro Rechner aka Buro-Rechner.local and buro-rechner", ctx)).toBe(
      "[computer] aka [computer] and [computer]",
    );
  });

  it("skips values too short to replace safely, and loopback", () => {
    const ctx: RedactionContext = {
      identifiers: [
        { value: "ab", kind: "vpn" },
        { value: "...", kind: "wifi" },
        { value: "127.0.0.1", kind: "proxy-host" },
        { value: "localhost", kind: "proxy-host" },
      ],
    };
    const text = "ab ... 127.0.0.1 localhost";
    expect(redact(text, ctx)).toBe(text);
  });

  it("never re-matches placeholders, even when a value spells one", () => {
    const ctx: RedactionContext = {
      identifiers: [
        { value: "email", kind: "vpn" },
        { value: "private-ip", kind: "wifi" },
        { value: "[user]", kind: "computer" },
      ],
      userName: "user",
    };
    const once = redact("email via 10.0.0.1 for /Users/x", ctx);
    expect(once).toBe("[vpn] via [private-ip] for /Users/[user]");
    expect(redact(once, ctx)).toBe(once);
  });

  it("treats regex special characters literally", () => {
    const ctx: RedactionContext = {
      identifiers: [
        { value: "a.b*c(d)", kind: "vpn" },
        { value: "x[y]{2}|z\\", kind: "wifi" },
        { value: "$&$1x", kind: "proxy-host" },
      ],
      userName: "(?<bad",
      homeDir: "/Users/(.*)",
    };
    expect(redact("a.b*c(d) axbbbc(d) x[y]{2}|z\\ $&$1x done", ctx)).toBe("[vpn] axbbbc(d) [wifi] [proxy-host] done");
  });

  it("survives hostile and malformed context", () => {
    const long = "v".repeat(100_000);
    const ctx = {
      identifiers: [
        { value: long, kind: "vpn" },
        { value: "\ud800\udfff\ud800", kind: "wifi" },
        null,
        { value: 42, kind: "email" },
        { value: "secret-thing", kind: "nonsense" },
      ],
      userName: 7,
      homeDir: "/",
    } as unknown as RedactionContext;
    const out = redact(`start ${long} secret-thing end`, ctx);
    expect(out).toBe("start [vpn] [domain] end");
    expect(() => redact("x", { identifiers: "nope" } as unknown as RedactionContext)).not.toThrow();
    expect(redact(undefined as unknown as string)).toBe("");
    expect(redact(null as unknown as string)).toBe("");
  });
});

describe("redact: edge cases", () => {
  it("returns the empty string unchanged", () => {
    expect(redact("")).toBe("");
    expect(redact("", context)).toBe("");
  });

  it("handles a 1 MB report", () => {
    const big = REPORT.repeat(Math.ceil(1_000_000 / REPORT.length));
    const out = redact(big, context);
    expect(out).not.toContain("jane.doe@example.com");
    expect(out).toContain("17.253.144.10");
  });

  it.each([
    ["letters", "a".repeat(1_000_000)],
    ["digits", "1".repeat(1_000_000)],
    ["dotted", "1.".repeat(500_000)],
    ["labels", "a.".repeat(500_000)],
    ["colons", "a:".repeat(500_000)],
    ["hyphens", "aa-".repeat(330_000)],
    ["at signs", "a@".repeat(500_000)],
    ["fe80", "fe80:".repeat(200_000)],
    ["dsid labels", "dsid ".repeat(200_000)],
    ["quotes", `* (Connected) x y "${'"'.repeat(500_000)}`],
    ["schemes", "http://".repeat(140_000)],
    ["users", "/Users/".repeat(140_000)],
  ])("finishes on pathological input (%s)", (_name, input) => {
    expect(typeof redact(input, context)).toBe("string");
  });
});

describe("collectIdentifiers", () => {
  it("flattens and dedupes by value", () => {
    const a: Identifier = { value: "proxy.corp.example", kind: "proxy-host" };
    const b: Identifier = { value: "Jane's VPN", kind: "vpn" };
    const c: Identifier = { value: "proxy.corp.example", kind: "domain" };
    expect(collectIdentifiers([{ identifiers: [a, b] }, {}, { identifiers: [c, b] }])).toEqual([a, b]);
  });

  it("tolerates malformed input", () => {
    expect(collectIdentifiers([])).toEqual([]);
    expect(collectIdentifiers(null as unknown as [])).toEqual([]);
    expect(
      collectIdentifiers([{ identifiers: [null, { value: "" }, { value: 3 }] } as unknown as { identifiers: [] }]),
    ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { collectIdentifiers, redact, type RedactionContext } from "../src/core/redact";
import type { Identifier } from "../src/core/types";

// Each redaction step on its own (issue 19): a line that only that step can
// redact, what must be hidden, and the exact line the report shows (so what
// must stay stays). Hand-made inputs shaped like the tools' real output.

type Row = [what: string, input: string, hidden: string[], expected: string];

const check = (input: string, hidden: string[], expected: string, context?: RedactionContext) => {
  const out = redact(input, context);
  for (const value of hidden) expect(out).not.toContain(value);
  expect(out).toBe(expected);
  expect(redact(out, context)).toBe(out);
};

describe("URL credentials", () => {
  it.each<Row>([
    [
      "a proxy URL with user and password",
      "proxy http://bob:hunter2@10.0.0.1:3128 down",
      ["bob", "hunter2", "10.0.0.1"],
      "proxy http://[credentials]@[private-ip]:3128 down",
    ],
    [
      "a scheme with + and .",
      "remote git+ssh://deploy:t0ken@git.example.org/repo",
      ["deploy", "t0ken"],
      "remote git+ssh://[credentials]@git.example.org/repo",
    ],
    [
      "a bracketed IPv6 host",
      "via http://user:pw@[fe80::1]:8080/",
      ["user:pw", "fe80::1"],
      "via http://[credentials]@[[private-ip]]:8080/",
    ],
    ["an @ in the path is not user info", "see http://example.org/@foo", [], "see http://example.org/@foo"],
    [
      "an @ in the query is not user info",
      "see https://example.org/?who=@foo",
      [],
      "see https://example.org/?who=@foo",
    ],
    ["nothing after the @", "broken http://bob@ end", [], "broken http://bob@ end"],
  ])("%s", (_what, input, hidden, expected) => check(input, hidden, expected));
});

describe("labelled values", () => {
  it.each<Row>([
    ["an alternate DSID", "altDSID=001234-05-1a2b3c4d", ["001234-05-1a2b3c4d"], "altDSID=[dsid]"],
    ["a quoted alternate DSID", '"alternate_dsid" : "000123.abcdef"', ["000123.abcdef"], '"alternate_dsid" : "[dsid]"'],
    ["an alternate DSID too short to be one", "alt-DSID: abc", [], "alt-DSID: abc"],
    ["an alternate DSID that is prose", "alt DSID = (unknown) here", [], "alt DSID = (unknown) here"],
    ["prsId", "prs_id=1234", ["1234"], "prs_id=[dsid]"],
    ["a DSID too short", "dsid=123", [], "dsid=123"],
    ["a DSID that isn't digits", "person_id: 12ab", [], "person_id: 12ab"],
    ["a serial after `serial no.`", "serial no.: C02XL0GUJGH5", ["C02XL0GUJGH5"], "serial no.: [serial]"],
    ["a serial with no digit stays", "sn=ABCDEFGHJK", [], "sn=ABCDEFGHJK"],
    ["a serial with no letter stays", "serial #: 12345678", [], "serial #: 12345678"],
    ["a serial too long stays", "Serial Number: C02XL0GUJGH5XYZ", [], "Serial Number: C02XL0GUJGH5XYZ"],
    [
      "a Wi-Fi name keeps trailing white space",
      "Current Wi-Fi Network: Jane Home 5G  ",
      ["Jane Home 5G"],
      "Current Wi-Fi Network: [wifi]  ",
    ],
    [
      "a Wi-Fi name in a plist",
      "<key>SSID_STR</key><string>Home Net</string>",
      ["Home Net"],
      "<key>SSID_STR</key><string>[wifi]</string>",
    ],
    ["an AirPort network name", "AirPort Network Name: Cafe", ["Cafe"], "AirPort Network Name: [wifi]"],
    ["a BSSID is not a Wi-Fi name", "BSSID: none", [], "BSSID: none"],
    ["a local host name", "LocalHostName: Janes-Mini", ["Janes-Mini"], "LocalHostName: [computer]"],
    ["a short name", "Short Name: jdoe", ["jdoe"], "Short Name: [user]"],
    ["a name that is only punctuation stays", "Real Name: ---", [], "Real Name: ---"],
    ["a name that says nothing stays", "Full Name: (null)", [], "Full Name: (null)"],
    ["a proxy that is a private address", "HTTPProxy : 10.1.2.3", ["10.1.2.3"], "HTTPProxy : [proxy-host]"],
    [
      "a socks proxy keeps its scheme, port and path",
      "socks5_proxy=socks5://proxy.example:1080/",
      ["proxy.example"],
      "socks5_proxy=socks5://[proxy-host]:1080/",
    ],
    ["a proxy with nothing after the scheme", "HTTPProxy : http://", [], "HTTPProxy : http://"],
    ["a loopback proxy with a port stays", "all_proxy=127.0.0.1:8888", [], "all_proxy=127.0.0.1:8888"],
    ["a bracketed IPv6 proxy", "HTTPSProxy : [2001:db8::5]", ["db8::5"], "HTTPSProxy : [proxy-host]"],
    [
      "an IPv6 proxy URL keeps its port",
      "https_proxy=http://[2001:db8::5]:3128/",
      ["db8::5"],
      "https_proxy=http://[proxy-host]:3128/",
    ],
    ["an unbracketed IPv6 proxy", "HTTPProxy : 2001:db8::5", ["db8::5"], "HTTPProxy : [proxy-host]"],
    ["an IPv6 loopback proxy stays", "HTTPProxy : [::1]:8080 or ::1", [], "HTTPProxy : [::1]:8080 or ::1"],
    ["a bare MAC after bssid=", "bssid=00026fe9b568", ["00026fe9b568"], "bssid=[mac]"],
    ["a Cisco-dotted MAC", "ap_mac=a483.e712.3456", ["a483.e712.3456"], "ap_mac=[mac]"],
    ["a short hex value after mac= stays", "mac=12345", [], "mac=12345"],
    ["a phone-number Apple Account", "apple_id: +1.555.123.4567", ["555.123.4567"], "apple_id: [email]"],
    ["an Apple ID that isn't a number stays", "appleid=jane", [], "appleid=jane"],
    ["a Wi-Fi name of only emoji", "SSID: 🏠", ["🏠"], "SSID: [wifi]"],
    ["an empty plist string stays", "<key>SSID_STR</key><string></string>", [], "<key>SSID_STR</key><string></string>"],
    [
      "a plist Wi-Fi name that ends its line",
      "<key>SSID_STR</key><string>Home Net\n</string>",
      ["Home Net"],
      "<key>SSID_STR</key><string>[wifi]\n</string>",
    ],
    [
      "a plist value that says nothing stays",
      "<key>SSID_STR</key><string>none</string>",
      [],
      "<key>SSID_STR</key><string>none</string>",
    ],
    ["a proxy with no host stays", "HTTPProxy : :8080", [], "HTTPProxy : :8080"],
    ["a proxy whose host is only punctuation stays", "HTTPProxy : -:8080", [], "HTTPProxy : -:8080"],
    ["a single-quoted alternate DSID", "altDSID='001234-05-1a2b3c4d'", ["001234"], "altDSID='[dsid]'"],
    ["a quoted Wi-Fi name with trailing spaces", 'SSID: "Cafe  "', ["Cafe"], 'SSID: "[wifi]"'],
    ["a computer name holding a <", "ComputerName: Lab <2>", ["Lab", "<2>"], "ComputerName: [computer]"],
    ["a DSID followed by letters stays", "dsid=1234abcd", [], "dsid=1234abcd"],
    ["a DSID after letters stays", "dsid=abcd1234", [], "dsid=abcd1234"],
    ["a hex run longer than a MAC stays", "mac=00026fe9b568ff", [], "mac=00026fe9b568ff"],
    ["a MAC after other text stays", "mac=x00026fe9b568", [], "mac=x00026fe9b568"],
    ["a phone-number Apple Account without +", "appleID=15551234567", ["5551234567"], "appleID=[email]"],
    ["a number after letters is no phone number", "appleID=x15551234567", [], "appleID=x15551234567"],
    ["a phone number followed by letters is none", "appleID=+15551234567x", [], "appleID=+15551234567x"],
    ["an alternate DSID with a symbol in it stays", "altDSID=001234-05:x", [], "altDSID=001234-05:x"],
    ["an empty quoted Wi-Fi name stays", 'SSID: "" x', [], 'SSID: "" x'],
    [
      "a proxy with credentials and no scheme",
      "all_proxy=bob:s3cret@127.0.0.1:8888",
      ["bob", "s3cret"],
      "all_proxy=[credentials]@127.0.0.1:8888",
    ],
    ["an IPv6 proxy with a scope", "HTTPProxy : fe80::1%en0", ["fe80", "en0"], "HTTPProxy : [proxy-host]"],
  ])("%s", (_what, input, hidden, expected) => check(input, hidden, expected));
});

describe("label values that say nothing is there stay", () => {
  it.each([
    "<redacted>",
    "<private>",
    "(null)",
    "null",
    "NULL",
    "nil",
    "none",
    "None",
    "n/a",
    "N/A",
    "unknown",
    "Unknown",
    "-",
  ])("Current Wi-Fi Network: %s", (value) =>
    check(`Current Wi-Fi Network: ${value}`, [], `Current Wi-Fi Network: ${value}`),
  );
});

describe("patterns", () => {
  it.each<Row>([
    [
      "a VPN service name in scutil --nc list",
      '* (Disconnected)   E3A8F336-CCEB-4A29-B50A-FBAD41D84A71 PPP --> L2TP       "My VPN"     [PPP:L2TP]',
      ["My VPN", "E3A8F336"],
      '* (Disconnected)   [uuid] PPP --> L2TP       "[vpn]"     [PPP:L2TP]',
    ],
    [
      "a DSID a few words after its label",
      "prsId of the account: 12345678",
      ["12345678"],
      "prsId of the account: [dsid]",
    ],
    [
      "a DSID in an iCloud URL with a port",
      "https://p12-caldav.icloud.com:443/12345678901/x",
      ["12345678901"],
      "https://p12-caldav.icloud.com:443/[dsid]/x",
    ],
    ["a short number in an iCloud URL stays", "https://www.icloud.com/12345/", [], "https://www.icloud.com/12345/"],
    ["a DSID in a mac.com URL", "http://idisk.mac.com/1234567/", ["1234567"], "http://idisk.mac.com/[dsid]/"],
    ["a percent-encoded email", "to=jane%40example.com&y", ["jane"], "to=[email]&y"],
    ["a Back to My Mac name", "abc.members.btmm.icloud.com resolves", ["abc.members"], "[domain] resolves"],
    ["a possessive iMac Pro", "on Jane’s iMac Pro now", ["Jane"], "on [computer] now"],
    ["a Bonjour name with a number", "ping Janes-iMac-Pro-2.local", ["Janes"], "ping [computer]"],
    ["a .home.arpa name", "gw router1.home.arpa.", ["router1"], "gw [computer]"],
    ["a lower-case UUID", "id 07cd635e-71a1-4229-9c2f-b485a7702c9a", ["07cd635e"], "id [uuid]"],
    [
      "a hex run too long for a UUID stays",
      "x 07cd635e-71a1-4229-9c2f-b485a7702c9a0",
      [],
      "x 07cd635e-71a1-4229-9c2f-b485a7702c9a0",
    ],
    ["a ULA address", "inet6 fd00:1:2::3 prefixlen 64", ["fd00:1:2::3"], "inet6 [private-ip] prefixlen 64"],
    ["a MAC with hyphens", "hw 3C-22-FB-12-34-56.", ["3C-22-FB"], "hw [mac]."],
    ["a hyphen MAC inside a longer run stays", "id 3C-22-FB-12-34-56-78", [], "id 3C-22-FB-12-34-56-78"],
    ["a MAC inside IPv6 stays", "2001:db8:aa:bb:cc:dd:ee:ff", [], "2001:db8:aa:bb:cc:dd:ee:ff"],
    [
      "/Users/Shared stays, a look-alike does not",
      "/Users/Shared/x /Users/Sharedfoo/y",
      ["Sharedfoo"],
      "/Users/Shared/x /Users/[user]/y",
    ],
    ["a system account after `user` stays", "denied for user root", [], "denied for user root"],
  ])("%s", (_what, input, hidden, expected) => check(input, hidden, expected));

  it.each([
    ["10.255.255.255", "[private-ip]"],
    ["172.16.0.1", "[private-ip]"],
    ["172.31.0.1", "[private-ip]"],
    ["172.15.0.1", "172.15.0.1"],
    ["172.32.0.1", "172.32.0.1"],
    ["192.168.0.1", "[private-ip]"],
    ["192.169.0.1", "192.169.0.1"],
    ["169.254.1.1", "[private-ip]"],
    ["100.64.0.1", "[private-ip]"],
    ["100.127.0.1", "[private-ip]"],
    ["100.63.0.1", "100.63.0.1"],
    ["100.128.0.1", "100.128.0.1"],
    ["10.0.0.256", "10.0.0.256"],
    ["127.0.0.1", "127.0.0.1"],
  ])("IPv4 %s → %s", (input, expected) => {
    expect(redact(`addr ${input} end`)).toBe(`addr ${expected} end`);
  });
});

describe("values this report knows", () => {
  const ctx: RedactionContext = {
    identifiers: [
      { value: "proxy.corp.example", kind: "proxy-host" },
      { value: "Jane Home 5G", kind: "wifi" },
      { value: "corp-only", kind: "nonsense" as Identifier["kind"] },
    ],
    userName: "jdoe",
    homeDir: "/home/jdoe/",
    computerName: "Jane’s MacBook Pro",
  };
  it.each<Row>([
    ["a host, whatever its case", "via PROXY.Corp.Example:8080", ["PROXY"], "via [proxy-host]:8080"],
    ["a Wi-Fi name only in its exact case", "jane home 5G vs Jane Home 5G", [], "jane home 5G vs [wifi]"],
    ["an unknown kind is still hidden", "zone corp-only", ["corp-only"], "zone [domain]"],
    ["the computer name with a straight apostrophe", "Jane's MacBook Pro", ["Jane"], "[computer]"],
    ["the computer's local host name and .local", "ssh Janes-MacBook-Pro.local. ok", ["Janes"], "ssh [computer] ok"],
    ["a home folder outside /Users", "cd /home/jdoe/Library", ["jdoe"], "cd /home/[user]/Library"],
    ["another home that starts the same stays", "cd /home/jdoe2/x", [], "cd /home/jdoe2/x"],
    ["the user name as a word", "owner jdoe (jdoe2)", [], "owner [user] (jdoe2)"],
  ])("%s", (_what, input, hidden, expected) => check(input, hidden, expected, ctx));

  it("system accounts are never taken for the user", () => {
    expect(redact("the admin key in /var/root", { userName: "admin", homeDir: "/var/root" })).toBe(
      "the admin key in /var/root",
    );
  });

  it("one malformed identifier does not drop those after it", () => {
    const good = { value: "secret.corp.example", kind: "proxy-host" as const };
    const throwing = {
      get value(): string {
        throw new Error("a getter that throws");
      },
      kind: "email",
    };
    for (const bad of [null, 42, "text", { value: 7, kind: "email" }, { kind: "wifi" }, throwing]) {
      const identifiers = [bad, good] as unknown as Identifier[];
      expect(redact("host secret.corp.example up", { identifiers })).toBe("host [proxy-host] up");
      expect(collectIdentifiers([{ identifiers }])).toEqual([good]);
    }
  });
});

describe("encodings", () => {
  it.each<Row>([
    ["percent-encoded email", "u=jane%40example.com", ["jane"], "u=[email]"],
    ["twice-encoded email", "u=jane.doe%2540example.com", ["jane.doe"], "u=[email]"],
    ["three times encoded email", "u=jane.doe%252540example.com", ["jane.doe"], "u=[email]"],
    ["an encoded newline stays encoded", "u=jane%40example.com%0Aset", ["jane"], "u=[email]%0Aset"],
    ["an encoded space stays encoded", "q=jane%40example.com%20x", ["jane"], "q=[email]%20x"],
    ["an encoded DEL stays encoded", "q=jane%40example.com%7F", ["jane"], "q=[email]%7F"],
    [
      "an encoded newline right after another encoded byte stays encoded",
      "p=%2FUsers%2Fjane%2F%0AStatus:%20ok",
      ["jane", "\n"],
      "p=/Users/[user]/%0AStatus:%20ok",
    ],
    [
      "an encoded space right after another encoded byte",
      "q=jane%40example.com%2E%20x",
      ["jane", " x"],
      "q=[email].%20x",
    ],
    ["an invalid UTF-8 byte stays as it was", "x=%FF%2FUsers%2Fjane", ["jane"], "x=%FF/Users/[user]"],
    ["an encoded two-byte character", "p=%2FUsers%2Fjos%C3%A9%2Fx", ["jos"], "p=/Users/[user]/x"],
    ["an encoded four-byte character", "p=%F0%9F%98%80%2FUsers%2Fjane", ["jane"], "p=😀/Users/[user]"],
    ["nothing to hide: the token stays encoded", "q=caf%C3%A9%20bar%2Fbaz", [], "q=caf%C3%A9%20bar%2Fbaz"],
    ["only the token with an identifier changes", "a%2Fb u=jane%40example.com", ["jane"], "a%2Fb u=[email]"],
  ])("%s", (_what, input, hidden, expected) => check(input, hidden, expected));
});

describe("bracketed proxy values stay linear", () => {
  it.each([
    ["unclosed brackets", `HTTPProxy : ${"[".repeat(200_000)}`],
    ["closed brackets", `https_proxy=${"[::1]".repeat(100_000)}`],
  ])("%s", (_name, input) => {
    expect(typeof redact(input)).toBe("string");
  });
});

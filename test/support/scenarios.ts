import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { RECORDING_FORMAT, type Recording } from "../../src/core/host/recording";

// Test scenarios as recordings, built from the real captures in
// test/fixtures: a healthy Mac, then one change per failure a user meets.
// `npm run recordings` writes them to test/fixtures/recordings/ for the CLI.

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

export const SUCCESS_PAGE = "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>";
const NC_HEADER = "Available network connection services in the current set (*=enabled):\n";
const APPLE_ADDRESSES: Record<string, string[]> = {
  "appleid.apple.com": ["17.32.194.99", "17.32.194.2"],
  "idmsa.apple.com": ["17.32.194.37"],
  "gsa.apple.com": ["17.32.194.98"],
  "setup.icloud.com": ["17.248.190.66"],
  "account.apple.com": ["17.32.194.67"],
  "appleid.cdn-apple.com": ["17.253.83.203"],
};
const DATE = "Sat, 21 Nov 2026 10:00:00 GMT";

const feed = (body: string) => ({
  url: DEFAULT_TARGETS.statusFeeds.consumer,
  status: 200,
  headers: { date: DATE, "content-type": "application/json" },
  body,
});

type Mutable = Required<Omit<Recording, "env">> & { env: Record<string, string> };

/**
 * `ps -axo comm=` of a Mac with no filter: **constructed**, one executable per line, from the
 * executables in jc's real `ps axu` capture (ps-axu-10.14.6-jc.txt and the rest of that file),
 * root's and other users' among them, arguments left out.
 */
export const PS_COMM = [
  "/sbin/launchd",
  "/usr/libexec/hidd",
  "/Library/enSilo/enSiloCollector",
  "/System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer",
  "/System/Library/CoreServices/powerd.bundle/powerd",
  "/usr/libexec/opendirectoryd",
  "/System/Library/PrivateFrameworks/AuthKit.framework/Versions/A/Support/akd",
  "/System/Library/Frameworks/Accounts.framework/Versions/A/Support/accountsd",
  "/System/Library/PrivateFrameworks/ApplePushService.framework/apsd",
  "/Applications/Utilities/Terminal.app/Contents/MacOS/Terminal",
  "-bash",
  "ps",
  "",
].join("\n");

export function healthy(): Mutable {
  const hosts = DEFAULT_TARGETS.signInHosts;
  return {
    format: RECORDING_FORMAT,
    recordedAt: "2026-11-21T10:00:00.000Z",
    platform: "darwin",
    env: {},
    exec: [
      { command: ["/usr/bin/sw_vers"], stdout: fixture("sw_vers-15.7.4.txt"), stderr: "", exitCode: 0 },
      { command: ["/usr/sbin/sysctl", "-n", "hw.model"], stdout: "Mac16,8\n", stderr: "", exitCode: 0 },
      { command: ["/usr/sbin/sysctl", "-n", "kern.hv_vmm_present"], stdout: "0\n", stderr: "", exitCode: 0 },
      { command: ["/usr/sbin/scutil", "--dns"], stdout: fixture("scutil-dns-modern.txt"), stderr: "", exitCode: 0 },
      { command: ["/usr/sbin/scutil", "--proxy"], stdout: fixture("scutil-proxy-none.txt"), stderr: "", exitCode: 0 },
      { command: ["/usr/sbin/scutil", "--nc", "list"], stdout: NC_HEADER, stderr: "", exitCode: 0 },
      { command: ["/sbin/ifconfig"], stdout: fixture("ifconfig-utun-link-local.txt"), stderr: "", exitCode: 0 },
      {
        command: ["/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate"],
        stdout: fixture("socketfilterfw-enabled.txt"),
        stderr: "",
        exitCode: 0,
      },
      {
        command: ["/usr/libexec/ApplicationFirewall/socketfilterfw", "--getblockall"],
        stdout: "Firewall has block all state set to disabled.\n",
        stderr: "",
        exitCode: 0,
      },
      {
        command: ["/usr/bin/defaults", "read", "/Library/Preferences/com.apple.timezone.auto", "Active"],
        stdout: "1\n",
        stderr: "",
        exitCode: 0,
      },
      {
        command: [
          "/usr/bin/defaults",
          "read",
          "/private/var/db/timed/Library/Preferences/com.apple.timed",
          "TMAutomaticTimeOnlyEnabled",
        ],
        stdout: "1\n",
        stderr: "",
        exitCode: 0,
      },
      { command: ["/usr/bin/pgrep", "-x", "timed"], stdout: "312\n", stderr: "", exitCode: 0 },
      {
        command: ["/usr/bin/defaults", "export", "MobileMeAccounts", "-"],
        stdout: fixture("defaults-export-mobilemeaccounts.xml"),
        stderr: "",
        exitCode: 0,
      },
      {
        command: [
          "/usr/bin/defaults",
          "read",
          "/Library/Managed Preferences/com.apple.applicationaccess",
          "allowAccountModification",
        ],
        stdout: "",
        // How `defaults` says the domain doesn't exist (the unmanaged Mac), after its NSLog header.
        stderr:
          "2023-11-10 20:58:08.277 defaults[11951:419861] \nDomain /Library/Managed Preferences/com.apple.applicationaccess does not exist\n",
        exitCode: 1,
      },
      {
        command: ["/usr/bin/profiles", "status", "-type", "enrollment"],
        stdout: fixture("profiles-status-enrollment-none.txt"),
        stderr: "",
        exitCode: 0,
      },
      {
        command: ["/usr/bin/systemextensionsctl", "list"],
        stdout: fixture("systemextensionsctl-list-lulu-waiting.txt"),
        stderr: "",
        exitCode: 0,
      },
      { command: ["/bin/ps", "-axo", "comm="], stdout: PS_COMM, stderr: "", exitCode: 0 },
    ],
    http: [
      {
        url: DEFAULT_TARGETS.captiveUrl,
        status: 200,
        headers: { date: DATE, "content-type": "text/html" },
        body: SUCCESS_PAGE,
      },
      feed(fixture("status-consumer-no-issues.json")),
    ],
    dns: hosts.flatMap((name) =>
      ["system", ...DEFAULT_TARGETS.publicResolvers].map((server) => ({
        name,
        server,
        addresses: APPLE_ADDRESSES[name],
      })),
    ),
    tcp: [
      { host: "1-courier.push.apple.com", port: 5223, result: "open" },
      { host: "courier.push.apple.com", port: 5223, result: "open" },
      { host: "1-courier.push.apple.com", port: 443, result: "open" },
      { host: "courier.push.apple.com", port: 443, result: "open" },
      { host: "1.1.1.1", port: 443, result: "open" },
    ],
    tls: hosts.map((host) =>
      host === "gsa.apple.com"
        ? // Apple's private root: Node's store lacks it (REFERENCE.md f).
          {
            host,
            port: 443,
            authorized: false,
            error: "SELF_SIGNED_CERT_IN_CHAIN",
            issuer: "Apple Server Authentication CA",
            validFrom: "2026-03-01T00:00:00.000Z",
            validTo: "2027-03-01T00:00:00.000Z",
          }
        : {
            host,
            port: 443,
            authorized: true,
            issuer: "Apple Public Server RSA CA 12 - G1",
            validFrom: "2026-03-01T00:00:00.000Z",
            validTo: "2027-03-01T00:00:00.000Z",
          },
    ),
    ntp: [{ server: "time.apple.com", offsetMs: 12, delayMs: 31 }],
    files: [
      { path: "/etc/localtime", link: "/var/db/timezone/zoneinfo/Europe/Berlin" },
      { path: "/etc/ntp.conf", text: "server time.apple.com.\n" },
      { path: "/etc/hosts", text: fixture("etc-hosts-macos-dagpenger.txt") },
      // Most Macs have no /etc/resolver folder at all.
      { path: "/etc/resolver", error: "ENOENT" },
    ],
  };
}

const setExec = (r: Mutable, command: string[], stdout: string, exitCode = 0, stderr = "") => {
  r.exec = r.exec.filter((e) => JSON.stringify(e.command) !== JSON.stringify(command));
  r.exec.push({ command, stdout, stderr, exitCode });
  return r;
};

export function offline(): Mutable {
  const r = healthy();
  r.http = [
    { url: DEFAULT_TARGETS.captiveUrl, error: "ENOTFOUND" },
    { url: DEFAULT_TARGETS.statusFeeds.consumer, error: "ENOTFOUND" },
  ];
  r.dns = r.dns.map((d) => ({
    name: d.name,
    server: d.server,
    error: d.server === "system" ? "ENOTFOUND" : "ETIMEDOUT",
  }));
  r.tcp = r.tcp.map((t) => ({
    host: t.host,
    port: t.port,
    result: t.host === "1.1.1.1" ? "unreachable" : "unreachable",
  }));
  r.tls = r.tls.map((t) => ({ host: t.host, port: t.port, error: "ENOTFOUND" }));
  r.ntp = [{ server: "time.apple.com", error: "ENOTFOUND" }];
  return setExec(
    r,
    ["/usr/sbin/scutil", "--dns"],
    "DNS configuration\n\nresolver #1\n  flags    : Request A records\n  reach    : 0x00000000 (Not Reachable)\n",
  );
}

export function dnsBroken(): Mutable {
  const r = healthy();
  r.dns = r.dns.map((d) => (d.server === "system" ? { name: d.name, server: d.server, error: "ENOTFOUND" } : d));
  r.tls = r.tls.map((t) => ({ host: t.host, port: t.port, error: "ENOTFOUND" }));
  r.tcp = r.tcp.map((t) =>
    t.host.endsWith("courier.push.apple.com") ? { ...t, result: "unreachable" as const, error: undefined } : t,
  );
  return r;
}

export function vpnBlocking(): Mutable {
  const r = healthy();
  setExec(r, ["/usr/sbin/scutil", "--nc", "list"], fixture("scutil-nc-list-tailscale-protonvpn.txt"));
  setExec(
    r,
    ["/sbin/ifconfig"],
    fixture("ifconfig-utun-link-local.txt") +
      "utun4: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet 100.101.102.103 --> 100.101.102.103 netmask 0xffffffff\n",
  );
  r.tls = r.tls.map((t) =>
    t.host === "gsa.apple.com" || t.host === "idmsa.apple.com" ? { host: t.host, port: t.port, error: "ETIMEDOUT" } : t,
  );
  r.tcp = r.tcp.map((t) => (t.port === 5223 ? { ...t, result: "timeout" as const } : t));
  return r;
}

export function vpnHarmless(): Mutable {
  const r = healthy();
  return setExec(r, ["/usr/sbin/scutil", "--nc", "list"], fixture("scutil-nc-list-tailscale-protonvpn.txt"));
}

export function httpsInterception(): Mutable {
  const r = healthy();
  r.tls = r.tls.map((t) => ({
    host: t.host,
    port: t.port,
    authorized: false,
    error: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    issuer: "Zscaler Intermediate Root CA (zscaler.net) (t)",
    validFrom: "2026-11-01T00:00:00.000Z",
    validTo: "2026-11-30T00:00:00.000Z",
  }));
  return r;
}

export function pushBlocked(): Mutable {
  const r = healthy();
  r.tcp = r.tcp.map((t) => (t.host.endsWith("courier.push.apple.com") ? { ...t, result: "timeout" as const } : t));
  return r;
}

export function captivePortal(): Mutable {
  const r = healthy();
  r.http = [
    {
      url: DEFAULT_TARGETS.captiveUrl,
      status: 302,
      headers: { date: DATE, location: "https://wifi.hotel.example/login?ap=lobby" },
      body: "",
    },
    { url: DEFAULT_TARGETS.statusFeeds.consumer, error: "ECONNRESET" },
  ];
  r.tls = r.tls.map((t) => ({ host: t.host, port: t.port, error: "ECONNRESET" }));
  r.tcp = r.tcp.map((t) => ({ ...t, result: t.host === "1.1.1.1" ? ("open" as const) : ("refused" as const) }));
  return r;
}

/** Only the two required keys: every probe must skip, nothing may crash. */
export function empty(): Recording {
  return { format: RECORDING_FORMAT, recordedAt: "2026-11-21T10:00:00.000Z", platform: "darwin" };
}

/** A Mac whose inputs carry every kind of identifier CONTRACT.md section 4 lists. */
export function withIdentifiers(): Mutable {
  const r = healthy();
  r.env = { HTTPS_PROXY: "http://proxy.corp-example.net:3128" };
  setExec(
    r,
    ["/usr/sbin/scutil", "--dns"],
    fixture("scutil-dns-legacy.txt").replace(
      "search domain[0] :",
      "search domain[0] : Janes-MacBook-Pro.local\n  search domain[1] :",
    ),
  );
  setExec(
    r,
    ["/usr/sbin/scutil", "--proxy"],
    "<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 3128\n  HTTPSProxy : proxy.corp-example.net\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : file:///Users/jane/Library/proxy.pac\n}\n",
  );
  setExec(
    r,
    ["/usr/sbin/scutil", "--nc", "list"],
    NC_HEADER +
      '* (Connected)      07CD635E-71A1-4229-9C2F-B485A7702C9A VPN (com.wireguard.macos) "jane.doe@example.com home VPN"  [VPN:com.wireguard.macos]\n',
  );
  setExec(
    r,
    ["/sbin/ifconfig"],
    "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500\n\tether a4:83:e7:12:34:56 \n\tinet 192.168.1.23 netmask 0xffffff00 broadcast 192.168.1.255\n" +
      "utun4: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet 100.101.102.103 --> 100.101.102.103 netmask 0xffffffff\n",
  );
  setExec(
    r,
    ["/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate"],
    "",
    1,
    "socketfilterfw: Serial Number: C02XL0GUJGH5 dsid=1234567890 user jane on Jane's MacBook Pro\n",
  );
  r.http = [
    {
      url: DEFAULT_TARGETS.captiveUrl,
      status: 302,
      headers: {
        date: DATE,
        location:
          "https://portal.hotel-example.com/login?client_mac=a4:83:e7:12:34:56&ip=10.20.30.40&v6=fe80::1c2b:3c4d:5e6f:7a8b%en0&id=3F2504E0-4F89-11D3-9A0C-0305E82C3301&email=jane.doe@example.com",
      },
      body: "",
    },
    feed(fixture("status-consumer-no-issues.json")),
  ];
  return r;
}

/** The Mac's clock 9 min 1 s fast; certificates still fine. */
export function clockAhead(): Mutable {
  const r = healthy();
  r.ntp = [{ server: "time.apple.com", offsetMs: -541000, delayMs: 31 }];
  return r;
}

/** The clock 400 days ahead: every certificate looks expired. */
export function clockYearAhead(): Mutable {
  const r = healthy();
  r.recordedAt = "2027-12-26T10:00:00.000Z";
  r.ntp = [{ server: "time.apple.com", offsetMs: -400 * 86_400_000, delayMs: 28 }];
  r.tls = r.tls.map((t) => ({ ...t, authorized: false, error: "CERT_HAS_EXPIRED" }));
  return r;
}

/** UDP 123 blocked: the clock falls back to the captive page's Date header (the Mac is 3 h behind). */
export function ntpBlocked(): Mutable {
  const r = healthy();
  r.recordedAt = "2026-11-21T07:00:00.000Z";
  r.ntp = DEFAULT_TARGETS.ntpServers.map((server) => ({ server, error: "ETIMEDOUT" }));
  return r;
}

/** Apple's own outage: an ongoing Outage on Apple Account (named "Apple ID" in this capture) for 23 min. */
export function appleOutage(): Mutable {
  const r = healthy();
  const doc = JSON.parse(fixture("status-consumer-no-issues.json"));
  const service = doc.services.find((x: { serviceName: string }) => x.serviceName === "Apple ID");
  service.events = [
    {
      usersAffected: "Some users are affected",
      epochStartDate: Date.parse(r.recordedAt) - 23 * 60_000,
      epochEndDate: null,
      messageId: "1000000901",
      statusType: "Outage",
      datePosted: "11/21/2026 02:00 PST",
      startDate: "11/21/2026 01:37 PST",
      endDate: null,
      affectedServices: null,
      eventStatus: "ongoing",
      message: "Users may be unable to sign in with their Apple Account.\n",
    },
  ];
  r.http = r.http.map((h) => (h.url === DEFAULT_TARGETS.statusFeeds.consumer ? feed(JSON.stringify(doc)) : h));
  return r;
}

/** A real capture: an ongoing outage on iCloud Mail (not needed to sign in) and a resolved iCloud Keychain issue. */
export function resolvedOnly(): Mutable {
  const r = healthy();
  r.http = r.http.map((h) =>
    h.url === DEFAULT_TARGETS.statusFeeds.consumer ? feed(fixture("status-consumer-one-ongoing.json")) : h,
  );
  return r;
}

/**
 * `defaults` reports through NSLog: a timestamp header line (with its
 * trailing space), then the message. The shape is copied from real
 * transcripts (REFERENCE.md k; 0xmachos/mOSL#24, openradar 12516545).
 */
export const NSLOG_HEADER = "2023-11-10 20:58:08.277 defaults[11951:419861] \n";

/** Nobody signed in to iCloud: the domain doesn't exist, said the way real `defaults` says it. */
export function signedOut(): Mutable {
  const r = healthy();
  return setExec(
    r,
    ["/usr/bin/defaults", "export", "MobileMeAccounts", "-"],
    "",
    1,
    `${NSLOG_HEADER}Domain MobileMeAccounts does not exist\n`,
  );
}

/**
 * A privacy hosts list that also catches gsa.apple.com: the real Spybot Anti-Beacon lines
 * (AdGuardHome#5124) after the Mac's stock header, plus one constructed line for the sign-in
 * host, the failure StevenBlack/hosts#810 and LuLu#107 describe. The system resolver reads the
 * file first, so it answers 0.0.0.0, and the handshake to 0.0.0.0 is refused.
 */
export const HOSTS_WITH_GSA =
  fixture("etc-hosts-macos-dagpenger.txt") +
  "# This list is Copyright 2000-2017 Safer-Networking Ltd.\n" +
  fixture("etc-hosts-spybot-anti-beacon-apple.txt") +
  "0.0.0.0\tgsa.apple.com\n";

export function hostsFileBlocks(): Mutable {
  const r = healthy();
  r.files = r.files.map((f) => (f.path === "/etc/hosts" ? { path: f.path, text: HOSTS_WITH_GSA } : f));
  r.dns = r.dns.map((d) =>
    d.name === "gsa.apple.com" && d.server === "system"
      ? { name: d.name, server: d.server, addresses: ["0.0.0.0"] }
      : d,
  );
  r.tls = r.tls.map((t) => (t.host === "gsa.apple.com" ? { host: t.host, port: t.port, error: "ECONNREFUSED" } : t));
  return r;
}

/** A Pi-hole-style blocklist on the router sinks setup.icloud.com, a common false positive (hl2guide#60, WilliDieEnte#15). */
export function dnsFilter(): Mutable {
  const r = healthy();
  r.dns = r.dns.map((d) =>
    d.name === "setup.icloud.com" && d.server === "system"
      ? { name: d.name, server: d.server, addresses: ["0.0.0.0"] }
      : d,
  );
  r.tls = r.tls.map((t) => (t.host === "setup.icloud.com" ? { host: t.host, port: t.port, error: "ECONNREFUSED" } : t));
  return r;
}

/** An MDM-enrolled Mac whose Restrictions payload turns off allowAccountModification for this user. */
export function restricted(): Mutable {
  const r = healthy();
  r.env = { USER: "jane" };
  setExec(
    r,
    ["/usr/bin/profiles", "status", "-type", "enrollment"],
    fixture("profiles-status-enrollment-user-approved.txt"),
  );
  return setExec(
    r,
    [
      "/usr/bin/defaults",
      "read",
      "/Library/Managed Preferences/jane/com.apple.applicationaccess",
      "allowAccountModification",
    ],
    "0\n",
  );
}

/** LuLu active (its author's own output, LuLu#331) and two sign-in servers timing out while the internet works (LuLu#283). */
export function networkFilter(): Mutable {
  const r = healthy();
  setExec(r, ["/usr/bin/systemextensionsctl", "list"], fixture("systemextensionsctl-list-lulu.txt"));
  r.tls = r.tls.map((t) =>
    t.host === "gsa.apple.com" || t.host === "idmsa.apple.com" ? { host: t.host, port: t.port, error: "ETIMEDOUT" } : t,
  );
  return r;
}

// ---------------------------------------------------------------- address families and the sign-in service

export const LOOKUP_URL = DEFAULT_TARGETS.signInLookup!;
/** Apple's answer to GrandSlam's lookup: hand-made in the shape the open-source clients read (fixtures README). */
export const LOOKUP_PLIST = fixture("grandslam-lookup-handmade.xml");
const lookup = (body: string, status = 200, type = "text/x-xml-plist") => ({
  url: LOOKUP_URL,
  status,
  headers: { date: DATE, "content-type": type },
  body,
});
/** 17.32.194.98 in NAT64's well-known prefix (RFC 6052): what DNS64 synthesizes. */
const nat64 = (v4: string) => {
  const [a, b, c, d] = v4.split(".").map(Number);
  return `64:ff9b::${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
};
/**
 * An Internet6 section with a primary route through the router on en0, as a dual-stack or
 * IPv6-only Mac has it: constructed (the real captures of it are embedded in other projects'
 * comments, with no file to cite), in the columns of the real ones.
 */
const INET6_EN0 =
  "\nInternet6:\nDestination                             Gateway                         Flags           Netif Expire\n" +
  "default                                 fe80::1%en0                     UGcg              en0       \n" +
  "default                                 fe80::%utun0                    UGcIg           utun0       \n" +
  "::1                                     ::1                             UHL               lo0       \n";
const NETSTAT = ["/usr/sbin/netstat", "-rn"];

/**
 * An IPv6-only network with NAT64 where sign-in works (macOS 13+ with CLAT): the real route and
 * en0 of Jason Healy's Mac (fixtures README), ipv4only.arpa synthesized by DNS64 (RFC 7050), every
 * sign-in host reached over IPv6 at its synthesized address and over IPv4 through CLAT.
 */
export function ipv6Nat64(): Mutable {
  const r = healthy();
  setExec(r, NETSTAT, fixture("netstat-f-inet-rn-clat-ventura.txt") + INET6_EN0);
  setExec(r, ["/sbin/ifconfig"], fixture("ifconfig-utun-link-local.txt") + fixture("ifconfig-en0-clat46-ventura.txt"));
  r.dns = r.dns.map((d) =>
    d.server === "system" ? { ...d, addresses: [...(d.addresses ?? []), ...(d.addresses ?? []).map(nat64)] } : d,
  );
  r.dns.push({
    name: "ipv4only.arpa",
    server: "system",
    addresses: ["192.0.0.170", "192.0.0.171", nat64("192.0.0.170"), nat64("192.0.0.171")],
  });
  r.http.push(lookup(LOOKUP_PLIST));
  for (const family of [4, 6] as const) {
    for (const t of r.tls) if (!t.family) r.tls.push({ ...t, family });
  }
  return r;
}

/** No IPv4 route at all (constructed): a network that hands out only IPv6. */
const NO_IPV4_ROUTE =
  "Routing tables\n\nInternet:\nDestination        Gateway            Flags               Netif Expire\n" +
  "127                127.0.0.1          UCS                   lo0\n127.0.0.1          127.0.0.1          UH                    lo0\n" +
  INET6_EN0;

/** The NAT64 Mac without CLAT (before macOS 13, or no prefix announced): 1.1.1.1 fails, its NAT64 address answers. */
export function ipv6OnlyNoClat(): Mutable {
  const r = ipv6Nat64();
  setExec(r, NETSTAT, NO_IPV4_ROUTE);
  setExec(r, ["/sbin/ifconfig"], fixture("ifconfig-utun-link-local.txt"));
  r.tcp = r.tcp.map((t) => (t.host === "1.1.1.1" ? { ...t, result: "unreachable" as const } : t));
  r.tcp.push({ host: "64:ff9b::101:101", port: 443, result: "open" });
  r.tls = r.tls.filter((t) => t.family !== 4);
  return r;
}

/**
 * Broken IPv6, the classic case: a dual-stack Mac (the IPv4-only capture plus a constructed en0
 * IPv6 route) whose sign-in hosts answer over IPv4 while gsa.apple.com times out over IPv6.
 */
export function brokenIpv6(): Mutable {
  const r = healthy();
  // Dual-stack names: each host has an AAAA record too (illustrative addresses in Apple's 2620:149::/32).
  r.dns = r.dns.map((d, i) =>
    d.server === "system"
      ? { ...d, addresses: [...(d.addresses ?? []), `2620:149:a44:${(i + 1).toString(16)}::1f`] }
      : d,
  );
  setExec(r, NETSTAT, fixture("netstat-rn-ipv4-only-utun.txt").replace(/\nInternet6:[\s\S]*$/, INET6_EN0));
  r.dns.push({ name: "ipv4only.arpa", server: "system", addresses: ["192.0.0.170", "192.0.0.171"] });
  r.http.push(lookup(LOOKUP_PLIST));
  const defaults = r.tls.filter((t) => !t.family);
  for (const t of defaults) r.tls.push({ ...t, family: 4 });
  for (const t of defaults)
    r.tls.push(
      t.host === "gsa.apple.com" ? { host: t.host, port: t.port, family: 6, error: "ETIMEDOUT" } : { ...t, family: 6 },
    );
  return r;
}

/** A web filter's block page (hand-made) answers GrandSlam's lookup, while every handshake completes. */
export function blockPage(): Mutable {
  const r = healthy();
  r.http.push(lookup(fixture("block-page-handmade.html"), 403, "text/html; charset=utf-8"));
  return r;
}

/**
 * Constructed, in the shape of real resolver files (docker/for-mac#974, apple/container#1407): a
 * per-domain resolver that sends every name under apple.com to a private DNS server.
 */
export const RESOLVER_APPLE_COM = "nameserver 10.0.0.53\n";

/** Constructed after apple/container#1693's block: how `scutil --dns` lists such a file. */
const SCUTIL_APPLE_COM =
  "\nresolver #8\n  domain   : apple.com\n  nameserver[0] : 10.0.0.53\n  flags    : Request A records\n  reach    : 0x00000002 (Reachable)\n";

const underAppleCom = (name: string) => name === "apple.com" || name.endsWith(".apple.com");

/**
 * /etc/resolver/apple.com sends Apple's names to 10.0.0.53, which doesn't answer: every lookup
 * under apple.com fails the way getaddrinfo fails when its server is silent (EAI_AGAIN), while
 * public DNS and everything outside apple.com work.
 */
export function resolverFile(): Mutable {
  const r = healthy();
  r.files = [
    ...r.files.filter((f) => f.path !== "/etc/resolver"),
    { path: "/etc/resolver", entries: ["apple.com"] },
    { path: "/etc/resolver/apple.com", text: RESOLVER_APPLE_COM },
  ];
  setExec(r, ["/usr/sbin/scutil", "--dns"], fixture("scutil-dns-modern.txt") + SCUTIL_APPLE_COM);
  const lost = "EAI_AGAIN";
  r.dns = r.dns.map((d) =>
    d.server === "system" && underAppleCom(d.name) ? { name: d.name, server: d.server, error: lost } : d,
  );
  r.tls = r.tls.map((t) => (underAppleCom(t.host) ? { host: t.host, port: t.port, error: lost } : t));
  r.tcp = r.tcp.map((t) => (underAppleCom(t.host) ? { host: t.host, port: t.port, error: lost } : t));
  r.http = r.http.map((h) => (underAppleCom(new URL(h.url).hostname) ? { url: h.url, error: lost } : h));
  r.ntp = r.ntp.map((n) => (underAppleCom(n.server) ? { server: n.server, error: lost } : n));
  return r;
}

/**
 * Zscaler's tunnel in the process list (its path as a public uninstall script names it; the
 * line is constructed), no extension listed, and two sign-in servers timing out while the
 * internet works: the agent is named, with what IT should exempt.
 */
export function filterAgent(): Mutable {
  const r = healthy();
  setExec(
    r,
    ["/bin/ps", "-axo", "comm="],
    PS_COMM.replace("-bash\n", "/Applications/Zscaler/Zscaler.app/Contents/PlugIns/ZscalerTunnel\n-bash\n"),
  );
  r.tls = r.tls.map((t) =>
    t.host === "gsa.apple.com" || t.host === "idmsa.apple.com" ? { host: t.host, port: t.port, error: "ETIMEDOUT" } : t,
  );
  return r;
}

export const SCENARIOS = {
  healthy,
  offline,
  "dns-broken": dnsBroken,
  "vpn-blocking": vpnBlocking,
  "vpn-harmless": vpnHarmless,
  "https-interception": httpsInterception,
  "push-blocked": pushBlocked,
  "captive-portal": captivePortal,
  empty,
  "with-identifiers": withIdentifiers,
  "clock-ahead": clockAhead,
  "clock-year-ahead": clockYearAhead,
  "ntp-blocked": ntpBlocked,
  "apple-outage": appleOutage,
  "resolved-only": resolvedOnly,
  "signed-out": signedOut,
  "hosts-file": hostsFileBlocks,
  "dns-filter": dnsFilter,
  restricted,
  "network-filter": networkFilter,
  "ipv6-nat64": ipv6Nat64,
  "broken-ipv6": brokenIpv6,
  "block-page": blockPage,
  "resolver-file": resolverFile,
  "filter-agent": filterAgent,
} as const;

import fc from "fast-check";
import { build as buildPlist } from "plist";
import { afterAll, describe, expect, it } from "vitest";
import { runFullChecklist } from "../src/core/checklist";
import { parseRecording } from "../src/core/host/recording";
import { createReplayHost } from "../src/core/host/replay";
import { USER_PROSE_WORDS } from "../src/core/redact";
import { buildReport } from "../src/core/report";
import { DEFAULT_TARGETS } from "../src/core/targets";
import { fuzzSeed } from "./support/fuzz-seed";
import { healthy } from "./support/scenarios";

// Redaction as a property (CONTRACT.md section 4): identifiers generated at
// random are planted in every input of a recording that could carry them,
// the checklist runs on it, and neither report format may contain any of
// them. The unredacted report is checked too, so a planted value that never
// reaches the report can't make the property pass by accident.

const RUNS = Number(process.env.REDACT_RUNS ?? 200);
const SEED = fuzzSeed();

// ------------------------------------------------------------------ identifiers

const hexDigits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${min},${max}}$`));
const octet = fc.nat(255);
const capitalized = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
/** What the report keeps by design (system accounts) or can't hide without wrecking the text (< 3 letters). */
const SYSTEM_USERS = new Set(["root", "daemon", "nobody", "admin", "administrator", "user", "guest", "shared"]);

const shortName = fc
  .oneof(
    fc.stringMatching(/^[a-z][a-z0-9]{2,11}$/),
    fc.tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.stringMatching(/^[a-z]{2,8}$/)).map(([a, b]) => `${a}.${b}`),
    fc.tuple(fc.stringMatching(/^[a-z]$/), fc.stringMatching(/^[a-z]{2,10}$/)).map(([a, b]) => a + b),
  )
  .filter((n) => !SYSTEM_USERS.has(n));

const domain = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), { minLength: 1, maxLength: 2 }),
    fc.constantFrom("com", "net", "org", "de", "co.uk", "io", "internal", "corp"),
  )
  .map(([labels, tld]) => `${labels.join(".")}.${tld}`);

const email = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,14}[a-z0-9]$/), domain).map(([l, d]) => `${l}@${d}`),
  fc.tuple(shortName, fc.constantFrom("icloud.com", "me.com", "mac.com", "gmail.com")).map(([l, d]) => `${l}@${d}`),
  fc.emailAddress().filter((e) => /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/.test(e)),
);

const uuid = fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]) => (upper ? u.toUpperCase() : u));
const dsid = fc.stringMatching(/^[1-9]\d{7,11}$/);
const serial = fc
  .stringMatching(/^[A-Z0-9]{10,12}$/)
  .filter((s) => /\d/.test(s) && /[A-Z]/.test(s) && !/^\d+[A-Z]?$/.test(s));

const privateV4 = fc.oneof(
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([a, b, c]) => `172.${a}.${b}.${c}`),
  fc.tuple(octet, octet).map(([a, b]) => `192.168.${a}.${b}`),
  fc.tuple(octet, octet).map(([a, b]) => `169.254.${a}.${b}`),
  fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([a, b, c]) => `100.${a}.${b}.${c}`),
);
const group = hexDigits(1, 4).map((g) => g.replace(/^0+(?=.)/, ""));
const linkLocal6 = fc
  .tuple(fc.array(group, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "%en0", "%utun3", "%en1"))
  .map(([gs, zone]) => `fe80::${gs.join(":")}${zone}`);
const ula6 = fc
  .tuple(
    hexDigits(2, 2),
    fc.array(group, { minLength: 2, maxLength: 3 }),
    fc.array(group, { minLength: 1, maxLength: 3 }),
  )
  .map(([h, a, b]) => `fd${h}:${a.join(":")}::${b.join(":")}`);
const mac = fc
  .tuple(fc.array(hexDigits(2, 2), { minLength: 6, maxLength: 6 }), fc.boolean())
  .map(([parts, upper]) => (upper ? parts.join(":").toUpperCase() : parts.join(":")));

const proxyHost = fc.oneof(
  domain.map((d) => `proxy.${d}`),
  fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), domain).map(([w, d]) => `${w}-gw.${d}`),
  privateV4,
);
const vpnName = fc.oneof(
  fc
    .tuple(capitalized, fc.constantFrom("VPN", "Tunnel", "WireGuard", "Remote Access", "Office"))
    .map((p) => p.join(" ")),
  fc.tuple(capitalized, fc.constantFrom("’s VPN", "'s VPN", "s Home")).map(([n, s]) => n + s),
  domain.map((d) => `vpn.${d}`),
);

/** Network names as people and vendors pick them. */
const ssid = fc.oneof(
  fc.tuple(capitalized, fc.constantFrom("Guest", "WiFi", "Wi-Fi", "Lobby", "Free WiFi", "5G")).map((p) => p.join(" ")),
  fc.tuple(capitalized, fc.constantFrom("’s iPhone", "'s Hotspot", "-Home")).map(([n, s]) => n + s),
  fc.stringMatching(/^(FRITZ!Box 7[0-9]{3} [A-Z]{2}|Vodafone-[A-Z0-9]{4}|NETGEAR[0-9]{2}|eduroam-[a-z]{3,6})$/),
);

/** Addresses with non-ASCII local parts or domains (IDN, punycode), some typed with a full-width @. */
const unicodeEmail = fc
  .tuple(
    fc.constantFrom("josé", "zoë", "søren", "łukasz", "müller", "ñandú", "jane"),
    fc.stringMatching(/^[a-z]{2,8}$/),
    fc.constantFrom("exämple.de", "例え.jp", "xn--exmple-cua.de", "пример.рф", "example.com"),
    fc.constantFrom("@", "＠"),
  )
  .map(([a, b, d, at]) => `${a}.${b}${at}${d}`);
/** Host names home routers hand out. */
const lanHost = fc
  .tuple(
    fc.stringMatching(/^[a-z]{3,8}$/),
    fc.constantFrom("-pc", "-mbp", "-laptop", "s-air"),
    fc.constantFrom(".lan", ".home", ".home.arpa"),
  )
  .map(([a, b, c]) => ({ name: a + b, fqdn: a + b + c }));
/** The EUI-64 interface id a MAC gives an IPv6 address (U/L bit flipped, ff:fe in the middle). */
function eui64(mac: string): string {
  const b = mac
    .toLowerCase()
    .split(":")
    .map((x) => parseInt(x, 16));
  const h = (n: number) => n.toString(16).padStart(2, "0");
  const g = (x: number, y: number) => (((x << 8) | y) >>> 0).toString(16);
  return `${g(b[0] ^ 2, b[1])}:${h(b[2])}ff:fe${h(b[3])}:${g(b[4], b[5])}`;
}

/** An Apple Account can be a phone number instead of an address. */
const phone = fc.stringMatching(/^\+(1[2-9]\d{9}|49\d{10,11}|44\d{10})$/);

interface Identity {
  appleId: string;
  ssid: string;
  apMac: string;
  first: string;
  last: string;
  user: string;
  email: string;
  otherEmail: string;
  uuid: string;
  serviceUuid: string;
  dsid: string;
  serial: string;
  lan4: string;
  gateway4: string;
  tunnel4: string;
  linkLocal6: string;
  ula6: string;
  mac: string;
  computerHost: string;
  httpsProxy: string;
  envProxy: string;
  pacHost: string;
  vpnName: string;
  vpnDomain: string;
  ntpServer: string;
  sinkhole: string;
  unicodeEmail: string;
  cnDsid: string;
  meDsid: string;
  lanName: string;
  lanFqdn: string;
  loginUser: string;
  password: string;
}

const identity: fc.Arbitrary<Identity> = fc
  .record({
    appleId: fc.oneof({ weight: 4, arbitrary: email }, { weight: 1, arbitrary: phone }),
    ssid,
    apMac: mac,
    first: capitalized,
    last: capitalized,
    user: shortName,
    email,
    otherEmail: email,
    uuid,
    serviceUuid: uuid,
    dsid,
    serial,
    lan4: privateV4,
    gateway4: privateV4,
    tunnel4: privateV4,
    linkLocal6,
    ula6,
    mac,
    computerKind: fc.constantFrom("MacBook-Pro", "MacBook-Air", "iMac", "Mac-mini", "Mac-Studio"),
    httpsProxy: proxyHost,
    envProxy: proxyHost,
    pacHost: proxyHost,
    vpnName,
    vpnDomain: domain.map((d) => `corp.${d}`),
    ntpServer: privateV4,
    sinkhole: fc.oneof(
      fc.tuple(octet, octet).map(([a, b]) => `192.168.${a}.${b}`),
      fc.tuple(octet, octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    ),
    unicodeEmail,
    cnDsid: dsid,
    meDsid: dsid,
    lan: lanHost,
    loginUser: shortName.filter((n) => !USER_PROSE_WORDS.includes(n)),
    password: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{5,11}$/).map((p) => `${p}9`),
  })
  .map(({ computerKind, lan, ...id }) => ({
    ...id,
    computerHost: `${id.first}s-${computerKind}`,
    lanName: lan.name,
    lanFqdn: lan.fqdn,
  }));

/** Where the run plants what: each input either carries identifiers in its normal output, or fails saying them. */
const plan = fc.record({
  captive: fc.constantFrom("generic", "aruba", "chilli", "unifi", "extreme", "meraki", "page"),
  plusForSpace: fc.boolean(),
  sinkholeHost: fc.option(fc.constantFrom(...DEFAULT_TARGETS.signInHosts), { nil: undefined }),
  vpnConnected: fc.boolean(),
  envWithCredentials: fc.boolean(),
  pacFromFile: fc.boolean(),
  failing: fc.subarray(["sw_vers", "sysctl", "socketfilterfw", "timezone", "pgrep", "defaults-export"] as const),
  computerInContext: fc.boolean(),
});

// ------------------------------------------------------------------ the recording

const NC_HEADER = "Available network connection services in the current set (*=enabled):\n";

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function plant(id: Identity, p: Plan): ReturnType<typeof healthy> {
  const r = healthy();
  const home = `/Users/${id.user}`;
  const local = `${id.computerHost}.local`;
  const errorLine = (tool: string) =>
    `${tool}: error for user ${id.user} (${id.email}) at ${home}/Library on ${local} (${id.first}’s MacBook Pro): Serial Number: ${id.serial} dsid=${id.dsid} uuid ${id.uuid} mac ${id.mac} ip ${id.lan4} ${id.linkLocal6}; ` +
    `not permitted for user ${id.loginUser}; mail ${id.unicodeEmail}; via ${id.lanFqdn} inet6 2001:db8:1:2:${eui64(id.mac)}; ` +
    `https://p12-caldav.icloud.com.cn/${id.cnDsid}/principal/ https://p01-contacts.me.com/${id.meDsid}/carddavhome/\n`;
  const set = (command: string[], out: { stdout?: string; stderr?: string; exitCode?: number }) => {
    const entry = r.exec.find((e) => JSON.stringify(e.command) === JSON.stringify(command));
    if (!entry) throw new Error(`no ${command.join(" ")} in the healthy recording`);
    Object.assign(entry, { stdout: "", stderr: "", exitCode: 0, ...out });
  };
  const failOr = (name: (typeof p.failing)[number], command: string[]) => {
    if (p.failing.includes(name))
      set(command, { stderr: errorLine(command[0].slice(command[0].lastIndexOf("/") + 1)), exitCode: 1 });
  };

  failOr("sw_vers", ["/usr/bin/sw_vers"]);
  failOr("sysctl", ["/usr/sbin/sysctl", "-n", "hw.model"]);
  failOr("socketfilterfw", ["/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate"]);
  failOr("timezone", ["/usr/bin/defaults", "read", "/Library/Preferences/com.apple.timezone.auto", "Active"]);
  failOr("pgrep", ["/usr/bin/pgrep", "-x", "timed"]);

  set(["/usr/sbin/scutil", "--dns"], {
    stdout: [
      "DNS configuration",
      "",
      "resolver #1",
      `  search domain[0] : ${local}`,
      `  search domain[1] : ${id.vpnDomain}`,
      `  nameserver[0] : ${id.gateway4}`,
      `  nameserver[1] : ${id.linkLocal6.includes("%") ? id.linkLocal6 : `${id.linkLocal6}%en0`}`,
      "  if_index : 15 (en0)",
      "  flags    : Request A records, Request AAAA records",
      "  reach    : 0x00020002 (Reachable,Directly Reachable Address)",
      "",
      "resolver #2",
      `  domain   : ${id.vpnDomain}.`,
      `  nameserver[0] : ${id.tunnel4}`,
      "  if_index : 22 (utun4)",
      "  flags    : Supplemental, Request A records",
      "  reach    : 0x00000003 (Reachable,Transient Connection)",
      "  order    : 102400",
      "",
    ].join("\n"),
  });
  set(["/usr/sbin/scutil", "--proxy"], {
    stdout: [
      "<dictionary> {",
      "  ExceptionsList : <array> {",
      "    0 : *.local",
      `    1 : *.${id.vpnDomain}`,
      "  }",
      "  HTTPEnable : 1",
      "  HTTPPort : 8080",
      `  HTTPProxy : ${id.httpsProxy}`,
      "  HTTPSEnable : 1",
      "  HTTPSPort : 3128",
      `  HTTPSProxy : ${id.httpsProxy}`,
      "  ProxyAutoConfigEnable : 1",
      `  ProxyAutoConfigURLString : ${p.pacFromFile ? `file://${home}/Library/proxy.pac` : `http://${id.pacHost}/proxy.pac`}`,
      "}",
      "",
    ].join("\n"),
  });
  set(["/usr/sbin/scutil", "--nc", "list"], {
    stdout:
      NC_HEADER +
      `* (${p.vpnConnected ? "Connected" : "Disconnected"})    ${id.serviceUuid} VPN (com.wireguard.macos) "${id.vpnName}"    [VPN:com.wireguard.macos]\n` +
      `  (Disconnected) ${id.uuid.toUpperCase()} IPSec "${id.email} ${id.first}’s work"    [IPSec]\n`,
  });
  set(["/sbin/ifconfig"], {
    stdout:
      "lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384\n\tinet 127.0.0.1 netmask 0xff000000\n" +
      `en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500\n\tether ${id.mac} \n` +
      `\tinet6 ${id.linkLocal6.replace(/%.*$/, "")}%en0 prefixlen 64 secured scopeid 0xf \n` +
      `\tinet ${id.lan4} netmask 0xffffff00 broadcast ${id.lan4.replace(/\d+$/, "255")}\n\tstatus: active\n` +
      `utun4: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1280\n\tinet ${id.tunnel4} --> ${id.tunnel4} netmask 0xffffffff\n` +
      `\tinet6 ${id.ula6} prefixlen 48\n`,
  });
  const account = {
    Accounts: [
      {
        AccountDSID: id.dsid,
        AccountID: id.appleId,
        AccountUUID: id.uuid,
        DisplayName: `${id.first} ${id.last}`,
        firstName: id.first,
        lastName: id.last,
        LoggedIn: true,
        Services: [{ Enabled: true, Name: "MOBILE_DOCUMENTS", ServiceID: "com.apple.Dataclass.Ubiquity" }],
      },
    ],
  };
  if (p.failing.includes("defaults-export"))
    set(["/usr/bin/defaults", "export", "MobileMeAccounts", "-"], { stderr: errorLine("defaults"), exitCode: 1 });
  else set(["/usr/bin/defaults", "export", "MobileMeAccounts", "-"], { stdout: buildPlist(account) });

  const proxyUrl = p.envWithCredentials
    ? `http://${id.user}:${id.password}@${id.envProxy}:3128`
    : `${id.envProxy}:3128`;
  r.env = { HTTPS_PROXY: proxyUrl, http_proxy: `http://${id.envProxy}:8080/` };

  // Redirects as captive portals really send them (vendor documentation): the client's MAC and IP,
  // the access point's MAC, and the Wi-Fi network's name.
  const q = (v: string) => (p.plusForSpace ? encodeURIComponent(v).replace(/%20/g, "+") : encodeURIComponent(v));
  const dashed = (m: string) => m.toUpperCase().replace(/:/g, "-");
  const bare = (m: string) => m.replace(/:/g, "").toLowerCase();
  const back = "http%3A%2F%2Fcaptive.apple.com%2Fhotspot-detect.html";
  const location: Record<Exclude<Plan["captive"], "page">, string> = {
    generic:
      `https://portal.hotspot-example.com/login?client_mac=${id.mac}&ip=${id.lan4}&v6=${id.linkLocal6}&id=${id.uuid}` +
      `&email=${id.otherEmail}&dsid=${id.dsid}&hostname=${local}&user=${id.user}`,
    aruba: `https://securelogin.arubanetworks.com/cgi-bin/login?cmd=login&mac=${id.mac}&essid=${q(id.ssid)}&ip=${id.lan4}&apname=ap-lobby-2&apmac=${id.apMac}&url=${back}`,
    chilli: `http://192.168.182.1:3990/www/login.chi?res=notyet&uamip=192.168.182.1&uamport=3990&called=${dashed(id.apMac)}&mac=${dashed(id.mac)}&ip=${id.lan4}&ssid=${q(id.ssid)}&userurl=${back}`,
    unifi: `http://10.0.0.2:8880/guest/s/default/?ap=${id.apMac}&id=${id.mac}&t=1763719200&url=${back}&ssid=${q(id.ssid)}`,
    extreme: `https://ecp.example.net/login?hwc_ip=${id.gateway4}&hwc_port=80&ap=ap-3f&bssid=${bare(id.apMac)}&mac=${bare(id.mac)}&ssid=${q(id.ssid)}&dest=${back}`,
    meraki: `https://n143.network-auth.com/splash/?mac=${id.apMac}&real_ip=${id.lan4}&client_ip=${id.lan4}&client_mac=${id.mac}&vap=0&node_mac=${id.apMac}`,
  };
  // Portals also put identifiers in the path, percent-encoded once or twice; the query string
  // itself never reaches a report, so its parameters are repeated in the path as matrix parameters.
  const e = encodeURIComponent;
  const encodedPath =
    `/r/${e(home)}/${e(e(id.email))}/${e(`dsid=${id.dsid}`)}/${e(id.mac)}/${e(id.unicodeEmail)}` +
    `/${e(id.linkLocal6.includes("%") ? id.linkLocal6 : `${id.linkLocal6}%en0`)}`;
  const withPath = (url: string) => {
    const at = url.indexOf("?");
    return at < 0
      ? url + encodedPath
      : `${url.slice(0, at)}${encodedPath};${url.slice(at + 1).replace(/&/g, ";")}${url.slice(at)}`;
  };
  r.http = r.http.map((h) => {
    if (h.url !== DEFAULT_TARGETS.captiveUrl) return h;
    return p.captive !== "page"
      ? { ...h, status: 302, headers: { ...h.headers, location: withPath(location[p.captive]) }, body: "" }
      : {
          ...h,
          status: 200,
          body: `<html><body>${id.otherEmail} on ${local} ${id.mac} ${id.lan4} ${id.linkLocal6} ${id.uuid} /Users/${id.user}</body></html>`,
        };
  });
  if (p.sinkholeHost)
    r.dns = r.dns.map((d) =>
      d.name === p.sinkholeHost && d.server === "system" ? { ...d, addresses: [id.sinkhole] } : d,
    );
  r.files = r.files.map((f) => (f.path === "/etc/ntp.conf" ? { ...f, text: `server ${id.ntpServer}\n` } : f));
  return r;
}

/** Every value section 4 says a report never holds, with how to look for it. */
function secrets(id: Identity): { kind: string; value: string; caseInsensitive: boolean }[] {
  const v = (kind: string, value: string, caseInsensitive = true) => ({ kind, value, caseInsensitive });
  return [
    v("email", id.appleId),
    v("email", id.email),
    v("email", id.otherEmail),
    v("uuid", id.uuid),
    v("uuid", id.serviceUuid),
    v("dsid", id.dsid),
    v("serial", id.serial, false),
    v("ip", id.lan4),
    v("ip", id.gateway4),
    v("ip", id.tunnel4),
    v("ip", id.linkLocal6.replace(/%.*$/, "")),
    v("ip", id.ula6),
    v("ip", id.ntpServer),
    v("ip", id.sinkhole),
    v("mac", id.mac),
    v("mac", id.mac.toUpperCase().replace(/:/g, "-")),
    v("mac", id.mac.replace(/:/g, "")),
    v("mac", id.apMac),
    v("mac", id.apMac.toUpperCase().replace(/:/g, "-")),
    v("mac", id.apMac.replace(/:/g, "")),
    v("wifi", encodeURIComponent(id.ssid), false),
    v("wifi", encodeURIComponent(id.ssid).replace(/%20/g, "+"), false),
    v("user", id.user, false),
    v("home", `/Users/${id.user}`, false),
    v("computer", id.computerHost),
    v("computer", `${id.first}’s MacBook Pro`, false),
    v("proxy-host", id.httpsProxy),
    v("proxy-host", id.envProxy),
    v("proxy-host", id.pacHost),
    v("vpn", id.vpnName, false),
    v("vpn-domain", id.vpnDomain),
    v("credentials", id.password, false),
    v("email", id.unicodeEmail),
    v("email", encodeURIComponent(id.email)),
    v("email", encodeURIComponent(encodeURIComponent(id.email))),
    v("email", encodeURIComponent(id.unicodeEmail)),
    v("dsid", id.cnDsid),
    v("dsid", id.meDsid),
    v("dsid", encodeURIComponent(`dsid=${id.dsid}`)),
    v("mac", encodeURIComponent(id.mac)),
    v("eui64", eui64(id.mac)),
    v("lan-host", id.lanName),
    v("login-user", id.loginUser, false),
    v("home", encodeURIComponent(`/Users/${id.user}`), false),
  ];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * As a whole token: "10.1.2.3" is not inside "10.1.2.34", "jane" is not inside "janet". By hand:
 * a case-insensitive Unicode regex per value costs milliseconds to compile.
 */
function occurs(text: string, value: string, caseInsensitive: boolean): boolean {
  const haystack = caseInsensitive ? text.toLowerCase() : text;
  const needle = caseInsensitive ? value.toLowerCase() : value;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(Math.max(0, at - 2), at);
    const after = haystack.slice(at + needle.length, at + needle.length + 2);
    const glued = (s: string, end: boolean) => {
      const ch = end ? Array.from(s).pop() : Array.from(s)[0];
      return ch !== undefined && WORD_CHAR.test(ch);
    };
    if (!glued(before, true) && !glued(after, false)) return true;
  }
  return false;
}

// ------------------------------------------------------------------ the property

/** How often each kind reached an unredacted report: the property is only as good as this. */
const reached = new Map<string, number>();

describe("redaction of generated identifiers planted in every input", () => {
  it(`no report holds any of them (${RUNS} runs)`, { timeout: Math.max(60_000, RUNS * 300) }, async () => {
    await fc.assert(
      fc.asyncProperty(identity, plan, async (id, p) => {
        const recording = plant(id, p);
        const host = createReplayHost(parseRecording(JSON.stringify(recording)));
        const result = await runFullChecklist(host, { deadlineMs: 5000 });
        const context = {
          userName: id.user,
          homeDir: `/Users/${id.user}`,
          ...(p.computerInContext ? { computerName: `${id.first}’s MacBook Pro` } : {}),
        };
        const input = { ...result, history: [], appVersion: "1.0.0", context };
        const unredacted = buildReport(input, { format: "markdown", redact: false });
        const planted = secrets(id);
        for (const s of planted)
          if (occurs(unredacted, s.value, s.caseInsensitive)) reached.set(s.kind, (reached.get(s.kind) ?? 0) + 1);
        for (const format of ["markdown", "plain"] as const) {
          const report = buildReport(input, { format, redact: true });
          const leaks = planted.filter((s) => occurs(report, s.value, s.caseInsensitive));
          if (leaks.length) {
            const lines = report.split("\n").filter((l) => leaks.some((s) => occurs(l, s.value, s.caseInsensitive)));
            throw new Error(`${format} report leaks ${JSON.stringify(leaks)}:\n${lines.join("\n")}`);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  afterAll(() => {
    // Each kind must have reached the unredacted report in some run, or the property proved nothing for it.
    const kinds = [
      "email",
      "uuid",
      "dsid",
      "serial",
      "ip",
      "mac",
      "wifi",
      "user",
      "home",
      "computer",
      "proxy-host",
      "vpn",
      "vpn-domain",
      "credentials",
      "eui64",
      "lan-host",
      "login-user",
    ];
    if (RUNS >= 50) expect(kinds.filter((k) => !reached.get(k))).toEqual([]);
  });
});

// The shapes the property found leaking, as captive portals send them (vendor documentation), kept as examples.
describe("redaction: captive-portal redirect shapes the property found", () => {
  it.each([
    [
      "Aruba's essid (Wi-Fi name)",
      "HTTP 302 → https://securelogin.arubanetworks.com/cgi-bin/login?cmd=login&mac=34:02:86:c6:d2:3e&essid=Hotel%20Guest&ip=10.1.2.3",
      ["Hotel%20Guest", "34:02:86:c6:d2:3e", "10.1.2.3"],
    ],
    [
      "Extreme's MACs without separators",
      "HTTP 302 → https://ecp.example.net/login?hwc_ip=10.0.0.1&bssid=00026fe9b568&mac=0023149032a8&ssid=Lobby",
      ["00026fe9b568", "0023149032a8", "Lobby"],
    ],
    ["a Cisco-dotted client MAC", "client_mac=a483.e712.3456&ip=192.168.4.20", ["a483.e712.3456", "192.168.4.20"]],
  ])("%s", (_name, text, hidden) => {
    const out = buildReport(
      {
        findings: [
          {
            probe: "captive-portal",
            status: "fail",
            title: "Wi-Fi Login Page",
            summary: "x",
            details: [text],
            fixes: [],
            durationMs: 1,
          },
        ],
        causes: [],
        history: [],
        startedAt: new Date("2026-11-21T10:00:00.000Z"),
        durationMs: 1,
        platform: "darwin",
        appVersion: "1.0.0",
      },
      { format: "markdown", redact: true },
    );
    for (const value of hidden) expect(out).not.toContain(value);
    expect(out).toMatch(/\[(mac|wifi)\]/);
  });

  it("keeps what support needs around them", () => {
    const out = buildReport(
      {
        findings: [
          {
            probe: "macos",
            status: "pass",
            title: "macOS",
            summary: "macOS 15.7.4 Sequoia (24G517) on Mac16,8",
            details: ["Mac: macOS 15.7.4", "mac=zzz", "Model: Mac16,8"],
            fixes: [],
            durationMs: 1,
          },
        ],
        causes: [],
        history: [],
        startedAt: new Date("2026-11-21T10:00:00.000Z"),
        durationMs: 1,
        platform: "darwin",
        appVersion: "1.0.0",
      },
      { format: "plain", redact: true },
    );
    expect(out).toContain("macOS 15.7.4 Sequoia (24G517) on Mac16,8");
    expect(out).toContain("mac=zzz");
    expect(out).not.toContain("[mac]");
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { build as buildPlist } from "plist";

// Inputs for the parser fuzzing: any text, lines built from the tokens each
// command really prints, and the real captures in test/fixtures mutated the
// ways output gets damaged (cut off, spliced, re-encoded, doubled).

export const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

// ------------------------------------------------------------------ any text

/** Characters that break parsers: separators, line ends, NUL, BOM, lone surrogates, RTL, wide spaces. */
const NASTY = [
  "\0",
  "\uFEFF",
  "\r\n",
  "\r",
  "\n",
  "\t",
  "\u2028",
  "\u0085",
  "\u00a0",
  "\u3000",
  "\uD800",
  "\uDFFF",
  "\u202E",
  "\u0301",
  "💥",
  ":",
  "::",
  " : ",
  "=",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  '"',
  "'",
  "\\",
  "&",
  "#",
  "%",
  "*",
  "+/-",
  "-->",
  "0x",
  "1e400",
  "-0",
  "NaN",
  "Infinity",
  "__proto__",
  "constructor",
  "toString",
];

export const nasty = fc.constantFrom(...NASTY);

/** Free text: full Unicode (lone surrogates included), graphemes, ASCII, and separator soup. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary-ascii", maxLength: 200 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join("")),
);

/** Values that are not strings at all (the parsers take `unknown` from JSON and recordings in practice). */
export const notText = fc.oneof(
  fc.constantFrom(undefined, null, 0, NaN, true, [], {}, Symbol.for("x")),
  fc.anything({ maxDepth: 2 }),
) as fc.Arbitrary<unknown>;

// ------------------------------------------------------------------ token lines

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,12}$/);
const num = fc.oneof(
  fc.nat({ max: 99 }).map(String),
  fc.nat().map(String),
  fc.constantFrom("0", "00", "999999999999", "1e3", "-1", "0x10", "NaN", "", "4294967296"),
);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));
const ipv6 = fc.oneof(
  fc.constantFrom("fe80::1%en0", "fe80::7b12:adc2:a089:c4d8%utun0", "::1", "fd7a:115c:a1e0::1", "2001:db8::53", "::"),
  fc.array(fc.stringMatching(/^[0-9a-f]{0,4}$/), { minLength: 2, maxLength: 9 }).map((g) => g.join(":")),
);
const ip = fc.oneof(ipv4, ipv6);
const hex = fc.stringMatching(/^0x[0-9a-fA-F]{1,10}$/);
const uuid = fc.uuid().map((u) => u.toUpperCase());

/** Lines picked from `pieces`, joined with LF or CRLF, sometimes with extra indentation or junk lines. */
export function linesOf(pieces: fc.Arbitrary<string>, maxLines = 30): fc.Arbitrary<string> {
  const line = fc.oneof(
    { weight: 8, arbitrary: pieces },
    { weight: 1, arbitrary: anyText },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("", " ", "\t", "   ", "\t\t"), pieces).map(([a, b]) => a + b) },
  );
  return fc
    .tuple(fc.array(line, { maxLength: maxLines }), fc.constantFrom("\n", "\r\n", "\r", "\n\n"), fc.boolean())
    .map(([lines, eol, trailing]) => lines.join(eol) + (trailing ? eol : ""));
}

const REACH = fc
  .subarray(["Reachable", "Not Reachable", "Transient Connection", "Directly Reachable Address", "WWAN", "Bogus"], {
    minLength: 0,
  })
  .map((w) => w.join(","));

export const scutilDnsLines = linesOf(
  fc.oneof(
    fc.constantFrom(
      "DNS configuration",
      "DNS configuration (for scoped queries)",
      "DNS configuration (for service-specific queries)",
      "DNS configuration (for future queries)",
      "",
      "Reachable",
      "Not Reachable",
    ),
    num.map((n) => `resolver #${n}`),
    fc.tuple(num, word).map(([n, d]) => `  search domain[${n}] : ${d}`),
    fc.tuple(num, ip).map(([n, a]) => `  nameserver[${n}] : ${a}`),
    fc.tuple(num, word).map(([n, i]) => `  if_index : ${n} (${i})`),
    word.map((d) => `  domain   : ${d}`),
    fc
      .subarray(["Scoped", "Supplemental", "Request A records", "Request AAAA records", ""])
      .map((f) => `  flags    : ${f.join(", ")}`),
    fc.tuple(hex, REACH).map(([h, w]) => `  reach    : ${h} (${w})`),
    REACH.map((w) => `  reach    : ${w}`),
    fc.constantFrom("mdns", "pdns", "mdns pdns", "").map((o) => `  options  : ${o}`),
    fc
      .tuple(fc.constantFrom("order", "timeout", "port", "Order", "options", "flags", "nameserver", "domain"), num)
      .map(([k, v]) => `  ${k} : ${v}`),
  ),
  60,
);

export const scutilProxyLines = linesOf(
  fc.oneof(
    fc.constantFrom(
      "<dictionary> {",
      "}",
      "  ExceptionsList : <array> {",
      "  __SCOPED__ : <dictionary> {",
      "    en0 : <dictionary> {",
      "  0 : *.local",
      "  1 : 169.254/16",
      "No proxy configuration available",
      "  FTPPassive : 1",
    ),
    fc
      .tuple(
        fc.constantFrom("HTTP", "HTTPS", "SOCKS", "FTP"),
        fc.constantFrom("Enable", "Proxy", "Port"),
        fc.oneof(num, word, ip),
      )
      .map(([p, k, v]) => `  ${p}${k} : ${v}`),
    fc
      .tuple(fc.constantFrom("ProxyAutoConfigEnable", "ProxyAutoDiscoveryEnable"), fc.constantFrom("0", "1", "", "2"))
      .map(([k, v]) => `  ${k} : ${v}`),
    fc.webUrl().map((u) => `  ProxyAutoConfigURLString : ${u}`),
    fc.tuple(num, fc.oneof(word, ip)).map(([n, v]) => `    ${n} : ${v}`),
  ),
  40,
);

const NC_STATUS = fc.constantFrom(
  "Connected",
  "Disconnected",
  "Connecting",
  "Disconnecting",
  "Invalid",
  "Unknown",
  "Weird",
  "",
);
const quotedName = fc.oneof(
  word,
  fc.string({ maxLength: 20 }),
  fc.constantFrom('Jane\'s "home" VPN', '""', '"', "a]b", "[VPN:x]", "Tailscale"),
);
export const ncListLines = linesOf(
  fc.oneof(
    fc.constantFrom("Available network connection services in the current set (*=enabled):"),
    fc
      .tuple(
        fc.constantFrom("*", " ", "", "**"),
        NC_STATUS,
        fc.oneof(uuid, word, fc.constant("")),
        fc.constantFrom("VPN (io.tailscale.ipn.macsys)", "IPSec", "PPP (L2TP)", "", "VPN (a) (b)"),
        quotedName,
        fc.constantFrom("VPN", "IPSec", "PPP", "", " "),
        fc.option(fc.constantFrom("io.tailscale.ipn.macsys", "L2TP", "", ":"), { nil: undefined }),
        fc.constantFrom(" ", "  ", "\t", "      "),
      )
      .map(
        ([star, status, id, iface, name, type, sub, gap]) =>
          `${star} (${status})${gap}${id} ${iface} "${name}"${gap}[${type}${sub === undefined ? "" : `:${sub}`}]`,
      ),
  ),
);

export const ifconfigLines = linesOf(
  fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.constantFrom("lo0", "en0", "utun0", "utun4", "ppp0", "ipsec1", "tap0", "bridge0"), word),
        hex,
        fc.subarray(["UP", "POINTOPOINT", "RUNNING", "MULTICAST", "BROADCAST", ""]),
        fc.option(num, { nil: undefined }),
      )
      .map(
        ([n, h, flags, mtu]) =>
          `${n}: flags=${h.slice(2)}<${flags.join(",")}>${mtu === undefined ? "" : ` mtu ${mtu}`}`,
      ),
    fc
      .tuple(ipv4, fc.option(ipv4, { nil: undefined }), hex)
      .map(([a, peer, mask]) => `\tinet ${a}${peer ? ` --> ${peer}` : ""} netmask ${mask}`),
    fc
      .tuple(ipv6, fc.option(num, { nil: undefined }), fc.option(hex, { nil: undefined }))
      .map(
        ([a, p, s]) =>
          `\tinet6 ${a}${p === undefined ? "" : ` prefixlen ${p}`}${s === undefined ? "" : ` scopeid ${s}`} `,
      ),
    fc.constantFrom(
      "\tether a4:83:e7:12:34:56 ",
      "\tstatus: active",
      "\tstatus: inactive",
      "\tnd6 options=201<PERFORMNUD,DAD>",
      "\tinet",
      "\tinet6",
      "\tether",
      "\tprefixlen",
      "\t-->",
    ),
  ),
  50,
);

export const swVersLines = linesOf(
  fc.oneof(
    fc.constantFrom("ProductName:\tmacOS", "ProductName:\t\tMac OS X", "BuildVersion:\t24G517", "BuildVersion:"),
    fc
      .array(num, { minLength: 1, maxLength: 4 })
      .chain((parts) => fc.constantFrom("\t", "\t\t", " ", "").map((gap) => `ProductVersion:${gap}${parts.join(".")}`)),
    fc.constantFrom("(a)", "(b)", "", " ").map((x) => `ProductVersionExtra:\t${x}`),
    fc.tuple(word, anyText).map(([k, v]) => `${k}:${v}`),
  ),
  8,
);

export const hwModelText = fc.oneof(
  fc.constantFrom("Mac16,8\n", "MacBookPro18,2", "VirtualMac2,1\n", "hw.model: Mac14,2", "", "\n", "iMac21,1 extra"),
  fc.tuple(word, num, num).map(([w, a, b]) => `${w}${a},${b}\n`),
  fc.tuple(fc.constantFrom("", "hw.model: ", "hw.model:"), anyText).map(([a, b]) => a + b),
);

const seconds = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("+0.171773", "-541.000123", "1e400", "-Infinity", "0x10", "+", "", "12e", "NaN"),
);
export const sntpLines = linesOf(
  fc.oneof(
    fc
      .tuple(seconds, seconds, fc.oneof(word, fc.constant("")), fc.oneof(ip, fc.constant("")))
      .map(([o, e, s, a]) => `${o} +/- ${e} ${s} ${a}`.trimEnd()),
    fc.constantFrom(
      "sntp: Exchange failed: Timeout",
      "[message repeats 4 times]",
      "sntp: Clock select failed",
      " +/- ",
      "+/- 0.1",
      "sntp: ",
    ),
  ),
  10,
);

export const firewallText = linesOf(
  fc.oneof(
    fc.constantFrom(
      "Firewall is enabled. (State = 1)",
      "Firewall is disabled. (State = 0)",
      "Firewall is blocking all non-essential incoming connections. (State = 2)",
      "Firewall is enabled.",
      "Firewall is disabled.",
    ),
    num.map((n) => `Firewall is something. (State = ${n})`),
  ),
  4,
);

// ------------------------------------------------------------------ status feed (JSON)

const epoch = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.double(),
  fc.constantFrom(1763700000000, "1763700000000", " 1763700000000 ", "-1", "1e400", "8640000000000001", "", null),
);
const messyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "&amp;",
    "&amp;lt;",
    "&#x1F600;",
    "&#xD800;",
    "&#0;",
    "&#99999999;",
    "&bogus;",
    "  ",
    "Apple&nbsp;ID",
  ),
);
const loose = fc.oneof(
  { weight: 3, arbitrary: messyText },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, true, [], {}) },
);
const serviceName = fc.oneof(
  fc.constantFrom(
    "Apple Account",
    "Apple ID",
    "iCloud Account &amp; Sign In",
    "iCloud Keychain",
    "Account",
    "App Store",
    "  apple   id ",
    "",
  ),
  messyText,
);
const feedEvent = fc.record(
  {
    messageId: fc.oneof(fc.nat().map(String), fc.nat(), loose),
    statusType: fc.oneof(fc.constantFrom("Outage", "Issue", "Maintenance", "Performance", "outage", ""), loose),
    eventStatus: fc.oneof(fc.constantFrom("ongoing", "resolved", "upcoming", "completed", "ONGOING"), loose),
    epochStartDate: epoch,
    epochEndDate: epoch,
    usersAffected: loose,
    startDate: loose,
    endDate: loose,
    datePosted: loose,
    affectedServices: fc.oneof(fc.array(fc.oneof(serviceName, loose), { maxLength: 4 }), loose),
    message: loose,
  },
  { requiredKeys: [] },
);
const feedService = fc.record(
  {
    serviceName: fc.oneof({ weight: 4, arbitrary: serviceName }, { weight: 1, arbitrary: loose }),
    redirectUrl: fc.oneof(fc.webUrl(), loose),
    events: fc.oneof({ weight: 4, arbitrary: fc.array(fc.oneof(feedEvent, loose), { maxLength: 5 }) }, loose),
  },
  { requiredKeys: [] },
);
const feedDoc = fc.oneof(
  { weight: 6, arbitrary: fc.record({ services: fc.array(fc.oneof(feedService, loose), { maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A feed document with the wrappers the feeds have come in (bare, JSONP, BOM, other callbacks). */
export function wrapFeed(json: string): fc.Arbitrary<string> {
  return fc
    .constantFrom(
      (j: string) => j,
      (j: string) => `jsonCallback(${j});`,
      (j: string) => `jsonCallback(${j})`,
      (j: string) => `\uFEFF${j}`,
      (j: string) => `  \n${j}\n `,
      (j: string) => `otherCallback(${j});`,
      (j: string) => `/* cached */ ${j}`,
      (j: string) => `<html><script>var x = ${j}</script></html>`,
    )
    .map((wrap) => wrap(json));
}

export const statusFeedText = feedDoc.chain((doc) => wrapFeed(JSON.stringify(doc)));

/** The real feeds with values swapped at random paths, then wrapped: exercises every field reader. */
export function feedFixtureMutated(text: string): fc.Arbitrary<string> {
  const doc = JSON.parse(text) as { services: unknown[] };
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...FEED_KEYS), loose);
  return fc.array(edit, { minLength: 1, maxLength: 8 }).chain((edits) => {
    const copy = structuredClone(doc) as { services: Record<string, unknown>[] };
    for (const [si, ei, key, value] of edits) {
      const service = copy.services[si % copy.services.length];
      if (!service || typeof service !== "object") continue;
      const events = Array.isArray(service.events) ? (service.events as Record<string, unknown>[]) : [];
      if (SERVICE_KEYS.includes(key) || events.length === 0) service[key] = value;
      else if (events[ei % events.length] && typeof events[ei % events.length] === "object")
        events[ei % events.length][key] = value;
    }
    return wrapFeed(JSON.stringify(copy));
  });
}
const SERVICE_KEYS = ["serviceName", "redirectUrl", "events"];
const FEED_KEYS = [
  ...SERVICE_KEYS,
  "messageId",
  "statusType",
  "eventStatus",
  "epochStartDate",
  "epochEndDate",
  "usersAffected",
  "startDate",
  "endDate",
  "affectedServices",
  "message",
];

export const feedNow = fc.oneof(
  fc.date({ min: new Date("2015-01-01"), max: new Date("2035-01-01") }),
  fc.date(),
  fc.constant(new Date(NaN)),
);
export const feedSource = fc.constantFrom("consumer", "developer", "other" as "consumer");

// ------------------------------------------------------------------ MobileMe plist

type PlistValue = string | number | boolean | Date | Uint8Array | PlistValue[] | { [key: string]: PlistValue };

const PROTO_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const plistScalar: fc.Arbitrary<PlistValue> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("", "  ", "jane.doe@example.com", "12345678901", ...PROTO_KEYS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01") }),
  fc.uint8Array({ maxLength: 8 }),
);
const plistAny: fc.Arbitrary<PlistValue> = fc.letrec<{ v: PlistValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    plistScalar,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTO_KEYS)), tie("v"), { maxKeys: 3 }),
  ),
})).v;
const SERVICE_IDS = [
  "com.apple.Dataclass.Ubiquity",
  "com.apple.Dataclass.KeychainSync",
  "com.apple.Dataclass.Mail",
  "com.apple.Dataclass.Unknown",
  ...PROTO_KEYS,
];
const mmService = fc.record(
  {
    ServiceID: fc.oneof(fc.constantFrom(...SERVICE_IDS), plistAny),
    Name: fc.oneof(fc.constantFrom("MOBILE_DOCUMENTS", "KEYCHAIN_SYNC", ...PROTO_KEYS), plistAny),
    Enabled: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 2), plistAny),
  },
  { requiredKeys: [] },
);
const mmAccount = fc.record(
  {
    AccountID: fc.oneof(fc.emailAddress(), plistAny),
    AccountDSID: fc.oneof(fc.stringMatching(/^\d{8,12}$/), fc.nat(), plistAny),
    AccountUUID: fc.oneof(fc.uuid(), plistAny),
    DisplayName: fc.oneof(fc.string({ maxLength: 20 }), plistAny),
    firstName: plistAny,
    lastName: plistAny,
    LoggedIn: fc.oneof(fc.boolean(), plistAny),
    isManagedAppleID: fc.oneof(fc.boolean(), plistAny),
    Services: fc.oneof(fc.array(fc.oneof(mmService, plistAny), { maxLength: 4 }), plistAny),
  },
  { requiredKeys: [] },
);
const mmDoc = fc.oneof(
  { weight: 5, arbitrary: fc.record({ Accounts: fc.array(fc.oneof(mmAccount, plistAny), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ Accounts: plistAny }) },
  { weight: 1, arbitrary: plistAny },
);

/** Well-formed XML plists with off-shape values (what `defaults export` could hold after a bad write). */
export const mobileMeXml: fc.Arbitrary<string> = mmDoc.map((doc) => {
  try {
    return buildPlist(doc as never);
  } catch {
    return '<plist version="1.0"><dict/></plist>';
  }
});

// ------------------------------------------------------------------ mutations of real captures

type Op =
  | { op: "insert"; at: number; chunk: string }
  | { op: "delete"; at: number; len: number }
  | { op: "replace"; at: number; len: number; chunk: string }
  | { op: "truncate"; at: number }
  | { op: "duplicate-line"; line: number; times: number }
  | { op: "swap-lines"; a: number; b: number }
  | { op: "drop-line"; line: number }
  | { op: "colons"; to: string; all: boolean; at: number }
  | { op: "inject"; at: number; chunk: string }
  | { op: "crlf" }
  | { op: "bom" }
  | { op: "repeat"; at: number; len: number; times: number }
  | { op: "case"; upper: boolean };

function opArb(chunks: fc.Arbitrary<string>): fc.Arbitrary<Op> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ op: fc.constant("insert" as const), at, chunk: chunks }),
    fc.record({ op: fc.constant("delete" as const), at, len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant("replace" as const), at, len: fc.integer({ min: 1, max: 40 }), chunk: chunks }),
    fc.record({ op: fc.constant("truncate" as const), at }),
    fc.record({ op: fc.constant("duplicate-line" as const), line: fc.nat(), times: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ op: fc.constant("drop-line" as const), line: fc.nat() }),
    fc.record({
      op: fc.constant("colons" as const),
      to: fc.constantFrom("", " ", "::", "=", " : ", ":\n", "\uFF1A", "\0"),
      all: fc.boolean(),
      at,
    }),
    fc.record({
      op: fc.constant("inject" as const),
      at,
      chunk: fc.constantFrom("\0", "\uFEFF", "\r\n", "\r", "\n\n", "\uD800", "\t", "\u2028"),
    }),
    fc.constant({ op: "crlf" as const }),
    fc.constant({ op: "bom" as const }),
    fc.record({
      op: fc.constant("repeat" as const),
      at,
      len: fc.integer({ min: 1, max: 30 }),
      times: fc.integer({ min: 2, max: 50 }),
    }),
    fc.record({ op: fc.constant("case" as const), upper: fc.boolean() }),
  );
}

function apply(text: string, op: Op): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = () => text.split("\n");
  switch (op.op) {
    case "insert":
    case "inject":
      return text.slice(0, pos(op.at)) + op.chunk + text.slice(pos(op.at));
    case "delete":
      return text.slice(0, pos(op.at)) + text.slice(pos(op.at) + op.len);
    case "replace":
      return text.slice(0, pos(op.at)) + op.chunk + text.slice(pos(op.at) + op.len);
    case "truncate":
      return text.slice(0, pos(op.at));
    case "duplicate-line": {
      const l = lines();
      const i = op.line % l.length;
      l.splice(i, 0, ...Array<string>(op.times).fill(l[i]));
      return l.join("\n");
    }
    case "swap-lines": {
      const l = lines();
      const a = op.a % l.length;
      const b = op.b % l.length;
      [l[a], l[b]] = [l[b], l[a]];
      return l.join("\n");
    }
    case "drop-line": {
      const l = lines();
      l.splice(op.line % l.length, 1);
      return l.join("\n");
    }
    case "colons": {
      if (op.all) return text.split(":").join(op.to);
      const colons = [...text.matchAll(/:/g)].map((m) => m.index);
      if (colons.length === 0) return text;
      const i = colons[op.at % colons.length];
      return text.slice(0, i) + op.to + text.slice(i + 1);
    }
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
    case "bom":
      return `\uFEFF${text}`;
    case "repeat": {
      const start = pos(op.at);
      const piece = text.slice(start, start + op.len);
      return text.slice(0, start) + piece.repeat(op.times) + text.slice(start);
    }
    case "case":
      return op.upper ? text.toUpperCase() : text.toLowerCase();
  }
}

/** A real capture damaged by 1–6 mutations; chunks come from any text, the nasty list or the capture itself. */
export function mutated(base: string | string[]): fc.Arbitrary<string> {
  const bases = Array.isArray(base) ? base : [base];
  const slices = fc
    .tuple(fc.constantFrom(...bases), fc.nat(), fc.integer({ min: 1, max: 80 }))
    .map(([b, at, len]) => b.slice(at % (b.length + 1), (at % (b.length + 1)) + len));
  const chunks = fc.oneof(anyText, nasty, slices);
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(opArb(chunks), { minLength: 1, maxLength: 6 }))
    .map(([b, ops]) => ops.reduce(apply, b));
}

/** Long inputs for the speed bound: one piece repeated, or pieces mixed, thousands of times (up to 200 KB). */
export function bulky(pieces: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const sep = fc.constantFrom("", "\n", " ");
  return fc.oneof(
    fc
      .tuple(pieces, fc.integer({ min: 500, max: 3000 }), sep)
      .map(([p, times, s]) => Array<string>(times).fill(p).join(s).slice(0, 200_000)),
    fc.tuple(fc.array(pieces, { minLength: 500, maxLength: 3000 }), sep).map(([ps, s]) => ps.join(s).slice(0, 200_000)),
  );
}

/** /etc/hosts lines: the stock ones, blockers' lines for Apple's names, pinned addresses, comments. */
export const hostsLines = linesOf(
  fc.oneof(
    fc.constantFrom(
      "##",
      "# Host Database",
      "127.0.0.1\tlocalhost",
      "255.255.255.255\tbroadcasthost",
      "::1             localhost",
      "fe80::1%lo0\tlocalhost",
      "# Title: StevenBlack/hosts",
    ),
    fc
      .tuple(
        fc.constantFrom("0.0.0.0", "127.0.0.1", "::", "17.32.194.98", "192.168.1.2", "not-an-ip", "0.0.0.0 #"),
        fc.constantFrom("\t", " ", "   "),
        fc.array(
          fc.constantFrom(
            "gsa.apple.com",
            "GSA.Apple.com.",
            "apple.com",
            "metrics.icloud.com",
            "x.example",
            "é.apple.com",
          ),
          { maxLength: 4 },
        ),
      )
      .map(([a, sep, names]) => [a, ...names].join(sep)),
  ),
);

/** `netstat -rn` lines: section headers, column headers, default and other rows. */
export const netstatLines = linesOf(
  fc.oneof(
    fc.constantFrom(
      "Routing tables",
      "Internet:",
      "Internet6:",
      "Destination        Gateway            Flags           Netif Expire",
    ),
    fc
      .tuple(
        fc.constantFrom("default", "127", "::1", "192.168.64.1/32", "fe80::%utun0/64"),
        fc.oneof(ipv4, ipv6, fc.constantFrom("link#5", "fe80::%utun0", "fe80::1%en0", "192.0.0.1", "")),
        fc.constantFrom("UGScg", "UGcIg", "UCSIg", "UHLWIir", "U", "G", "!", ""),
        fc.constantFrom("en0", "utun2", "bridge100", "lo0", "0", ""),
        fc.constantFrom("", "!", "1200", "       "),
      )
      .map((cols) => cols.join("   ")),
  ),
);

/** ipv4only.arpa answers: well-known embeds, other prefixes, garbage. */
export const nat64Answers = fc.array(
  fc.oneof(
    ipv6,
    ipv4,
    fc.constantFrom(
      "64:ff9b::c000:aa",
      "64:ff9b::192.0.0.171",
      "2001:db8:64::c000:ab",
      "::ffff:192.0.0.170",
      "",
      "::",
      "64:ff9b::c000:aa%en0",
    ),
    anyText,
  ),
  { maxLength: 6 },
);

/** Bodies a lookup can get: plist pieces, HTML pieces, anything. */
export const lookupBodies = linesOf(
  fc.constantFrom(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<plist version="1.0">',
    "<dict>",
    "<key>urls</key>",
    "<key>midStartProvisioning</key>",
    "<string>https://gsa.apple.com/grandslam/MidService/startMachineProvisioning</string>",
    "<string>http://x</string>",
    "</dict>",
    "</plist>",
    "<html><head><title>",
    "Blocked &amp; </title>",
    "</head><body>",
    "<!DOCTYPE html>",
  ),
);

/** /etc/resolver files (resolver(5)): nameserver lines in both address forms, port, domain, search, comments. */
export const resolverLines = linesOf(
  fc.oneof(
    fc.constantFrom("# resolver for apple.com", "; comment", "search_order 1", "timeout 5", "options ndots:2", ""),
    fc
      .tuple(
        fc.constantFrom("nameserver", "NameServer", "port", "domain", "search"),
        fc.constantFrom(" ", "\t", "   "),
        fc.constantFrom(
          "10.0.0.53",
          "10.0.0.17.55",
          "::1",
          "fe80::1%en0",
          "2053",
          "99999",
          "apple.com.",
          "Apple.COM",
          "../../etc",
          "not-an-ip",
          "é.apple.com",
          "",
        ),
      )
      .map(([key, sep, value]) => `${key}${sep}${value}`),
  ),
);

/** `ps -axo comm=` lines: system paths, filter agents' paths, bare and cut names, a header, `ps aux` rows. */
export const psLines = linesOf(
  fc.oneof(
    fc.constantFrom(
      "COMM",
      "/sbin/launchd",
      "/Applications/Zscaler/Zscaler.app/Contents/PlugIns/ZscalerTunnel",
      "/Library/Little Snitch/Little Snitch Daemon.bundle/Contents/MacOS/Little Snitch Daemon",
      "Little Snitch Da",
      "SophosScanD",
      "com.objective-see.lulu.extension",
      "/opt/cisco/anyconnect/bin/vpnagentd -execv_instance",
      "-bash",
      "USER               PID  %CPU %MEM      VSZ    RSS   TT  STAT STARTED      TIME COMMAND",
      "root                86   0.9  0.4  4486620  72908   ??  Ss   12:10PM   1:24.14 /Library/enSilo/enSiloCollector",
    ),
    fc.tuple(fc.constantFrom("/Applications/", "/", ""), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
  ),
);

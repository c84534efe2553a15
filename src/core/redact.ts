import type { Identifier, IdentifierKind } from "./types";

/**
 * Redaction (CONTRACT §4): hides emails, DSIDs, UUIDs, serial numbers, the user name and home path,
 * the computer's name, private / link-local IPs, MAC addresses, Wi-Fi names, proxy hosts and VPN names,
 * leaving a placeholder (`[email]` …) so the reader knows something was there.
 *
 * Pure and total: never throws, idempotent (`redact(redact(x)) === redact(x)`), and placeholders
 * are never matched again (text is processed in segments between placeholders).
 */

export interface RedactionContext {
  /** Values probes saw, e.g. `{ value: "proxy.corp.example", kind: "proxy-host" }`. */
  identifiers?: Identifier[];
  userName?: string;
  homeDir?: string;
  computerName?: string;
}

export const PLACEHOLDERS: Record<IdentifierKind, string> = Object.freeze({
  email: "[email]",
  dsid: "[dsid]",
  uuid: "[uuid]",
  serial: "[serial]",
  user: "[user]",
  computer: "[computer]",
  ip: "[private-ip]",
  mac: "[mac]",
  wifi: "[wifi]",
  "proxy-host": "[proxy-host]",
  vpn: "[vpn]",
  domain: "[domain]",
});

const P = PLACEHOLDERS;

/** User info in a URL (`scheme://user:password@`): not an identifier kind of its own, always hidden. */
export const CREDENTIALS = "[credentials]";

/** What `redact` returns if something unforeseen (e.g. out of memory) goes wrong: never the raw text. */
const REDACTION_FAILED = "[redaction failed]";

/** A fixpoint is normally reached after one pass (two with the confirming pass). */
const MAX_PASSES = 8;

/** Values shorter than this are ignored: replacing them would wreck the text. */
const MIN_VALUE_LENGTH = 3;

/** Above this length a known value is replaced literally (case-sensitive), without a regex. */
const MAX_REGEX_VALUE_LENGTH = 2000;

const PLACEHOLDER_SPLIT = new RegExp(
  `(${[
    "email",
    "dsid",
    "uuid",
    "serial",
    "user",
    "computer",
    "private-ip",
    "mac",
    "wifi",
    "proxy-host",
    "vpn",
    "domain",
    "credentials",
  ]
    .map((k) => `\\[${k}\\]`)
    .join("|")})`,
);

/** Well-known, non-identifying values that support needs to see; never treated as identifiers. */
const KEEP_VALUES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "::"]);

/** System accounts: not personal, and their names are common words ("root certificate"). */
const SYSTEM_USERS = new Set(["root", "daemon", "nobody", "admin", "administrator", "user", "guest", "shared"]);

/** Words that follow "user" in prose ("the user to say", "user name"): never taken for a login name. */
export const USER_PROSE_WORDS = Object.freeze(
  (
    "to name names account accounts defaults is was the a an and or of for in on at with must can cannot may has " +
    "had id ids interface agent data domain level space info mode says who that this which your their his her " +
    "cancelled canceled denied profile profiles report reports works typed sends pastes isn enabled disabled " +
    "configuration cancels turned asked sees needs wants clicks chooses presses logs signs interaction experience " +
    "guide settings folder library session sessions login logins home group groups approval consent"
  ).split(" "),
);

/** Label values that say "nothing here" rather than naming something. */
const EMPTY_VALUES = new Set(["<redacted>", "<private>", "(null)", "null", "nil", "none", "n/a", "unknown", "-"]);

type Replacer = (match: string, ...groups: (string | undefined)[]) => string;
/** A regex replacement, or (for values too long or odd for a regex) a literal one. */
type Step = { re: RegExp; replace: string | Replacer } | { literal: string; replace: string };

// ---------------------------------------------------------------------------------------------
// Segment machinery: even indexes are plain text, odd indexes are placeholders (never touched).

function replaceIn(part: string, step: Step): string {
  if ("literal" in step) return part.includes(step.literal) ? part.split(step.literal).join(step.replace) : part;
  return part.replace(step.re, step.replace as Replacer);
}

function applyStep(parts: string[], step: Step): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const replaced = i % 2 === 1 || part === "" ? part : replaceIn(part, step);
    if (replaced === part) {
      out.push(part);
    } else {
      // Replacements contain whole placeholders: split again so later steps never touch them.
      for (const piece of replaced.split(PLACEHOLDER_SPLIT)) out.push(piece);
    }
  }
  return out;
}

function runPass(text: string, steps: Step[]): string {
  let parts = text.split(PLACEHOLDER_SPLIT);
  for (const step of steps) parts = applyStep(parts, step);
  return parts.join("");
}

// ---------------------------------------------------------------------------------------------
// Helpers

function escapeRegExp(value: string): string {
  // Only syntax characters: valid with and without the `u` flag.
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function alnumCount(value: string): number {
  return (value.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function isKeepValue(value: string): boolean {
  const v = value.toLowerCase();
  return KEEP_VALUES.has(v) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v);
}

function isUsable(value: string): boolean {
  return value.length >= MIN_VALUE_LENGTH && alnumCount(value) >= 2 && !isKeepValue(value);
}

/** A regex step, or a literal one if the pattern is too long or cannot be compiled. */
function regexStep(
  source: string,
  flags: string,
  replace: string | Replacer,
  literal: string,
  literalReplace: string,
): Step {
  if (literal.length > MAX_REGEX_VALUE_LENGTH) return { literal, replace: literalReplace };
  try {
    return { re: new RegExp(source, flags), replace };
  } catch {
    return { literal, replace: literalReplace };
  }
}

/**
 * A step for one known value: whole-token (not glued to other letters or digits), optionally
 * case-insensitive, optionally swallowing a `.local` suffix (computer names).
 */
function valueStep(value: string, placeholder: string, caseInsensitive: boolean, localSuffix = false): Step {
  const before = /^[\p{L}\p{N}]/u.test(value) ? "(?<![\\p{L}\\p{N}])" : "";
  const after = /[\p{L}\p{N}]$/u.test(value) ? "(?![\\p{L}\\p{N}])" : "";
  const suffix = localSuffix ? "(?:\\.local(?![\\p{L}\\p{N}-])\\.?)?" : "";
  const source = before + escapeRegExp(value) + after + suffix;
  return regexStep(source, caseInsensitive ? "giu" : "gu", placeholder, value, placeholder);
}

// ---------------------------------------------------------------------------------------------
// Context steps (known values), built per call.

function isKind(kind: unknown): kind is IdentifierKind {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(PLACEHOLDERS, kind);
}

/** Free-text names are matched with their exact case; host-like values case-insensitively. */
const EXACT_CASE_KINDS = new Set<IdentifierKind>(["wifi", "vpn", "user"]);

/** `Jane’s MacBook Pro` → also `Jane's MacBook Pro`, `Jane’s MacBook Pro`, `Janes-MacBook-Pro` (LocalHostName). */
function computerVariants(name: string): string[] {
  const variants = [name, name.replace(/[’‘]/g, "'"), name.replace(/'/g, "’")];
  const host = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘'`]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  variants.push(host);
  return variants;
}

interface Known {
  value: string;
  placeholder: string;
  caseInsensitive: boolean;
  localSuffix: boolean;
}

function contextSteps(context: RedactionContext | undefined): { known: Step[]; users: Step[] } {
  const known: Known[] = [];
  const userNames: string[] = [];
  const add = (raw: unknown, kind: unknown) => {
    if (typeof raw !== "string") return;
    const value = raw.trim();
    if (!isUsable(value)) return;
    if (!isKind(kind)) {
      // Unknown kind from untyped callers: still hide it.
      known.push({ value, placeholder: P.domain, caseInsensitive: true, localSuffix: false });
      return;
    }
    if (kind === "user") {
      userNames.push(value);
      return;
    }
    if (kind === "computer") {
      for (const variant of computerVariants(value)) {
        if (isUsable(variant))
          known.push({ value: variant, placeholder: P.computer, caseInsensitive: true, localSuffix: true });
      }
      return;
    }
    known.push({ value, placeholder: P[kind], caseInsensitive: !EXACT_CASE_KINDS.has(kind), localSuffix: false });
  };

  const identifiers = context && Array.isArray(context.identifiers) ? context.identifiers : [];
  for (const identifier of identifiers) {
    if (identifier && typeof identifier === "object") add(identifier.value, identifier.kind);
  }
  if (context) {
    add(context.computerName, "computer");
    add(context.userName, "user");
  }

  // Longest first; dedupe.
  const seen = new Set<string>();
  const steps: Step[] = [];
  known.sort((a, b) => b.value.length - a.value.length);
  for (const k of known) {
    const key = `${k.caseInsensitive ? k.value.toLowerCase() : k.value}\u0000${k.placeholder}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push(valueStep(k.value, k.placeholder, k.caseInsensitive, k.localSuffix));
  }

  const home = context && typeof context.homeDir === "string" ? context.homeDir.trim().replace(/\/+$/, "") : "";
  const slash = home.lastIndexOf("/");
  const base = home.slice(slash + 1);
  if (home.length >= MIN_VALUE_LENGTH && slash >= 0 && base && !SYSTEM_USERS.has(base.toLowerCase())) {
    const hidden = `${home.slice(0, slash + 1)}${P.user}`;
    const source = `${escapeRegExp(home)}(?![\\p{L}\\p{N}._-])`;
    steps.push(regexStep(source, "giu", (m) => `${m.slice(0, m.lastIndexOf("/") + 1)}${P.user}`, home, hidden));
  }

  // User names: whole word, exact case, after the patterns (paths are handled by the /Users/ pattern).
  const users: Step[] = [];
  const seenUsers = new Set<string>();
  userNames.sort((a, b) => b.length - a.length);
  for (const name of userNames) {
    if (seenUsers.has(name) || SYSTEM_USERS.has(name.toLowerCase())) continue;
    seenUsers.add(name);
    const source = `(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`;
    users.push(regexStep(source, "gu", P.user, name, P.user));
  }
  return { known: steps, users };
}

// ---------------------------------------------------------------------------------------------
// Labelled values: `<label><separator><value>`; only the value is replaced.

/** `: `, ` = `, `" : "`, `=>`, or a plist `</key> <string>` / `<integer>`. */
const SEP = String.raw`(["']?[ \t]*(?:=>|[:=])[ \t]*|<\/key>\s*<(?:string|integer)>)`;
/** A single token (stops at white space, quotes, markup and list punctuation), or a quoted string. */
const TOKEN = String.raw`("[^"\r\n]*"|'[^'\r\n]*'|[^\s"'<>,;&)\]}]+)`;
/** A quoted string, or the rest of the line. */
const LINE = String.raw`("[^"\r\n]*"|[^\r\n]*)`;

function unquote(raw: string): { pre: string; value: string; post: string } {
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    return { pre: raw[0], value: raw.slice(1, -1), post: raw[0] };
  }
  return { pre: "", value: raw, post: "" };
}

function labelled(
  label: string,
  mode: "token" | "line",
  accept: (value: string) => boolean,
  render: (value: string) => string,
): Step {
  const re = new RegExp(`(${label})${SEP}${mode === "token" ? TOKEN : LINE}`, "gi");
  const replace: Replacer = (match, lab = "", sep = "", raw = "") => {
    const quoted = unquote(raw);
    const pre = quoted.pre;
    let { value, post } = quoted;
    if (mode === "line" && !pre) {
      if (sep.startsWith("</")) {
        const lt = value.indexOf("<");
        if (lt >= 0) {
          post = value.slice(lt);
          value = value.slice(0, lt);
        }
      }
      const trimmed = value.replace(/\s+$/, "");
      post = value.slice(trimmed.length) + post;
      value = trimmed;
    }
    // A value names something: it has a letter, digit or symbol (emoji), not just punctuation.
    if (!/[\p{L}\p{N}\p{S}]/u.test(value) || EMPTY_VALUES.has(value.toLowerCase()) || !accept(value)) return match;
    return `${lab}${sep}${pre}${render(value)}${post}`;
  };
  return { re, replace };
}

const always = () => true;
const to = (placeholder: string) => () => placeholder;

/** Proxy values: `host`, `host:port`, `http://user:pw@host:port/path`. */
const PROXY_VALUE = /^([a-z][a-z0-9+.-]*:\/\/)?([^@/\s]*@)?(\[[^\]/\s]*\]|[^:/?#@\s]+)(.*)$/is;

function parseProxy(value: string): { scheme: string; userinfo: string; host: string; rest: string } | null {
  const m = PROXY_VALUE.exec(value);
  if (!m) return null;
  const [, scheme = "", userinfo = "", host = "", rest = ""] = m;
  // `http://` with nothing after it must not turn `http` into the host.
  if (!scheme && value.includes("://")) return null;
  if (!/[\p{L}\p{N}]/u.test(host)) return null;
  return { scheme, userinfo, host, rest };
}

function acceptProxy(value: string): boolean {
  const proxy = parseProxy(value);
  return proxy !== null && (proxy.userinfo !== "" || !isKeepValue(proxy.host.replace(/^\[|\]$/g, "")));
}

/** Hides the host (loopback stays) and any credentials; keeps scheme, port and path. */
function renderProxy(value: string): string {
  const proxy = parseProxy(value);
  if (!proxy) return P["proxy-host"];
  const keepHost = isKeepValue(proxy.host.replace(/^\[|\]$/g, ""));
  const userinfo = proxy.userinfo ? `${CREDENTIALS}@` : "";
  return `${proxy.scheme}${userinfo}${keepHost ? proxy.host : P["proxy-host"]}${proxy.rest}`;
}

/**
 * User info in any URL, first of all steps: a known proxy host replaced first would split
 * `http://bob:s3cret@proxy` into pieces no later step recognises. Up to the last `@` before the
 * host (a password may hold an unencoded `@`).
 */
const CREDENTIALS_STEP: Step = {
  re: /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@[\]]*(?:@[^\s/?#@[\]]*)*@(?=[^\s/?#@]|\[)/gi,
  replace: (_m, scheme = "") => `${scheme}${CREDENTIALS}@`,
};

const LABELLED_STEPS: Step[] = [
  // Alternate DSIDs are opaque strings (`001234-05-…`).
  labelled(String.raw`alt(?:ernate)?[ _-]?dsid`, "token", (v) => /^[A-Za-z0-9._-]{6,}$/.test(v), to(P.dsid)),
  // dsid=…, "dsid": …, AccountDSID = …;, <key>AccountDSID</key><string>…, prsId=…, personID: …
  labelled(String.raw`dsid|prs_?id|person_?id`, "token", (v) => /^\d{4,}$/.test(v), to(P.dsid)),
  // Serial numbers, only when labelled (build numbers like 24G517 and model ids like Mac16,8 stay).
  labelled(
    String.raw`IOPlatformSerialNumber|(?<![A-Za-z])sn|serial[ _-]?(?:number|no\.?|#)?(?:[ \t]*\([^)\r\n]{0,30}\))?`,
    "token",
    (v) => /^[A-Z0-9]{8,14}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v),
    to(P.serial),
  ),
  // Wi-Fi names: `Current Wi-Fi Network: X`, `SSID : X` (not BSSID), `"ssid":"X"`, Aruba's captive-portal `essid=X`.
  labelled(
    String.raw`(?<![A-Za-z])(?:(?:Current[ \t]+)?(?:Wi-?Fi|AirPort)[ \t]+Network(?:[ \t]+Name)?|E?SSID(?:_STR)?)`,
    "line",
    always,
    to(P.wifi),
  ),
  labelled(String.raw`(?<![A-Za-z])(?:Computer[ _-]?Name|Local[ _-]?Host[ _-]?Name)`, "line", always, to(P.computer)),
  labelled(String.raw`(?<![A-Za-z])(?:User|Full|Real|Display|First|Last|Short)[ _-]?Name`, "line", always, to(P.user)),
  // Proxies: scutil --proxy keys, *_proxy variables, PAC / WPAD URLs.
  labelled(
    String.raw`(?<![A-Za-z])(?:(?:HTTPS?|SOCKS|FTP|Gopher|RTSP)Proxy|(?:https?|ftp|all|socks5?)_proxy|ProxyAutoConfigURLString|WPAD(?:URL)?)`,
    "token",
    acceptProxy,
    renderProxy,
  ),
  // MACs without separators (Extreme's `bssid=00026fe9b568`) or Cisco-dotted (`a483.e712.3456`), as captive-portal
  // redirects send them: only when labelled, since 12 hex digits alone could be anything.
  labelled(
    String.raw`(?<![A-Za-z])(?:bssid|ap|(?:client|ap|node|sta|station)?[ _-]?mac(?:[ _-]?addr(?:ess)?)?)`,
    "token",
    (v) => /^(?:[0-9a-f]{12}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/i.test(v),
    to(P.mac),
  ),
  // An Apple Account that is a phone number: appleID=+15551234567.
  labelled(String.raw`(?<![A-Za-z])apple[ _-]?id`, "token", (v) => /^\+?\d[\d().-]{6,}$/.test(v), to(P.email)),
];

// ---------------------------------------------------------------------------------------------
// Patterns

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const PRIVATE_V4_PREFIX = String.raw`(?:10\.${OCTET}|172\.(?:1[6-9]|2\d|3[01])|192\.168|169\.254|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7]))`;

const PATTERN_STEPS: Step[] = [
  // `scutil --nc list` rows: the quoted, user-chosen service name.
  {
    re: /^([* ] \(\w+\)[ \t]+\S+[ \t]+[^"\r\n]*)"([^\r\n]*)"([ \t]+\[[^\]\r\n]+\][ \t]*)$/gm,
    replace: (_m, head = "", _name, tail = "") => `${head}"${P.vpn}"${tail}`,
  },
  ...LABELLED_STEPS,
  // Digit runs of 8+ shortly after a DSID-ish label on the same line ("DSID for account is 12345678").
  {
    re: /(dsid|prs_?id|person_?id)([^\d\r\n]{0,24}?)(\d{8,})/gi,
    replace: (_m, label = "", gap = "") => `${label}${gap}${P.dsid}`,
  },
  // iCloud service URLs carry the DSID as the first path component.
  { re: /(?<=\.icloud\.com(?:\.cn)?(?::\d{1,5})?\/)\d{6,}(?![\w-])/gi, replace: P.dsid },
  { re: /(?<=(?<![A-Za-z0-9-])(?:[A-Za-z0-9-]+\.)*(?:me|mac)\.com(?::\d{1,5})?\/)\d{6,}(?![\w-])/gi, replace: P.dsid },
  // Email addresses, also URL-encoded; non-ASCII local parts and domains (IDN, punycode TLDs), and
  // the full-width @ and dots of East Asian input methods.
  {
    re: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}\p{M}._%+-]+[@\uFF20](?:[\p{L}\p{N}\p{M}-]+[.\uFF0E\u3002])+(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)/giu,
    replace: P.email,
  },
  { re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._+-]+%40(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/gi, replace: P.email },
  // Back to My Mac / pdns domains embed the account number: 166534133.members.btmm.icloud.com
  {
    re: /(?<![A-Za-z0-9_.-])(?:[A-Za-z0-9-]+\.)*?(?:\d+\.members\.[A-Za-z0-9.-]*[A-Za-z0-9]|[A-Za-z0-9-]+\.members\.btmm\.icloud\.com)\.?/gi,
    replace: P.domain,
  },
  // Computer names without context: "Jane’s MacBook Pro", "Janes-MacBook-Pro(.local|.fritz.box)", "x.local".
  {
    re: /(?<![\p{L}\p{N}._-])[\p{L}\p{N}][\p{L}\p{N}._-]{0,40}[’']s[ \u00a0](?:MacBook(?: Pro| Air)?|iMac(?: Pro)?|Mac mini|Mac Pro|Mac Studio|Mac)(?![\p{L}\p{N}])/gu,
    replace: P.computer,
  },
  {
    re: /(?<![A-Za-z0-9_.-])[A-Za-z0-9][A-Za-z0-9-]*?-(?:MacBook-Pro|MacBook-Air|MacBook|iMac-Pro|iMac|Mac-mini|Mac-Pro|Mac-Studio)(?![A-Za-z])(?:-\d+)?(?:\.[A-Za-z0-9-]+)*\.?/gi,
    replace: P.computer,
  },
  {
    re: /(?<![A-Za-z0-9_.-])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*?\.(?:local|lan|home(?:\.arpa)?)(?![A-Za-z0-9-])\.?/gi,
    replace: P.computer,
  },
  // UUIDs (any case) and Apple Silicon UDIDs (8-16 hex).
  { re: /(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])/g, replace: P.uuid },
  { re: /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}(?![0-9A-Fa-f])/g, replace: P.uuid },
  // EUI-64 IPv6 addresses of any scope: the interface id (`…a683:e7ff:fe12:3456`) is the MAC.
  {
    re: /(?<![0-9A-Za-z:])(?:[0-9a-f]{1,4}:{1,2}){1,6}[0-9a-f]{0,2}ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}(?![0-9a-f:])(?:%[0-9a-z]+)?/gi,
    replace: P.ip,
  },
  // IPv6 link-local fe80::/10 (with %scope) and ULA fc00::/7. Needs two colons and a final hex group,
  // so times (10:42:07), MACs and range notation (fe80::/10) are not matched.
  {
    re: /(?<![0-9A-Za-z:])(?:fe[89ab][0-9a-f]|f[cd][0-9a-f]{2}):(?:[0-9a-f]{0,4}:)+[0-9a-f]{1,4}(?![0-9a-f])(?!:[0-9a-f])(?:%[0-9a-z]+)?/gi,
    replace: P.ip,
  },
  // MACs: aa:bb:cc:dd:ee:ff, a:b:c:d:e:f (arp drops leading zeros), aa-bb-cc-dd-ee-ff. Not inside longer
  // colon sequences (IPv6), not after `::`.
  {
    re: /(?<![0-9a-f])(?<!::)(?<!\b[0-9a-f]{1,4}:)[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}(?![0-9a-f])(?!:[0-9a-f])/gi,
    replace: P.mac,
  },
  { re: /(?<![0-9A-Za-z-])[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}(?![0-9A-Za-z]|-[0-9A-Za-z])/g, replace: P.mac },
  // Private, link-local and CGNAT IPv4 (not version strings with more dotted parts; loopback stays).
  { re: new RegExp(String.raw`(?<![\d.])${PRIVATE_V4_PREFIX}\.${OCTET}\.${OCTET}(?!\.?\d)`, "g"), replace: P.ip },
  // A user name after the word `user` in command output (`socketfilterfw` prints `user jane`): a
  // lower-case login name, not one of the words that follow "user" in prose.
  {
    re: new RegExp(
      String.raw`(?<![A-Za-z])(user[ \t]+)(?!(?:${USER_PROSE_WORDS.join("|")})(?![a-z0-9._-]))([a-z_][a-z0-9._-]{1,31})(?![\p{L}\p{N}@])`,
      "gu",
    ),
    replace: (m, lead = "", name = "") => (SYSTEM_USERS.has(name.toLowerCase()) ? m : `${lead}${P.user}`),
  },
  // Home folders: /Users/jane/… → /Users/[user]/… (/Users/Shared stays).
  {
    re: /\/Users\/(?!Shared(?![^/\s"'<>:;,|)\]]))[^/\s"'<>:;,|*?()[\]]+/g,
    replace: `/Users/${P.user}`,
  },
];

// ---------------------------------------------------------------------------------------------

/** Replaces identifiers in `text` by placeholders. Pure, idempotent, never throws. */
export function redact(text: string, context?: RedactionContext): string {
  try {
    const input = typeof text === "string" ? text : text == null ? "" : String(text);
    if (input === "") return "";
    let ctx: { known: Step[]; users: Step[] };
    try {
      ctx = contextSteps(context);
    } catch {
      ctx = { known: [], users: [] };
    }
    const steps = [CREDENTIALS_STEP, ...ctx.known, ...PATTERN_STEPS, ...ctx.users];
    let current = input.includes("%") ? redactEncoded(input, steps) : input;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const next = runPass(current, steps);
      if (next === current) return next;
      current = next;
    }
    return current;
  } catch {
    return REDACTION_FAILED;
  }
}

// ---------------------------------------------------------------------------------------------
// Percent-encodings (network-controlled text such as a Wi-Fi login page's Location header): each
// token holding `%XX` is decoded (twice-encoded too) and redacted as decoded; where that hid
// something, the decoded, redacted form replaces the encoded one, so the report shows the
// placeholder instead of an identifier in a form no pattern reads.

const ENCODED_TOKEN = /[^\s]*%[0-9A-Fa-f]{2}[^\s]*/g;
/** Encodings of white space and control characters stay encoded: decoding them would split the token. */
const KEEP_ENCODED = /^%(?:[01][0-9A-Fa-f]|20|7[Ff])$/;

function decodeOnce(token: string): string {
  return token.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let out = "";
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
    for (let i = 0; i < bytes.length;) {
      if (KEEP_ENCODED.test(bytes[i])) {
        out += bytes[i++];
        continue;
      }
      // The longest valid UTF-8 sequence from here (1-4 bytes), else the byte as it was.
      let taken = 0;
      for (let n = Math.min(4, bytes.length - i); n >= 1 && !taken; n--) {
        try {
          out += decodeURIComponent(bytes.slice(i, i + n).join(""));
          taken = n;
        } catch {
          // shorter
        }
      }
      if (!taken) out += bytes[i];
      i += taken || 1;
    }
    return out;
  });
}

function redactEncoded(text: string, steps: Step[]): string {
  return text.replace(ENCODED_TOKEN, (token) => {
    let decoded = token;
    for (let round = 0; round < 3; round++) {
      const next = decodeOnce(decoded);
      if (next === decoded) break;
      decoded = next;
    }
    if (decoded === token) return token;
    const redacted = runPass(runPass(decoded, steps), steps);
    return redacted === decoded ? token : redacted;
  });
}

/** All identifiers the findings reported, flattened, first occurrence of each value kept. */
export function collectIdentifiers(findings: { identifiers?: Identifier[] }[]): Identifier[] {
  const out: Identifier[] = [];
  try {
    const seen = new Set<string>();
    for (const finding of Array.isArray(findings) ? findings : []) {
      const list = finding && Array.isArray(finding.identifiers) ? finding.identifiers : [];
      for (const identifier of list) {
        if (!identifier || typeof identifier.value !== "string" || identifier.value === "") continue;
        if (seen.has(identifier.value)) continue;
        seen.add(identifier.value);
        out.push({ value: identifier.value, kind: identifier.kind });
      }
    }
  } catch {
    // Malformed input: return what was collected.
  }
  return out;
}

import {
  CREDENTIALS,
  EMPTY_VALUES,
  P,
  SYSTEM_USERS,
  USER_PROSE_WORDS,
  isKeepValue,
  type Replacer,
  type Step,
} from "./redact-steps";

// The fixed redaction steps: credentials in URLs, labelled values (`<label>: <value>`) and
// the patterns that need no context (emails, DSIDs, UUIDs, MACs, private addresses, paths).

// ---------------------------------------------------------------------------------------------
// Labelled values: `<label><separator><value>`; only the value is replaced.

/** `: `, ` = `, `" : "`, `=>`, or a plist `</key> <string>` / `<integer>`. */
const SEP = String.raw`(["']?[ \t]*(?:=>|[:=])[ \t]*|<\/key>\s*<(?:string|integer)>)`;
/**
 * A single token (stops at white space, quotes, markup and list punctuation), or a quoted string.
 * A bracketed part (an IPv6 proxy `[2001:db8::5]:3128`) is one piece: stopping at its `]` would
 * leave the rest of the address after the placeholder. Bounded, so a run of `[` stays linear.
 */
const TOKEN = String.raw`("[^"\r\n]*"|'[^'\r\n]*'|(?:\[[^\]\s"'<>]{0,64}\]|[^\s"'<>,;&)\]}])+)`;
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
  const replace: Replacer = (match, lab, sep, raw) => {
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

/** A bare IPv6 address (scutil shows an IPv6 proxy unbracketed): all of it is the host. */
const BARE_IPV6 = /^[0-9a-f]{0,4}:[0-9a-f]{0,4}:[0-9a-f:.]*(?:%[0-9a-z]+)?$/i;

function parseProxy(value: string): { scheme: string; userinfo: string; host: string; rest: string } | null {
  if (BARE_IPV6.test(value)) return { scheme: "", userinfo: "", host: value, rest: "" };
  const m = PROXY_VALUE.exec(value);
  if (!m) return null;
  const [, scheme = "", userinfo = "", host, rest] = m;
  // `http://` with nothing after it must not turn `http` into the host.
  if (!scheme && value.includes("://")) return null;
  if (!/[\p{L}\p{N}]/u.test(host)) return null;
  return { scheme, userinfo, host, rest };
}

/** Any proxy value with a host: a loopback host without credentials renders as it was. */
function acceptProxy(value: string): boolean {
  return parseProxy(value) !== null;
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
export const CREDENTIALS_STEP: Step = {
  re: /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@[\]]*(?:@[^\s/?#@[\]]*)*@(?=[^\s/?#@]|\[)/gi,
  replace: (_m, scheme) => `${scheme}${CREDENTIALS}@`,
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

export const PATTERN_STEPS: Step[] = [
  // `scutil --nc list` rows: the quoted, user-chosen service name.
  {
    re: /^([* ] \(\w+\)[ \t]+\S+[ \t]+[^"\r\n]*)"([^\r\n]*)"([ \t]+\[[^\]\r\n]+\][ \t]*)$/gm,
    replace: (_m, head, _name, tail) => `${head}"${P.vpn}"${tail}`,
  },
  ...LABELLED_STEPS,
  // Digit runs of 8+ shortly after a DSID-ish label on the same line ("DSID for account is 12345678").
  {
    re: /(dsid|prs_?id|person_?id)([^\d\r\n]{0,24}?)(\d{8,})/gi,
    replace: (_m, label, gap) => `${label}${gap}${P.dsid}`,
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
    replace: (m, lead, name) => (SYSTEM_USERS.has(name.toLowerCase()) ? m : `${lead}${P.user}`),
  },
  // Home folders: /Users/jane/… → /Users/[user]/… (/Users/Shared stays).
  {
    re: /\/Users\/(?!Shared(?![^/\s"'<>:;,|)\]]))[^/\s"'<>:;,|*?()[\]]+/g,
    replace: `/Users/${P.user}`,
  },
];

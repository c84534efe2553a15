import type { Identifier, IdentifierKind } from "./types";
import {
  MAX_PASSES,
  MIN_VALUE_LENGTH,
  P,
  PLACEHOLDERS,
  REDACTION_FAILED,
  SYSTEM_USERS,
  escapeRegExp,
  isUsable,
  regexStep,
  runPass,
  valueStep,
  type Step,
} from "./redact-steps";
import { CREDENTIALS_STEP, PATTERN_STEPS } from "./redact-patterns";

export { CREDENTIALS, PLACEHOLDERS, USER_PROSE_WORDS } from "./redact-steps";

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
    // One entry that can't be read (an untyped caller's getter that throws) skips that entry only:
    // failing the whole context would leave every known value after it unredacted.
    try {
      if (identifier && typeof identifier === "object") add(identifier.value, identifier.kind);
    } catch {
      // skipped
    }
  }
  if (context) {
    add(context.computerName, "computer");
    add(context.userName, "user");
  }

  // A URL writes a value's spaces as %20 or + (a login page's address holding the Wi-Fi name), and
  // the decoding step keeps %20 encoded, so such a value is looked for in those spellings too
  // (a value without spaces comes out the same, and the dedupe below drops the copy).
  for (const k of [...known]) {
    for (const space of ["%20", "+"]) known.push({ ...k, value: k.value.replaceAll(" ", space) });
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
/**
 * A run of encoded bytes to decode. Encodings of white space and control characters are no part of
 * one and stay encoded: decoding them would split the token (a `%0A` after `%2F` too).
 */
const DECODABLE_RUN = /(?:%(?![01][0-9A-Fa-f]|20|7[Ff])[0-9A-Fa-f]{2})+/g;

function decodeOnce(token: string): string {
  return token.replace(DECODABLE_RUN, (run) => {
    let out = "";
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
    for (let i = 0; i < bytes.length;) {
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
      let list: Identifier[] = [];
      try {
        if (finding && Array.isArray(finding.identifiers)) list = finding.identifiers;
      } catch {
        // A finding that can't be read: skip it, keep the ones after it.
      }
      for (const identifier of list) {
        try {
          const value: unknown = identifier?.value;
          if (typeof value !== "string" || value === "" || seen.has(value)) continue;
          seen.add(value);
          out.push({ value, kind: identifier.kind });
        } catch {
          // An entry that can't be read: skip it, keep the ones after it.
        }
      }
    }
  } catch {
    // Malformed input: return what was collected.
  }
  return out;
}

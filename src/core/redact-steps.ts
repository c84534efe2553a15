import type { IdentifierKind } from "./types";

// The machinery under redaction: placeholders, the step type, the segment runner that never
// touches a placeholder twice, and the helpers that build steps. The steps themselves live in
// redact-patterns.ts (fixed patterns) and redact.ts (values known for this report).

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

export const P = PLACEHOLDERS;

/** User info in a URL (`scheme://user:password@`): not an identifier kind of its own, always hidden. */
export const CREDENTIALS = "[credentials]";

/** What `redact` returns if something unforeseen (e.g. out of memory) goes wrong: never the raw text. */
export const REDACTION_FAILED = "[redaction failed]";

/** A fixpoint is normally reached after one pass (two with the confirming pass). */
export const MAX_PASSES = 8;

/** Values shorter than this are ignored: replacing them would wreck the text. */
export const MIN_VALUE_LENGTH = 3;

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
export const SYSTEM_USERS = new Set(["root", "daemon", "nobody", "admin", "administrator", "user", "guest", "shared"]);

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
export const EMPTY_VALUES = new Set([
  "<redacted>",
  "<private>",
  "(null)",
  "null",
  "nil",
  "none",
  "n/a",
  "unknown",
  "-",
]);

/** Every step's capture groups take part in each match, so they are always strings. */
export type Replacer = (match: string, ...groups: string[]) => string;
/** A regex replacement, or (for values too long or odd for a regex) a literal one. */
export type Step = { re: RegExp; replace: string | Replacer } | { literal: string; replace: string };

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

export function runPass(text: string, steps: Step[]): string {
  let parts = text.split(PLACEHOLDER_SPLIT);
  for (const step of steps) parts = applyStep(parts, step);
  return parts.join("");
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function escapeRegExp(value: string): string {
  // Only syntax characters: valid with and without the `u` flag.
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function alnumCount(value: string): number {
  return (value.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

export function isKeepValue(value: string): boolean {
  const v = value.toLowerCase();
  return KEEP_VALUES.has(v) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v);
}

export function isUsable(value: string): boolean {
  return value.length >= MIN_VALUE_LENGTH && alnumCount(value) >= 2 && !isKeepValue(value);
}

/** A regex step, or a literal one if the pattern is too long or cannot be compiled. */
export function regexStep(
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
export function valueStep(value: string, placeholder: string, caseInsensitive: boolean, localSuffix: boolean): Step {
  const before = /^[\p{L}\p{N}]/u.test(value) ? "(?<![\\p{L}\\p{N}])" : "";
  const after = /[\p{L}\p{N}]$/u.test(value) ? "(?![\\p{L}\\p{N}])" : "";
  const suffix = localSuffix ? "(?:\\.local(?![\\p{L}\\p{N}-])\\.?)?" : "";
  const source = before + escapeRegExp(value) + after + suffix;
  return regexStep(source, caseInsensitive ? "giu" : "gu", placeholder, value, placeholder);
}

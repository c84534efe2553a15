// Text from outside (a feed, a web page, a command's output, a recording) is
// untrusted: it can carry terminal escape sequences (OSC 52 writes the
// clipboard, OSC 8 makes links, CSI recolours or rewrites the screen), bare
// control characters, and bidirectional overrides that make a line read
// differently from what it holds. One function removes them all, applied
// where outside text enters the findings and the status feed, so no printer
// (terminal, Alfred JSON, a Raycast view, a report) has to remember to.

/** ESC-introduced sequences: CSI (`ESC [` … final byte), OSC / DCS / SOS / PM / APC (… BEL or ST), and two-byte escapes. */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u0020-\u002f]*[\u0030-\u007e]?)/g;
/** The same introduced by their 8-bit C1 forms (CSI U+009B, OSC U+009D, DCS U+0090 …). */
const C1_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
/**
 * C0 controls but tab, DEL, C1 controls; bidi marks, embeddings, overrides and isolates; line and
 * paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** A run of them with the spaces around it: one space in its place (none at either end). */
const CONTROL_RUN = new RegExp(`[ ]*(?:${CONTROL.source})+[ ]*`, "g");
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * One line of outside text made safe to show anywhere: escape sequences removed, every other
 * control character (newlines too; tabs stay) turned into a space, one for a run of them.
 * Never throws; a non-string gives "".
 */
export function cleanLine(text: unknown): string {
  if (typeof text !== "string") return "";
  if (!ANY_CONTROL.test(text)) return text;
  return text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(C1_SEQUENCE, "")
    .replace(CONTROL_RUN, (run, at: number, whole: string) =>
      at === 0 || at + run.length === whole.length ? "" : " ",
    );
}

/** Several lines of outside text: each line cleaned, the line breaks kept. */
export function cleanLines(text: unknown): string[] {
  if (typeof text !== "string") return [];
  return text.split(/\r\n|\r|\n/).map(cleanLine);
}

/** Every string in a parsed structure (a probe's `data`) cleaned; other values as they are. */
export function cleanDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return cleanLine(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // Dates and the like
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v, depth + 1)]));
}

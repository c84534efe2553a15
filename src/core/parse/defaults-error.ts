// What `defaults` said when it failed. It reports through NSLog, so stderr
// starts with a header line of its own (`2023-11-10 20:58:08.277
// defaults[11951:419861] `, trailing space included) and the message comes on
// the next line: `Domain MobileMeAccounts does not exist`, or for a delete
// `Domain (MobileMeAccounts) not found.` then `Defaults have not been changed.`
// Reading the first line quotes a timestamp; these helpers skip the headers.

/** An NSLog header with nothing after it (the message is on the next line). */
const BARE_HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.,]\d+ \S+\[\d+(?::[0-9a-f]+)?\]\s*$/i;
/** The same header with the message on its own line (older systems, other tools). */
const INLINE_HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.,]\d+ \S+\[\d+(?::[0-9a-f]+)?\] +/i;

// The runner caps every detail line at 1,000 characters (MAX_DETAIL_CHARS): this cap only
// keeps a runaway stderr from being joined whole, and must not cut evidence sooner.
const MAX = 1000;

/** The message lines of `defaults` stderr (or stdout), headers and blank lines removed. */
export function defaultsMessageLines(stderr: string, stdout = ""): string[] {
  const text = typeof stderr === "string" && stderr.trim() ? stderr : typeof stdout === "string" ? stdout : "";
  return text
    .split(/\r?\n/)
    .filter((line) => !BARE_HEADER.test(line))
    .map((line) => line.replace(INLINE_HEADER, "").trim())
    .filter((line) => line !== "");
}

/** One line for a person: the message, never the NSLog header. Empty when nothing was said. */
export function defaultsMessage(stderr: string, stdout = ""): string {
  const lines = defaultsMessageLines(stderr, stdout);
  return (lines[0] ?? "").slice(0, MAX);
}

/** The whole message on one line (a delete says two things: what and that nothing changed). */
export function defaultsMessageText(stderr: string, stdout = ""): string {
  return defaultsMessageLines(stderr, stdout).join(" ").slice(0, MAX);
}

/**
 * The domain (or the key in it) doesn't exist: `read`/`export` say "Domain X
 * does not exist" or "The domain/default pair of (X, key) does not exist",
 * `delete` says "Domain (X) not found.". Matched anywhere in the output, since
 * the line it sits on depends on the headers.
 */
export function isMissingDomain(stderr: string, stdout = ""): boolean {
  const text = `${typeof stderr === "string" ? stderr : ""}\n${typeof stdout === "string" ? stdout : ""}`;
  return /\bdoes not exist\b|\bnot found\b|\bno such (?:domain|file)\b/i.test(text);
}

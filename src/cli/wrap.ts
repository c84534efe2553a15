// Wrapping for terminal output: whole words only, measured without colour
// codes, with a hanging indent so a wrapped line reads as one item.

// Colour codes take no columns. (ESC is the point of this pattern.)
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (text: string) => text.replace(ANSI, "").length;

/** The width to wrap at: the terminal's (one column spare), else 100; never under 40. */
export function wrapWidth(columns: number | undefined): number {
  return columns && columns > 0 ? Math.max(40, Math.min(columns - 1, 100)) : 100;
}

/**
 * Wraps `text` (which may start with its own indent and carry colour codes)
 * at `width`; continuation lines start with `hang`. A word longer than a
 * line (or a `quoted command`) stays whole on its own line.
 */
export function wrapLine(text: string, width: number | undefined, hang: string): string[] {
  if (!width || visible(text) <= width) return [text];
  const lead = /^\s*/.exec(text)![0];
  // A `command in backticks` is one word: half a command on each line can't be copied.
  const words = text.slice(lead.length).match(/`[^`]*`\S*|\S+/g) ?? [""];
  const lines: string[] = [];
  let line = lead + words[0];
  for (const word of words.slice(1)) {
    if (visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = hang + word;
    } else line += " " + word;
  }
  lines.push(line);
  return lines;
}

/** `wrapLine` over several lines, joined back with newlines. */
export function wrapLines(lines: string[], width: number | undefined, hang: (line: string) => string): string {
  return lines.flatMap((l) => l.split("\n").flatMap((part) => wrapLine(part, width, hang(part)))).join("\n");
}

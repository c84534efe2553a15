import { describe, expect, it } from "vitest";
import { cleanDeep, cleanLine, cleanLines } from "../src/core/sanitize";
import { escapeMarkdown } from "../src/core/report";

// The one function outside text passes through (issue 12, item 10), and the
// Markdown escaping of the report (item 11).

describe("cleanLine", () => {
  it.each([
    ["OSC 52 (clipboard write), BEL-terminated", "a\u001b]52;c;ZWNobw==\u0007b", "ab"],
    ["OSC 8 link, ST-terminated", "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\", "click"],
    ["CSI colour", "\u001b[31;1mred\u001b[0m", "red"],
    ["CSI cursor movement and erase", "x\u001b[2J\u001b[1;1Hy", "xy"],
    ["8-bit CSI", "x\u009b2Jy", "xy"],
    ["8-bit OSC", "x\u009d52;c;AAAA\u009cy", "xy"],
    ["a two-byte escape (ESC c resets the terminal)", "x\u001bcy", "xy"],
    ["a lone ESC at the end", "x\u001b", "x"],
    ["newlines and carriage returns", "one\r\ntwo\nthree", "one two three"],
    ["NUL, BEL, backspace, DEL", "a\u0000b\u0007c\u0008d\u007fe", "a b c d e"],
    ["bidi overrides", "abc\u202edcba\u2066x\u2069", "abc dcba x"],
    ["a line separator", "a\u2028b", "a b"],
  ])("%s", (_what, input, output) => {
    expect(cleanLine(input)).toBe(output);
  });

  it("keeps ordinary text, tabs and non-ASCII as they are; never throws", () => {
    expect(cleanLine("Jane’s MacBook Pro\tüber 中文")).toBe("Jane’s MacBook Pro\tüber 中文");
    expect(cleanLine(undefined)).toBe("");
    expect(cleanLines("a\n\u001b[1mb")).toEqual(["a", "b"]);
    expect(cleanDeep({ a: ["x\u001b[1m"], b: 1, c: null })).toEqual({ a: ["x"], b: 1, c: null });
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["an image", "![t](https://evil.example/t.png)", "!\\[t\\](https\\://evil.example/t.png)"],
    ["raw HTML", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"],
    ["a bare www link", "see www.evil.example", "see www\\.evil.example"],
    ["code and bold", "`x` **y**", "\\`x\\` \\*\\*y\\*\\*"],
    ["a placeholder stays readable", "Signed in as [email]", "Signed in as [email]"],
    ["a placeholder that could become a link text does not", "[email](https://evil)", "\\[email\\](https\\://evil)"],
  ])("%s", (_what, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

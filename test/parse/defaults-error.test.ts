import { describe, expect, it } from "vitest";
import {
  defaultsMessage,
  defaultsMessageLines,
  defaultsMessageText,
  isMissingDomain,
} from "../../src/core/parse/defaults-error";

// `defaults` errors as real Macs print them (NSLog header line, then the
// message). Each string is copied from a public transcript named beside it;
// test/fixtures/README.md lists the sources.

// 0xmachos/mOSL issue #24 (macOS 10.14/10.15, 2019): read of a missing key.
const PAIR_MISSING =
  "2019-09-01 12:04:08.950 defaults[736:8108] \nThe domain/default pair of (/Users/0xmachos/Library/Containers/com.apple.Safari/Data/Library/Preferences/com.apple.Safari, AutoOpenSafeDownloads) does not exist\n";
// lionheart/openradar-mirror #5581 (rdar 12516545, OS X 10.8): read of a missing domain.
const DOMAIN_MISSING =
  "2012-10-17 11:51:42.335 defaults[24381:707] \nDomain /var/tmp/あいうえお/Contents/Info does not exist\n";
// adrw/.files issue #65 (2019): the message on the header's own line.
const INLINE =
  "2019-06-19 14:00:54.085 defaults[26485:69742] Could not write domain com.apple.universalaccess; exiting\n";
// REFERENCE.md k: `defaults delete` of a missing domain says two lines after the header.
const DELETE_MISSING =
  "2023-11-10 20:58:08.277 defaults[11951:419861] \nDomain (MobileMeAccounts) not found.\nDefaults have not been changed.\n";

describe("defaults errors (NSLog)", () => {
  it("reads the message past the timestamp header, never the header", () => {
    expect(defaultsMessage(PAIR_MISSING)).toMatch(
      /^The domain\/default pair of \(.*AutoOpenSafeDownloads\) does not exist$/,
    );
    expect(defaultsMessage(DOMAIN_MISSING)).toBe("Domain /var/tmp/あいうえお/Contents/Info does not exist");
    expect(defaultsMessage(INLINE)).toBe("Could not write domain com.apple.universalaccess; exiting");
    expect(defaultsMessage(DELETE_MISSING)).toBe("Domain (MobileMeAccounts) not found.");
    expect(defaultsMessageText(DELETE_MISSING)).toBe(
      "Domain (MobileMeAccounts) not found. Defaults have not been changed.",
    );
  });

  it("matches 'missing' anywhere in the output, whatever line it sits on", () => {
    for (const text of [PAIR_MISSING, DOMAIN_MISSING, DELETE_MISSING, "Domain MobileMeAccounts does not exist"])
      expect(isMissingDomain(text), text).toBe(true);
    expect(isMissingDomain(INLINE)).toBe(false);
    expect(isMissingDomain("", "")).toBe(false);
  });

  it("a header alone, blank lines, CRLF, stdout instead of stderr, junk: no throw, no header", () => {
    expect(defaultsMessage("2023-11-10 20:58:08.277 defaults[11951:419861] \n")).toBe("");
    expect(defaultsMessage("\r\n2023-11-10 20:58:08.277 defaults[1:2] \r\n\r\nDomain X does not exist\r\n")).toBe(
      "Domain X does not exist",
    );
    expect(defaultsMessage("", "Domain X does not exist\n")).toBe("Domain X does not exist");
    expect(defaultsMessage(undefined as unknown as string)).toBe("");
    expect(defaultsMessage("x".repeat(5000)).length).toBe(1000);
  });
});

// Hand-made variants of the header (not captures): what counts as one and what is a message.
describe("defaults errors: the NSLog header, exactly", () => {
  it.each([
    [
      "a comma before the milliseconds (some locales)",
      "2019-09-01 12:04:08,950 defaults[736:8108] \nDomain X does not exist",
    ],
    ["a process without a thread id", "2019-09-01 12:04:08.950 defaults[736] \nDomain X does not exist"],
    ["a hex thread id", "2019-09-01 12:04:08.950 defaults[736:1a2b3c] \nDomain X does not exist"],
    ["no trailing space", "2019-09-01 12:04:08.950 defaults[736:8108]\nDomain X does not exist"],
    ["another tool's name", "2019-09-01 12:04:08.950 cfprefsd[1:2]   \nDomain X does not exist"],
  ])("skips a bare header with %s", (_name, text) => {
    expect(defaultsMessage(text)).toBe("Domain X does not exist");
    expect(defaultsMessageText(text)).toBe("Domain X does not exist");
  });

  it.each([
    ["a comma", "2019-09-01 12:04:08,950 defaults[736:8108] Could not write"],
    ["no thread id", "2019-09-01 12:04:08.950 defaults[736] Could not write"],
    ["a hex thread id and two spaces", "2019-09-01 12:04:08.950 defaults[736:ff]  Could not write"],
  ])("strips an inline header with %s", (_name, text) => {
    expect(defaultsMessage(text)).toBe("Could not write");
  });

  it.each([
    ["a message that only quotes a header", "see 2019-09-01 12:04:08.950 defaults[736:8108] "],
    ["a date without a time", "2019-09-01 defaults[736:8108] "],
    ["a time without milliseconds", "2019-09-01 12:04:08 defaults[736:8108] "],
    ["a short year", "19-09-01 12:04:08.950 defaults[736:8108] "],
    ["no process id", "2019-09-01 12:04:08.950 defaults[] "],
    ["a thread id that isn't hex", "2019-09-01 12:04:08.950 defaults[736:xyz] "],
    ["no process name", "2019-09-01 12:04:08.950 [736:8108] "],
  ])("keeps %s as the message", (_name, text) => {
    expect(defaultsMessage(text)).toBe(text.trim());
  });

  it("an inline header is stripped only at the start of a line", () => {
    expect(defaultsMessage("Error: 2019-09-01 12:04:08.950 defaults[736:8108] x")).toBe(
      "Error: 2019-09-01 12:04:08.950 defaults[736:8108] x",
    );
  });

  it("stdout speaks when stderr is blank or not text", () => {
    expect(defaultsMessage("  \n", "Domain Y does not exist")).toBe("Domain Y does not exist");
    expect(defaultsMessage(42 as unknown as string, "Domain Y does not exist")).toBe("Domain Y does not exist");
    expect(defaultsMessage("", 42 as unknown as string)).toBe("");
    expect(defaultsMessage("from stderr", "from stdout")).toBe("from stderr");
  });

  it("the joined text is capped at 1,000 characters, not sooner", () => {
    const line = "y".repeat(600);
    expect(defaultsMessageText(`${line}\n${line}`)).toBe(`${line} ${line}`.slice(0, 1000));
    expect(defaultsMessageText(`${line}\n${line}`)).toHaveLength(1000);
    expect(defaultsMessage("z".repeat(1000))).toHaveLength(1000);
  });

  it.each([
    ["Domain com.example does not exist", true],
    ["Domain (com.example) not found.", true],
    ["defaults: no such domain", true],
    ["NO SUCH FILE", true],
    ["DOES NOT EXIST", true],
    ["it does not existence", false],
    ["notfound", false],
    ["no such thing", false],
  ])("isMissingDomain(%j) is %s, in stderr or stdout", (text, missing) => {
    expect(isMissingDomain(text)).toBe(missing);
    expect(isMissingDomain("", text)).toBe(missing);
    expect(isMissingDomain(undefined as unknown as string, text)).toBe(missing);
    expect(isMissingDomain(text, undefined as unknown as string)).toBe(missing);
  });
});

describe("defaults errors: lines, blanks and what isn't text", () => {
  it("the message lines of a real delete, headers and blank lines removed; nothing said, no lines", () => {
    expect(defaultsMessageLines(DELETE_MISSING)).toEqual([
      "Domain (MobileMeAccounts) not found.",
      "Defaults have not been changed.",
    ]);
    expect(defaultsMessageLines("")).toEqual([]);
    expect(defaultsMessageLines("2019-09-01 12:04:08.950 defaults[736:8108] \n\n")).toEqual([]);
    expect(defaultsMessageText("")).toBe("");
    expect(defaultsMessageText(" \n")).toBe("");
  });

  it.each([
    ["no thread id and nothing after the bracket", "2019-09-01 12:04:08.950 defaults[736]\nDomain X does not exist"],
    ["a tab after the bracket", "2019-09-01 12:04:08.950 defaults[736:8108]\t\nDomain X does not exist"],
  ])("a bare header with %s is skipped", (_name, text) => {
    expect(defaultsMessageText(text)).toBe("Domain X does not exist");
  });

  it("only text is read: an error object saying 'no such file' is no missing domain", () => {
    const spawnError = new Error("spawn /usr/bin/defaults ENOENT: no such file or directory");
    expect(isMissingDomain(spawnError as unknown as string)).toBe(false);
    expect(isMissingDomain("", spawnError as unknown as string)).toBe(false);
  });
});

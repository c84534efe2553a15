import { describe, expect, it } from "vitest";
import { defaultsMessage, defaultsMessageText, isMissingDomain } from "../../src/core/parse/defaults-error";

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

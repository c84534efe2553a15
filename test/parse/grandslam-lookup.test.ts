import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readLookup } from "../../src/core/parse/grandslam-lookup";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("GrandSlam lookup answers", () => {
  it("Apple's shape: an XML plist with a urls dict of https URLs (hand-made fixture)", () => {
    const verdict = readLookup(fixture("grandslam-lookup-handmade.xml"));
    expect(verdict).toEqual({
      kind: "plist",
      keys: [
        "gsService",
        "midStartProvisioning",
        "midFinishProvisioning",
        "trustedDeviceSecondaryAuth",
        "validateCode",
      ],
    });
  });

  it("the minimal plist the open-source clients' own tests build, without a prolog", () => {
    const text =
      '<plist version="1.0"><dict><key>urls</key><dict><key>midStartProvisioning</key><string>https://gsa.apple.com/grandslam/MidService/startMachineProvisioning</string></dict></dict></plist>';
    expect(readLookup(text)).toEqual({ kind: "plist", keys: ["midStartProvisioning"] });
  });

  it("a block page is HTML, with its title cleaned of markup entities and control characters", () => {
    expect(readLookup(fixture("block-page-handmade.html"))).toEqual({ kind: "html", title: "Web Page Blocked" });
    expect(readLookup("<html><head><title>Zugriff &amp; \u001b[31mverweigert</title></head></html>")).toEqual({
      kind: "html",
      title: "Zugriff & verweigert",
    });
  });

  it("a plist without urls, JSON, an empty body or a non-string is not Apple's answer", () => {
    expect(readLookup('<?xml version="1.0"?><plist><dict><key>ec</key><integer>-1</integer></dict></plist>').kind).toBe(
      "other",
    );
    expect(readLookup('{"error":"blocked"}')).toEqual({ kind: "other", sample: '{"error":"blocked"}' });
    expect(readLookup("")).toEqual({ kind: "other", sample: "" });
    expect(readLookup(undefined)).toEqual({ kind: "other", sample: "" });
  });

  it("urls whose values aren't https don't count", () => {
    const text =
      "<plist><dict><key>urls</key><dict><key>gsService</key><string>http://blocked.example/</string></dict></dict></plist>";
    expect(readLookup(text).kind).toBe("other");
  });
});

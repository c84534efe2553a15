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

// Hand-made variants (not captures) of what a server, proxy or filter may send in place of Apple's
// answer, or of how Apple's own answer may arrive (a BOM, blank lines, no DOCTYPE).
const URLS = (pairs: string) => `<key>urls</key><dict>${pairs}</dict>`;
const PAIR = (key: string, url = `https://gsa.apple.com/${key}`) => `<key>${key}</key><string>${url}</string>`;

describe("GrandSlam lookup: how Apple's plist may arrive", () => {
  it("a byte-order mark and blank lines around the document", () => {
    const body = `\uFEFF\n\n${fixture("grandslam-lookup-handmade.xml")}\n\n`;
    expect(readLookup(body)).toMatchObject({ kind: "plist", keys: expect.arrayContaining(["gsService"]) });
  });

  it.each([
    ["a prolog without DOCTYPE, on its own line", `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">`],
    ["prolog and plist with nothing between", `<?xml version="1.0"?><plist version="1.0">`],
    [
      "prolog, DOCTYPE and plist with nothing between",
      `<?xml version="1.0"?><!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x"><plist>`,
    ],
  ])("%s", (_name, head) => {
    expect(readLookup(`${head}<dict>${URLS(PAIR("gsService"))}</dict></plist>`)).toEqual({
      kind: "plist",
      keys: ["gsService"],
    });
  });

  it("whitespace around key names and URLs, as a re-indenting proxy might leave it", () => {
    const body = `<plist><dict><key> urls </key>\n<dict>\n<key> gsService </key>\n<string>\n https://gsa.apple.com/grandslam/GsService2 \n</string></dict></dict></plist>`;
    expect(readLookup(body)).toEqual({ kind: "plist", keys: ["gsService"] });
  });

  it("only the urls dict's own keys, wherever it sits among the other top-level keys", () => {
    const before = `<key>cfg</key><dict>${PAIR("before")}</dict>`;
    const after = `<key>more</key><dict>${PAIR("after")}</dict>`;
    const body = `<plist><dict>${before}${URLS(PAIR("gsService") + PAIR("validateCode"))}${after}</dict></plist>`;
    expect(readLookup(body)).toEqual({ kind: "plist", keys: ["gsService", "validateCode"] });
  });

  it("a body cut off inside the urls dict is not Apple's answer", () => {
    const body = `<?xml version="1.0"?>\n<plist><dict><key>urls</key><dict>${PAIR("gsService")}${PAIR("midStart")}`;
    expect(readLookup(body).kind).toBe("other");
  });

  it("at most 100 keys are kept from a hostile urls dict", () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => PAIR(`k${i}`)).join("");
    const keys = (n: number) =>
      (readLookup(`<plist><dict>${URLS(pairs(n))}</dict></plist>`) as { keys: string[] }).keys;
    expect(keys(100)).toHaveLength(100);
    expect(keys(150)).toHaveLength(100);
    expect(keys(150).at(-1)).toBe("k99");
  });
});

describe("GrandSlam lookup: what isn't Apple's answer", () => {
  it("a plist without urls: its start is the sample", () => {
    expect(readLookup('<?xml version="1.0"?><plist><dict><key>ec</key><integer>-1</integer></dict></plist>')).toEqual({
      kind: "other",
      sample: '<?xml version="1.0"?><plist><dict><key>ec</key><integer>-1</',
    });
  });

  it.each([
    ["with a prolog", `<?xml version="1.0"?><plist><dict>${URLS(PAIR("gsService"))}</dict></plist>`],
    ["bare", `<plist><dict>${URLS(PAIR("gsService"))}</dict></plist>`],
  ])("a web page that shows a plist %s is a page, not Apple's answer", (_name, plist) => {
    expect(readLookup(`<html><head><title>Lookup</title></head><body><pre>${plist}</pre></body></html>`)).toEqual({
      kind: "html",
      title: "Lookup",
    });
  });

  it("a page without a title, or with an empty one, is a page with no title", () => {
    expect(readLookup("<html><body><h1>Blocked</h1></body></html>")).toEqual({ kind: "html" });
    expect(readLookup("<!DOCTYPE html><html><head><title> \n </title></head></html>")).toEqual({ kind: "html" });
  });

  it("the title: attributes on the tag, entities decoded, whitespace runs made one space, cut at 80", () => {
    const page = (title: string, tag = "<title>") => `<html><head>${tag}${title}</title></head></html>`;
    expect(readLookup(page("Blocked", '<title lang="en">'))).toEqual({ kind: "html", title: "Blocked" });
    expect(readLookup(page("&lt;Blocked&gt; &quot;gsa&quot; isn&#39;t isn&apos;t"))).toEqual({
      kind: "html",
      title: `<Blocked> "gsa" isn't isn't`,
    });
    expect(readLookup(page("\n\t  Web   Page\n\t\tBlocked  \n"))).toEqual({ kind: "html", title: "Web Page Blocked" });
    expect(readLookup(page("x".repeat(200)))).toEqual({ kind: "html", title: "x".repeat(80) });
  });

  it("only the first 4 KB say whether it is a page: markup deep inside other text doesn't", () => {
    const body = `<plist><dict><key>note</key><string>${"n".repeat(5000)} &lt;html&gt; <html></string></dict></plist>`;
    expect(readLookup(body).kind).toBe("other");
  });

  it("a text answer: its first 60 characters, whitespace runs made one space, no trailing space", () => {
    expect(readLookup("Access denied\r\n\r\n  by policy")).toEqual({
      kind: "other",
      sample: "Access denied by policy",
    });
    expect(readLookup("Access   denied\t\tby policy")).toEqual({ kind: "other", sample: "Access denied by policy" });
    const long = `${"a".repeat(59)} ${"b".repeat(100)}`;
    expect(readLookup(long)).toEqual({ kind: "other", sample: "a".repeat(59) });
    expect(readLookup("c".repeat(100))).toEqual({ kind: "other", sample: "c".repeat(60) });
  });
});

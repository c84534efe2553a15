import { describe, expect, it } from "vitest";
import { localizedFeedUrl, parseSettings } from "../../src/core/settings";
import { DEFAULT_TARGETS } from "../../src/core/targets";

describe("preferences → run settings", () => {
  it("defaults when nothing is set", () => {
    expect(parseSettings({})).toEqual({
      targets: DEFAULT_TARGETS,
      deadlineMs: 5000,
      includeIdentifiers: false,
      statusLocale: "en_US",
      problems: [],
    });
  });

  it("a valid time server goes first, Apple's stay as fallbacks; resolvers and the time limit apply", () => {
    const s = parseSettings({
      ntpServer: " ntp.example.org ",
      deadlineMs: "8000",
      publicResolvers: "9.9.9.9, 1.0.0.1",
      includeIdentifiers: true,
      statusLocale: "ja_JP",
    });
    expect(s.targets.ntpServers).toEqual(["ntp.example.org", "time.apple.com", "time-macos.apple.com"]);
    expect(s.targets.publicResolvers).toEqual(["9.9.9.9", "1.0.0.1"]);
    expect(s).toMatchObject({ deadlineMs: 8000, includeIdentifiers: true, statusLocale: "ja_JP", problems: [] });
  });

  it.each([
    [{ ntpServer: "time.apple.com; rm -rf /" }, /Time server/],
    [{ ntpServer: "$(id)" }, /Time server/],
    [{ deadlineMs: "soon" }, /Time limit/],
    [{ deadlineMs: "100" }, /Time limit/],
    [{ publicResolvers: "dns.google" }, /Public resolvers/],
    [{ publicResolvers: "1.1.1.1, 2.2.2.2, 3.3.3.3, 4.4.4.4, 5.5.5.5" }, /Public resolvers/],
    [{ statusLocale: "ja" }, /Status language "ja"/],
    [{ statusLocale: "JA_jp" }, /Status language/],
    [{ statusLocale: "ja-JP" }, /Status language/],
    [{ statusLocale: "../../evil" }, /Status language/],
  ])("a bad value %j falls back to the default and says why", (raw, problem) => {
    const s = parseSettings(raw);
    expect(s.targets).toEqual(DEFAULT_TARGETS);
    expect(s.deadlineMs).toBe(5000);
    expect(s.statusLocale).toBe("en_US");
    expect(s.problems).toEqual([expect.stringMatching(problem)]);
  });

  it("a status language is any ll_CC locale; blank or missing means English, silently", () => {
    expect(parseSettings({ statusLocale: " fr_FR " })).toMatchObject({ statusLocale: "fr_FR", problems: [] });
    expect(parseSettings({ statusLocale: "zh_TW" })).toMatchObject({ statusLocale: "zh_TW", problems: [] });
    expect(parseSettings({ statusLocale: "" })).toMatchObject({ statusLocale: "en_US", problems: [] });
    expect(parseSettings({ statusLocale: "en_US" })).toMatchObject({ statusLocale: "en_US", problems: [] });
  });
});

describe("the localized status feed URL", () => {
  const CONSUMER = DEFAULT_TARGETS.statusFeeds.consumer;

  it("swaps the _en_US.js suffix for the locale", () => {
    expect(localizedFeedUrl(CONSUMER, "ja_JP")).toBe(
      "https://www.apple.com/support/systemstatus/data/system_status_ja_JP.js",
    );
    expect(localizedFeedUrl(CONSUMER, "fr_FR")).toBe(
      "https://www.apple.com/support/systemstatus/data/system_status_fr_FR.js",
    );
    expect(localizedFeedUrl(`${CONSUMER}?_=1`, "de_DE")).toBe(
      "https://www.apple.com/support/systemstatus/data/system_status_de_DE.js?_=1",
    );
  });

  it("leaves the URL alone for en_US, a malformed locale or a URL without the suffix", () => {
    expect(localizedFeedUrl(CONSUMER, "en_US")).toBe(CONSUMER);
    expect(localizedFeedUrl(CONSUMER, "ja")).toBe(CONSUMER);
    expect(localizedFeedUrl(CONSUMER, "../x")).toBe(CONSUMER);
    expect(localizedFeedUrl("http://127.0.0.1:8080/feed.js", "ja_JP")).toBe("http://127.0.0.1:8080/feed.js");
  });
});

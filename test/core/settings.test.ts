import { describe, expect, it } from "vitest";
import { parseSettings } from "../../src/core/settings";
import { DEFAULT_TARGETS } from "../../src/core/targets";

describe("preferences → run settings", () => {
  it("defaults when nothing is set", () => {
    expect(parseSettings({})).toEqual({
      targets: DEFAULT_TARGETS,
      deadlineMs: 5000,
      includeIdentifiers: false,
      problems: [],
    });
  });

  it("a valid time server goes first, Apple's stay as fallbacks; resolvers and the time limit apply", () => {
    const s = parseSettings({
      ntpServer: " ntp.example.org ",
      deadlineMs: "8000",
      publicResolvers: "9.9.9.9, 1.0.0.1",
      includeIdentifiers: true,
    });
    expect(s.targets.ntpServers).toEqual(["ntp.example.org", "time.apple.com", "time-macos.apple.com"]);
    expect(s.targets.publicResolvers).toEqual(["9.9.9.9", "1.0.0.1"]);
    expect(s).toMatchObject({ deadlineMs: 8000, includeIdentifiers: true, problems: [] });
  });

  it.each([
    [{ ntpServer: "time.apple.com; rm -rf /" }, /Time server/],
    [{ ntpServer: "$(id)" }, /Time server/],
    [{ deadlineMs: "soon" }, /Time limit/],
    [{ deadlineMs: "100" }, /Time limit/],
    [{ publicResolvers: "dns.google" }, /Public resolvers/],
    [{ publicResolvers: "1.1.1.1, 2.2.2.2, 3.3.3.3, 4.4.4.4, 5.5.5.5" }, /Public resolvers/],
  ])("a bad value %j falls back to the default and says why", (raw, problem) => {
    const s = parseSettings(raw);
    expect(s.targets).toEqual(DEFAULT_TARGETS);
    expect(s.deadlineMs).toBe(5000);
    expect(s.problems).toEqual([expect.stringMatching(problem)]);
  });
});

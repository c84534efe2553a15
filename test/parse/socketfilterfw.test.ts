import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseFirewallState } from "../../src/core/parse/socketfilterfw";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const ENABLED = fixture("socketfilterfw-enabled.txt");
const DISABLED = fixture("socketfilterfw-disabled.txt");
const BLOCK_ALL = fixture("socketfilterfw-block-all.txt");

describe("parseFirewallState: fixtures", () => {
  it("enabled (State = 1)", () => {
    expect(parseFirewallState(ENABLED)).toEqual({ state: "on", raw: "Firewall is enabled. (State = 1)" });
  });

  it("disabled (State = 0)", () => {
    expect(parseFirewallState(DISABLED)).toEqual({ state: "off", raw: "Firewall is disabled. (State = 0)" });
  });

  it("the old block-all sentence (State = 2): on (strict), block-all from the sentence itself", () => {
    expect(parseFirewallState(BLOCK_ALL)).toEqual({
      state: "strict",
      blockAll: true,
      raw: "Firewall is blocking all non-essential incoming connections. (State = 2)",
    });
  });

  it("State = 2 with block-all disabled and stealth on (kolide/launcher test data): strict, not block-all", () => {
    const r = parseFirewallState(fixture("socketfilterfw-state2-stealth-kolide.txt"));
    expect(r).toMatchObject({ state: "strict", blockAll: false, stealth: true });
    expect(r.raw.split("\n")[0]).toBe("Firewall is enabled. (State = 2)");
  });
});

describe("parseFirewallState: variants", () => {
  it("the number wins over the words", () => {
    expect(parseFirewallState("Firewall is enabled. (State = 0)").state).toBe("off");
    expect(parseFirewallState("Firewall is disabled. (State = 1)").state).toBe("on");
  });

  it("the number alone says the state", () => {
    expect(["(State = 0)", "(State = 1)", "(State = 2)"].map((t) => parseFirewallState(t).state)).toEqual([
      "off",
      "on",
      "strict",
    ]);
  });

  it("words alone when the number is missing or unknown", () => {
    expect(parseFirewallState("Firewall is enabled.").state).toBe("on");
    expect(parseFirewallState("Firewall is disabled.\n").state).toBe("off");
    expect(parseFirewallState("Firewall is blocking all non-essential incoming connections.").state).toBe("strict");
    expect(parseFirewallState("Firewall stealth mode is off").stealth).toBe(false);
    expect(parseFirewallState("Firewall has block all state set to enabled.").blockAll).toBe(true);
    expect(parseFirewallState("Firewall is enabled. (State = 7)").state).toBe("on");
    expect(parseFirewallState("(State = 7)").state).toBe("unknown");
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [
  " ",
  "\t",
  "\n",
  "\r\n",
  "(",
  ")",
  "=",
  "State = ",
  "0",
  "1",
  "2",
  "Firewall is ",
  "\u0000",
  "\uFFFD",
  "é",
  "😀",
];
const HTML = "<!DOCTYPE html>\n<html><head><title>Error</title></head>\n<body>Firewall</body></html>\n";
const STATES = ["off", "on", "strict", "unknown"];

describe("parseFirewallState: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    ["truncated fixture", ENABLED.slice(0, Math.floor(ENABLED.length / 2))],
    ["permission error", "socketfilterfw: must be root\n"],
  ])("%s gives unknown", (_, text) => {
    const result = parseFirewallState(text);
    expect(result.state).toBe("unknown");
    expect(result.raw.length).toBeLessThanOrEqual(500);
  });

  it("non-string input gives unknown with empty raw", () => {
    expect(parseFirewallState(undefined as unknown as string)).toEqual({ state: "unknown", raw: "" });
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([ENABLED, DISABLED, BLOCK_ALL], PIECES, 300, 6)) {
      expect(STATES).toContain(parseFirewallState(text).state);
    }
  });
});

describe("parseFirewallState: the state line past the first 500 characters", () => {
  // fast-check's shrunk counterexample for seed -1039426761 (CRLF line ends): the cap that
  // keeps the report short was applied before the search, so the state line fell off.
  const shrunk = "\nFirewall\n".repeat(41) + "\nFirewall is enabled. (State = 1)\n";

  it.each([
    ["LF", shrunk],
    ["CRLF", shrunk.replace(/\n/g, "\r\n")],
  ])("%s line ends read the state", (_name, text) => {
    expect(parseFirewallState(text).state).toBe("on");
  });

  it("still caps what it keeps for the report", () => {
    expect(parseFirewallState(shrunk.replace(/\n/g, "\r\n")).raw.length).toBeLessThanOrEqual(500);
  });
});

// Hand-made sentences in socketfilterfw's wording (not captures): each rule at its edge.
describe("parseFirewallState: each sentence", () => {
  it.each([
    ["Firewall is enabled. (State = 1)", "on"],
    ["Firewall is enabled. (State = 2)", "strict"],
    ["Firewall is disabled. (State = 0)", "off"],
    ["(State = 12)", "unknown"],
    ["Firewall is enabled. (State = 12)", "on"],
    ["firewall IS DISABLED", "off"],
    ["FIREWALL IS BLOCKING ALL incoming", "strict"],
    ["Firewall is enabledx", "unknown"],
    ["xFirewall is enabled", "unknown"],
    ["Firewall is disabledx", "unknown"],
    ["Firewall is blocking allx", "unknown"],
    ["Firewall is blocking all. Firewall is disabled.", "strict"],
    ["Firewall is disabled. Firewall is enabled.", "off"],
  ])("%j reads %s", (text, state) => {
    expect(parseFirewallState(text).state).toBe(state);
  });

  it.each([
    ["Firewall has block all state set to enabled.", true],
    ["Firewall has block all state set to DISABLED.", false],
    ["Firewall is blocking all non-essential incoming connections.", true],
    ["FIREWALL IS BLOCKING ALL NON-ESSENTIAL INCOMING CONNECTIONS", true],
    ["Firewall has block all state set to enabledx", undefined],
    ["Firewall is blocking all non-essential incoming connectionsx", undefined],
    ["Firewall is enabled. (State = 1)", undefined],
  ])("%j: block-all %s", (text, blockAll) => {
    const r = parseFirewallState(text);
    expect(r.blockAll).toBe(blockAll);
    if (blockAll === undefined) expect(r).not.toHaveProperty("blockAll");
  });

  it.each([
    ["Stealth mode enabled", true],
    ["Stealth mode disabled", false],
    ["Firewall stealth mode is on", true],
    ["Firewall stealth mode is off", false],
    ["STEALTH MODE ENABLED", true],
    ["Firewall stealth mode is ON", true],
    ["stealth mode onx", undefined],
    ["xstealth mode on", undefined],
    ["Firewall is enabled. (State = 1)", undefined],
  ])("%j: stealth %s", (text, stealth) => {
    const r = parseFirewallState(text);
    expect(r.stealth).toBe(stealth);
    if (stealth === undefined) expect(r).not.toHaveProperty("stealth");
  });

  it("raw is the trimmed output, cut at 500 characters", () => {
    expect(parseFirewallState("  Firewall is enabled. (State = 1)\n").raw).toBe("Firewall is enabled. (State = 1)");
    const long = `${"x".repeat(600)}`;
    expect(parseFirewallState(long).raw).toBe("x".repeat(500));
    expect(parseFirewallState("y".repeat(500)).raw).toBe("y".repeat(500));
  });
});

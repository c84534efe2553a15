import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseFirewallState } from "../../src/core/parse/socketfilterfw";

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

  it("blocking all (State = 2)", () => {
    expect(parseFirewallState(BLOCK_ALL)).toEqual({
      state: "block-all",
      raw: "Firewall is blocking all non-essential incoming connections. (State = 2)",
    });
  });
});

describe("parseFirewallState: variants", () => {
  it("the number wins over the words", () => {
    expect(parseFirewallState("Firewall is enabled. (State = 0)").state).toBe("off");
  });

  it("words alone when the number is missing or unknown", () => {
    expect(parseFirewallState("Firewall is enabled.").state).toBe("on");
    expect(parseFirewallState("Firewall is disabled.\n").state).toBe("off");
    expect(parseFirewallState("Firewall is blocking all non-essential incoming connections.").state).toBe("block-all");
    expect(parseFirewallState("Firewall is enabled. (State = 7)").state).toBe("on");
    expect(parseFirewallState("(State = 7)").state).toBe("unknown");
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
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
function junk(bases: string[], count: number, seed: number): string[] {
  const rnd = lcg(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = bases[int(bases.length)];
    if (i % 3 === 0) s = Array.from({ length: int(120) }, () => PIECES[int(PIECES.length)]).join("");
    else if (i % 3 === 1) s = s.slice(int(s.length), int(s.length * 2));
    for (let k = int(12); k > 0; k--) {
      const at = int(s.length + 1);
      const op = int(3);
      if (op === 0) s = s.slice(0, at) + PIECES[int(PIECES.length)] + s.slice(at);
      else if (op === 1) s = s.slice(0, at) + s.slice(at + int(20));
      else
        s = s
          .split("\n")
          .sort(() => rnd() - 0.5)
          .join("\n");
    }
    out.push(s);
  }
  return out;
}
const HTML = "<!DOCTYPE html>\n<html><head><title>Error</title></head>\n<body>Firewall</body></html>\n";
const BINARY = Array.from({ length: 512 }, (_, i) => String.fromCharCode((i * 37) % 256)).join("");
const STATES = ["off", "on", "block-all", "unknown"];

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
    for (const text of junk([ENABLED, DISABLED, BLOCK_ALL], 300, 6)) {
      expect(STATES).toContain(parseFirewallState(text).state);
    }
  });
});

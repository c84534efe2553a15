import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScutilDns } from "../../src/core/parse/scutil-dns";

// `scutil --dns` as people paste it (indented inside a Markdown code block, trailing spaces) and
// lines that look like its own but aren't. The capture is real (test/fixtures/README.md); the
// variants are made from it or by hand.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const MODERN = fixture("scutil-dns-modern.txt");
const one = (...lines: string[]) =>
  parseScutilDns(`resolver #1\n${lines.map((l) => `  ${l}`).join("\n")}\n`).resolvers[0];

describe("scutil --dns, pasted", () => {
  it("the modern capture indented four spaces, with trailing spaces, reads the same as the original", () => {
    const pasted = MODERN.split("\n")
      .map((l) => (l === "" ? l : `    ${l}  `))
      .join("\n");
    const original = parseScutilDns(MODERN);
    expect(original.resolvers).toHaveLength(7);
    expect(parseScutilDns(pasted)).toEqual(original);
  });
});

describe("scutil --dns: what isn't its own", () => {
  it.each(["see resolver #1", "# resolver #1"])("%j is no resolver header", (header) => {
    expect(parseScutilDns(`${header}\n  nameserver[0] : 1.1.1.1\n`).resolvers).toEqual([]);
  });

  it.each(["reach : junk 0x00000002 (Reachable)", ",", ", ,"])("%j is no reachability", (line) => {
    const r = one(line);
    expect(r.reach).toBeUndefined();
    expect(r.reachable).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterProduct, parseSystemExtensions } from "../../src/core/parse/systemextensions";
import { fuzzSeed } from "../support/fuzz-seed";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("parseSystemExtensions (systemextensionsctl list)", () => {
  it("LuLu's author's output (LuLu#331): one active network extension", () => {
    expect(parseSystemExtensions(fixture("systemextensionsctl-list-lulu.txt"))).toEqual([
      {
        category: "com.apple.system_extension.network_extension",
        teamId: "VBG97UB4TA",
        bundleId: "com.objective-see.lulu.extension",
        version: "2.3.0/2.3.0",
        name: "Extension",
        state: "activated enabled",
        active: true,
      },
    ]);
  });

  it("the newer row without star columns, waiting for approval (LuLu#901): not active", () => {
    expect(parseSystemExtensions(fixture("systemextensionsctl-list-lulu-waiting.txt"))).toMatchObject([
      { teamId: "VBG97UB4TA", bundleId: "com.objective-see.lulu.extension", name: "LuLu", active: false },
    ]);
  });

  it("never throws; the header and count lines are no extension", () => {
    expect(parseSystemExtensions(undefined as unknown as string)).toEqual([]);
    expect(
      parseSystemExtensions("0 extension(s)\nenabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"),
    ).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (t) => {
        for (const e of parseSystemExtensions(t)) if (!/^[\w.-]+$/.test(e.bundleId)) throw new Error(e.bundleId);
      }),
      { numRuns: 300, seed: fuzzSeed() },
    );
  });

  it("reads a long input in linear time", () => {
    const start = performance.now();
    parseSystemExtensions("a.b (".repeat(50_000) + "\n" + "x".repeat(200_000));
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("filterProduct", () => {
  it.each([
    ["com.objective-see.lulu.extension", "LuLu"],
    ["at.obdev.littlesnitch.networkextension", "Little Snitch"],
    ["com.zscaler.zscaler.zstunnel", "Zscaler"],
    ["com.objective-seefake", undefined],
    ["io.tailscale.ipn.macsys.network-extension", undefined],
  ])("%s is %s", (id, product) => expect(filterProduct(id)?.product).toBe(product));
});

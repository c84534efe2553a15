import { describe, expect, it } from "vitest";
import { fuzzSeed } from "../support/fuzz-seed";

describe("fuzzSeed", () => {
  it("is fixed when FUZZ_SEED is unset or empty, so npm test is deterministic", () => {
    expect(fuzzSeed({})).toBe(20261201);
    expect(fuzzSeed({ FUZZ_SEED: "" })).toBe(20261201);
  });

  it("takes a given seed to replay a failure, and 'random' to explore", () => {
    expect(fuzzSeed({ FUZZ_SEED: "-1039426761" })).toBe(-1039426761);
    expect(fuzzSeed({ FUZZ_SEED: "random" })).toBeUndefined();
  });

  it("falls back to the fixed seed on junk", () => {
    expect(fuzzSeed({ FUZZ_SEED: "abc" })).toBe(20261201);
  });
});

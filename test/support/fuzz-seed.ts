// One seed for every property test. `npm test` must give the same verdict on every run,
// so it uses a fixed seed; `npm run test:fuzz` sets FUZZ_SEED=random to explore, and a
// failure there prints fast-check's seed, path and shrunk counterexample to replay with
// FUZZ_SEED=<seed>.
const FIXED_SEED = 20261201;

export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.FUZZ_SEED?.trim();
  if (raw === undefined || raw === "") return FIXED_SEED;
  if (raw === "random") return undefined;
  const seed = Number(raw);
  return Number.isInteger(seed) ? seed : FIXED_SEED;
}

// Mutation testing of the core (issue 19). `npm run test:mutation [area…]`
// (scripts/mutation/run-areas.mjs) runs this once per area of
// scripts/mutation/areas.mjs with MUTATION_AREA set: that area's files are
// mutated and only its tests run. Without MUTATION_AREA, `npx stryker run`
// mutates the whole core against every unit test, which static mutants make a
// days-long run on 2 cores. Incremental files (under reports/, kept out of git)
// let a re-run after a small change test only the mutants it touched.
import { AREAS } from "./scripts/mutation/areas.mjs";

const areaName = process.env.MUTATION_AREA;
const area = areaName ? AREAS[areaName] : undefined;
if (areaName && !area) throw new Error(`unknown MUTATION_AREA ${areaName}`);
// The vitest config reads the selection; Stryker's test-runner processes inherit it.
if (area && !process.env.MUTATION_TESTS) process.env.MUTATION_TESTS = area.tests.join(",");
const out = areaName ?? "mutation";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts", related: true },
  plugins: ["@stryker-mutator/vitest-runner", "./scripts/mutation/wording-ignorer.mjs"],
  ignorers: ["wording"],
  coverageAnalysis: "perTest",
  mutate: [...new Set(Object.values(AREAS).flatMap((a) => a.mutate))],
  incremental: true,
  incrementalFile: areaName ? `reports/incremental/${areaName}.json` : "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${out}.html` },
  jsonReporter: { fileName: `reports/mutation/${out}.json` },
  // Two cores: one runner leaves the other for the machine; more only thrash.
  concurrency: 1,
  timeoutMS: 10000,
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: ".stryker-tmp",
};
if (area) config.mutate = area.mutate;

export default config;

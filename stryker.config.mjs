// Mutation testing of the core (issue 19): `npm run test:mutation`, or one
// area with `npm run test:mutation -- --mutate "src/core/parse/**/*.ts"`.
// Incremental: reports/stryker-incremental.json (kept out of git) lets a
// re-run after a small change test only the mutants it touched.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts", related: true },
  plugins: ["@stryker-mutator/vitest-runner", "./scripts/mutation/wording-ignorer.mjs"],
  ignorers: ["wording"],
  coverageAnalysis: "perTest",
  mutate: [
    "src/core/diagnose.ts",
    "src/core/cause-builders.ts",
    "src/core/diagnose-network.ts",
    "src/core/hosts-file-rules.ts",
    "src/core/redact*.ts",
    "src/core/fixes/**/*.ts",
    "src/core/parse/**/*.ts",
    "src/core/report.ts",
    "src/core/report-it.ts",
    "src/core/run.ts",
  ],
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Two cores: one runner leaves the other for the machine; more only thrash.
  concurrency: 1,
  timeoutMS: 10000,
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: ".stryker-tmp",
};

import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// What Stryker runs per mutant. Not the real-network e2e suite (namespaces and
// daemons), the Store export, the preview renders or the packaging of the
// Alfred workflow: minutes per run, and their code paths are the unit tests'.
// A "static" mutant (a module-level constant such as a parser's regex) makes
// Stryker run every selected test, so the selection is what makes a run take
// minutes instead of hours: MUTATION_TESTS="test/parse/**,test/fuzz/**" narrows
// it for one area. A narrower selection can only kill fewer mutants, so its
// score is a floor of the full suite's.
const selected = process.env.MUTATION_TESTS?.split(",").filter(Boolean);

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        "node_modules/**",
        "test/e2e/**",
        "test/previews.test.tsx",
        "test/store.test.ts",
        "test/setup/**",
        "test/alfred/workflow.test.ts",
      ],
      // Property tests at a tenth of npm test's runs: a mutant they catch, they catch early.
      env: { FUZZ_RUNS: "60", REDACT_RUNS: "40" },
    },
  }),
);
// mergeConfig concatenates arrays: a selection replaces the include list instead.
if (selected && config.test) config.test.include = selected;

export default config;

// Mutation-testing areas: each pairs source files with the tests that exercise
// them. Stryker runs every selected test for a "static" mutant (a module-level
// constant: a parser's regex, a rule table), so one run over the whole core
// with the whole suite takes days on 2 cores; one run per area, each with its
// own tests, takes minutes. A mutant that only an unselected test would kill
// counts as survived, so an area's score is a floor of the full suite's.
const parser = (name, ...extraTests) => ({
  mutate: [`src/core/parse/${name}.ts`],
  tests: [`test/parse/${name}.test.ts`, ...extraTests],
});
const REAL = "test/parse/real-captures.test.ts";

export const AREAS = {
  diagnose: {
    mutate: [
      "src/core/diagnose.ts",
      "src/core/cause-builders.ts",
      "src/core/diagnose-network.ts",
      "src/core/hosts-file-rules.ts",
    ],
    tests: [
      "test/core/diagnose-*.test.ts",
      "test/core/scenarios.test.ts",
      "test/core/dns-filters.test.ts",
      "test/core/resolver-files.test.ts",
      "test/core/filter-agents.test.ts",
      "test/core/address-families.test.ts",
    ],
  },
  redact: {
    mutate: ["src/core/redact.ts", "src/core/redact-steps.ts", "src/core/redact-patterns.ts"],
    tests: [
      "test/redact.steps.test.ts",
      "test/redact.test.ts",
      "test/redact.context.test.ts",
      "test/redact.hostile.test.ts",
      "test/redact.property.test.ts",
    ],
  },
  fixes: {
    mutate: ["src/core/fixes/**/*.ts"],
    tests: [
      "test/core/fixes-*.test.ts",
      "test/core/account.test.ts",
      "test/core/backup-safety.test.ts",
      "test/core/privileged.test.ts",
    ],
  },
  report: {
    mutate: ["src/core/report.ts", "src/core/report-it.ts"],
    tests: ["test/core/report*.test.ts"],
  },
  run: {
    mutate: ["src/core/run.ts"],
    tests: ["test/core/run*.test.ts"],
  },
  "parse-defaults-error": parser("defaults-error", REAL),
  "parse-etc-hosts": parser("etc-hosts"),
  "parse-grandslam-lookup": parser("grandslam-lookup"),
  "parse-ifconfig": parser(
    "ifconfig",
    REAL,
    "test/parse/address-families.test.ts",
    "test/parse/ifconfig-details.test.ts",
  ),
  "parse-mobileme": parser("mobileme"),
  "parse-nat64": parser("nat64", "test/parse/address-families.test.ts"),
  "parse-netstat-routes": parser("netstat-routes", "test/parse/address-families.test.ts"),
  "parse-ps": parser("ps"),
  "parse-resolver-file": parser("resolver-file"),
  "parse-restrictions": parser("restrictions"),
  "parse-scutil-dns": parser("scutil-dns", REAL, "test/parse/scutil-dns-pasted.test.ts"),
  "parse-scutil-nc": parser("scutil-nc", REAL),
  "parse-scutil-proxy": parser("scutil-proxy", REAL),
  "parse-sntp": parser("sntp"),
  "parse-socketfilterfw": parser("socketfilterfw", REAL),
  "parse-status-feed": parser(
    "status-feed",
    "test/parse/status-feed-edges.test.ts",
    "test/parse/status-feed-order.test.ts",
  ),
  "parse-sw-vers": parser("sw-vers", REAL),
  "parse-systemextensions": parser("systemextensions"),
};

/** Areas named exactly, or by prefix ("parse" → every parse-* area); none → all. */
export function selectAreas(names) {
  if (names.length === 0) return Object.keys(AREAS);
  const picked = names.flatMap((n) => Object.keys(AREAS).filter((a) => a === n || a.startsWith(`${n}-`)));
  const unknown = names.filter((n) => !Object.keys(AREAS).some((a) => a === n || a.startsWith(`${n}-`)));
  if (unknown.length > 0)
    throw new Error(`unknown mutation area: ${unknown.join(", ")} (known: ${Object.keys(AREAS).join(", ")})`);
  return [...new Set(picked)];
}

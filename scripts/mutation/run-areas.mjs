// `npm run test:mutation [area…] [-- stryker flags]`: one Stryker run per area
// (scripts/mutation/areas.mjs), then one table of scores per file from the
// JSON reports, written to reports/mutation/summary.md as well. Areas run one
// after another: on 2 cores a second Stryker only slows both.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { AREAS, selectAreas } from "./areas.mjs";

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const names = dash === -1 ? argv : argv.slice(0, dash);
const strykerFlags = dash === -1 ? [] : argv.slice(dash + 1);

let areas;
try {
  areas = selectAreas(names);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** Scores as Stryker counts them: detected over detected + undetected (errors and ignored left out). */
function scoreFiles(report) {
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = (statuses) => mutants.filter((m) => statuses.has(m.status)).length;
    const detected = count(DETECTED);
    const undetected = count(UNDETECTED);
    const survived = mutants.filter((m) => m.status === "Survived").length;
    const noCoverage = mutants.filter((m) => m.status === "NoCoverage").length;
    const valid = detected + undetected;
    return { file, detected, survived, noCoverage, score: valid === 0 ? null : (100 * detected) / valid };
  });
}

const rows = [];
let failed = false;
for (const area of areas) {
  console.log(`\n== ${area}: ${AREAS[area].mutate.join(", ")}`);
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", ...strykerFlags], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_AREA: area, MUTATION_TESTS: AREAS[area].tests.join(",") },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const reportPath = `reports/mutation/${area}.json`;
  if (run.status !== 0 || !existsSync(reportPath)) {
    failed = true;
    rows.push({ area, file: "(stryker failed)", detected: 0, survived: 0, noCoverage: 0, score: null, seconds });
    continue;
  }
  for (const row of scoreFiles(JSON.parse(readFileSync(reportPath, "utf8")))) rows.push({ area, ...row, seconds });
}

const table = [
  "| Area | File | Score | Killed | Survived | No coverage | Area time |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.area} | ${r.file} | ${r.score === null ? "n/a" : `${r.score.toFixed(1)} %`} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${r.seconds} s |`,
  ),
].join("\n");
mkdirSync("reports/mutation", { recursive: true });
writeFileSync("reports/mutation/summary.md", `${table}\n`);
console.log(`\n${table}\n\n(reports/mutation/summary.md; per-area HTML reports beside it)`);
process.exit(failed ? 1 : 0);

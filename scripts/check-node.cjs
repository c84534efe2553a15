// `npm test` (and `npm install`, with --warn) start here: on an old Node the
// failure would otherwise be a stack trace deep in vitest ("Map.groupBy is
// not a function"). Plain CommonJS with no dependencies, so it runs on any
// Node. Keep the wording in step with src/cli/node-version.ts.
"use strict";

const NEEDED = 22;

function nodeVersionProblem(version) {
  const major = Number(String(version).replace(/^v/, "").split(".")[0]);
  if (major >= NEEDED) return undefined;
  return (
    `Apple ID Doctor needs Node ${NEEDED} or later, and this is Node ${String(version).replace(/^v/, "")}: ` +
    `run \`nvm install\` here (it reads .nvmrc) or install Node ${NEEDED} from nodejs.org, then try again.`
  );
}

module.exports = { nodeVersionProblem };

if (require.main === module) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write(problem + "\n");
    // --warn (npm install): say it, but leave the install alone.
    process.exit(process.argv.includes("--warn") ? 0 : 1);
  }
}

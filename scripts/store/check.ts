// npm run store:check [folder]: the Store's offline checks on the repository
// (or an exported folder), and the steps only the publisher can take.
// Exits 1 when an offline check fails; the publisher's steps never fail it.
import { resolve } from "node:path";
import { storeChecks } from "./checks";

const root = resolve(process.argv[2] ?? ".");
const results = storeChecks(root);
const marks = { pass: "✓", fail: "✗", publisher: "→" } as const;
for (const check of results) {
  console.log(`${marks[check.status]} ${check.title}${check.status === "publisher" ? " (publisher)" : ""}`);
  for (const problem of check.problems) console.log(`    ${problem}`);
}
const failed = results.filter((check) => check.status === "fail").length;
const steps = results.filter((check) => check.status === "publisher").length;
console.log(
  failed
    ? `${failed} Store check(s) failed.`
    : `Every offline Store check passed; ${steps} step(s) left for the publisher.`,
);
process.exit(failed ? 1 : 0);

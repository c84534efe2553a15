// Writes the test scenarios as recording files, so the CLI can replay them:
//   npm run --silent cli -- checklist --replay test/fixtures/recordings/dns-broken.json
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCENARIOS } from "../test/support/scenarios";

const dir = join(__dirname, "..", "test", "fixtures", "recordings");
for (const [name, build] of Object.entries(SCENARIOS)) {
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(build(), null, 2) + "\n");
  console.log(`${name}.json`);
}

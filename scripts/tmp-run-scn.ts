import { runFullChecklist } from "../src/core/checklist";
import { createReplayHost } from "../src/core/host/replay";
import { parseRecording } from "../src/core/host/recording";
import { SCENARIOS } from "../test/support/scenarios";
const name = process.argv[2] as keyof typeof SCENARIOS;
void (async () => {
const r = SCENARIOS[name]();
const res = await runFullChecklist(createReplayHost(parseRecording(JSON.stringify(r))), { deadlineMs: 3000 });
for (const f of res.findings) if (f.status !== "pass") console.log(f.status.padEnd(5), f.probe.padEnd(15), f.summary);
for (const d of (res.findings.find(f=>f.probe===(process.argv[3]??"network-filter"))?.details ?? [])) console.log("   ", d);
for (const c of res.causes) console.log("CAUSE", c.cause, c.confidence, c.summary);
})();

// The hostile-size figures (issue 12): a status feed with 100,000 current
// events on one sign-in service, through `report` in the bundled CLI. The
// report is capped, so it must stay fast and small however big the feed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileFeedRecording } from "../test/support/hostile-feed";

export const HOSTILE_EVENTS = 100_000;

function hostileRecording(): string {
  const file = join(mkdtempSync(join(tmpdir(), "aid-bench-hostile-")), "feed-100k.json");
  writeFileSync(file, JSON.stringify(hostileFeedRecording(HOSTILE_EVENTS)));
  return file;
}

/** Median wall time and peak memory of `report --replay <100k-event feed>` in the bundled CLI. */
export function hostileReport(cli: string, env: NodeJS.ProcessEnv, median: (xs: number[]) => number) {
  const recording = hostileRecording();
  const dir = mkdtempSync(join(tmpdir(), "aid-bench-"));
  const times: number[] = [];
  const rss: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const file = join(dir, `rss-${i}`);
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ["--require", join(__dirname, "rss-probe.cjs"), cli, "report", "--replay", recording],
      { env: { ...env, APPLE_ID_DOCTOR_RSS_FILE: file }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    times.push(performance.now() - t);
    bytes = r.stdout.length;
    rss.push(Number(readFileSync(file, "utf8")) / 1024);
  }
  return {
    hostileReportMs: Number(median(times).toFixed(0)),
    hostileReportRssMb: Number(median(rss).toFixed(1)),
    hostileReportBytes: bytes,
  };
}

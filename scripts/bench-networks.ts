// Figures from real broken networks (test/e2e/world.ts: a private namespace
// with unbound, dnsmasq, chronyd, nginx, iptables), run through the bundled
// CLI so the figure is the CLI's own, not npm's or tsx's start-up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCerts } from "../test/e2e/certs";
import { NETWORKS } from "../test/e2e/networks";
import { runInWorld, unavailable } from "../test/e2e/world";
import { CLI_BUNDLE } from "./build-cli";

export interface NetworkFigures {
  /** Whole CLI process, silent resolver, default 5 s deadline (target ≤ 5300). */
  silentResolverWallMs: number | null;
  /** |clock offset| measured from an HTTP Date with NTP dropped and the clock right (target ≤ 1000). */
  httpDateErrorMs: number | null;
  networkFiguresSkipped?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function realNetworkFigures(runs = 3): Promise<NetworkFigures> {
  const why = unavailable();
  if (why) return { silentResolverWallMs: null, httpDateErrorMs: null, networkFiguresSkipped: why };
  const work = mkdtempSync(join(tmpdir(), "aid-bench-net-"));
  try {
    const certs = makeCerts(work);
    const node = [process.execPath, CLI_BUNDLE];
    const walls: number[] = [];
    const errors: number[] = [];
    // One at a time: these are timings, not a load test.
    for (let i = 0; i < runs; i++) {
      const silent = await runInWorld(
        mkdtempSync(join(work, "silent-")),
        NETWORKS.silentResolver,
        certs,
        ["checklist", "--json"],
        {},
        node,
      );
      walls.push(silent.wallMs);
      const dated = await runInWorld(
        mkdtempSync(join(work, "ntp-")),
        NETWORKS.ntpDroppedClockRight,
        certs,
        ["checklist", "--json"],
        {},
        node,
      );
      const line = dated.json?.findings.find((f) => f.probe === "clock")?.details[0] ?? "";
      const offset = /offset ([+-]?[\d,.]+) ms/.exec(line)?.[1];
      if (offset && /HTTP date/.test(line)) errors.push(Math.abs(Number(offset.replace(/,/g, ""))));
    }
    return {
      silentResolverWallMs: median(walls),
      httpDateErrorMs: errors.length === runs ? median(errors) : null,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

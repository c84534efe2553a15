import type { Host } from "../../core/host/types";
import { fetchStatusFeed, statusJson } from "../../core/status-client";
import { DEFAULT_TARGETS } from "../../core/targets";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { prefixFor } from "../shared";
import { statusLines } from "../status";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const targets = deps.run?.targets ?? DEFAULT_TARGETS;
  const source = args.developer ? "developer" : "consumer";
  const now = host.now();
  const fetched = await fetchStatusFeed(host, targets.statusFeeds[source], { now, source });
  if (!fetched.ok) {
    // Where the user is: offline, most likely. Say what to try next, not just what broke.
    deps.stderr.write(
      `apple-id-doctor: ${fetched.reason}\n` +
        `Next: check this Mac's connection with \`${prefixFor(deps)} checklist\`, or open ${targets.statusPage} in a browser.\n`,
    );
    return 1;
  }
  const doc = statusJson(fetched.feed, source, fetched.fetchedAt, args.all);
  if (args.json) deps.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  else deps.stdout.write(statusLines(doc, now).join("\n") + "\n");
  return doc.services.some((s) => s.signInRelated && s.state === "outage") ? 1 : 0;
}

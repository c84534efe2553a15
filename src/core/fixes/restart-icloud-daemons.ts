import { FIX_TITLES } from "../fix-titles";
import { errorCode } from "../host/types";
import type { Fix } from "./types";

/** bird (iCloud Drive) and cloudd (CloudKit) run as the user; launchd starts them again at once. */
export const ICLOUD_DAEMONS = ["bird", "cloudd"] as const;

// One name per killall: with both names, one missing process makes the
// whole call exit 1 even when the other was restarted.
export const restartIcloudDaemonsFix: Fix = {
  id: "restart-icloud-daemons",
  title: FIX_TITLES["restart-icloud-daemons"],
  needsAdmin: false,
  destructive: false,
  verifies: [],
  async run({ host, bin }) {
    const restarted: string[] = [];
    const notRunning: string[] = [];
    const problems: string[] = [];
    for (const name of ICLOUD_DAEMONS) {
      try {
        const r = await host.exec([bin.killall, name]);
        if (r.exitCode === 0) restarted.push(name);
        else if (/no matching processes/i.test(r.stderr + r.stdout)) notRunning.push(name);
        else problems.push(`${name}: ${(r.stderr || r.stdout).trim() || `exit ${r.exitCode}`}`);
      } catch (error) {
        problems.push(`${name}: ${errorCode(error)}`);
      }
    }
    const ran = ICLOUD_DAEMONS.map((n) => `${bin.killall} ${n}`);
    if (problems.length && !restarted.length)
      return { outcome: "failed", message: `Couldn't restart iCloud services (${problems.join("; ")})`, ran };
    const parts = [
      restarted.length ? `Restarted ${restarted.join(" and ")}` : "",
      notRunning.length === 1 ? `${notRunning[0]} wasn't running (it starts when needed)` : "",
      notRunning.length > 1 ? `${notRunning.join(" and ")} weren't running (they start when needed)` : "",
      problems.length ? `couldn't restart ${problems.join("; ")}` : "",
    ].filter(Boolean);
    return { outcome: "done", message: parts.join("; "), ran };
  },
};

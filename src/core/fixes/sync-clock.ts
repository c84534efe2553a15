import { FIX_TITLES } from "../fix-titles";
import { parseSntp } from "../parse/sntp";
import { offsetInWords } from "../clock-words";
import { isValidServerName, runAsAdmin } from "../privileged";
import { fromAdminOutcome } from "./admin-result";
import type { Fix } from "./types";

// Sets the clock from the first configured time server with `sntp -sS`
// (slew or step as needed) as root. The server comes from preferences, so
// it is validated here and again by the privileged runner's allowlist.
export const syncClockFix: Fix = {
  id: "sync-clock",
  title: FIX_TITLES["sync-clock"],
  needsAdmin: true,
  destructive: false,
  verifies: ["clock"],
  async run({ host, bin, targets, adminPrompt }) {
    const server = targets.ntpServers[0] ?? "time.apple.com";
    if (!isValidServerName(server))
      return { outcome: "failed", message: `"${server}" is not a valid time server name` };
    const outcome = await runAsAdmin(host, [{ kind: "set-clock", server }], {
      bin,
      touchId: adminPrompt === "password" ? false : undefined,
      prompt: `Apple ID Doctor wants to set this Mac's clock from ${server}, because Apple's servers reject sign-ins when the clock is off.`,
    });
    const result = fromAdminOutcome(outcome, `Clock set from ${server}`, [`${bin.sntp} -sS ${server}`]);
    if (outcome.outcome === "done") {
      const parsed = parseSntp(outcome.output);
      if (parsed.ok)
        result.message = `Clock set from ${server} (it was ${offsetInWords(parsed.result.offsetSeconds * 1000, server)})`;
    }
    return result;
  },
};

import { describeError } from "../host/types";
import type { Probe } from "./types";
import { attempt, result } from "./util";

// Apple Push (iMessage, FaceTime, 2FA prompts on other devices) connects to
// courier.push.apple.com on 5223 and falls back to 443. Both are tried at
// once; 5223 blocked alone is a warning, both blocked is a failure.
export const pushProbe: Probe = {
  id: "push",
  title: "Apple Push Service",
  area: "apple",
  async run({ host, targets, signal }) {
    const tries = await Promise.all(
      targets.pushPorts.map(async (port) => ({
        port,
        ...(await attempt(() => host.tcp(targets.pushHost, port, { signal }))),
      })),
    );
    const details = tries.map((t) => `${targets.pushHost}:${t.port} ${t.value ?? t.code} (${t.ms} ms)`);
    const data = { ports: tries.map((t) => ({ port: t.port, result: t.value ?? t.code })) };
    if (tries.every((t) => t.code === "ENOTRECORDED"))
      return result("skip", "No push connection tests in the recording");
    const [primary, ...fallbacks] = tries;
    if (primary.value === "open")
      return result("pass", `Push service reachable on port ${primary.port}`, details, { data });
    const fallback = fallbacks.find((t) => t.value === "open");
    if (fallback) {
      return result(
        "warn",
        `Port ${primary.port} ${portWords(primary.value ?? primary.code)}; push falls back to ${fallback.port}, which is slower`,
        details,
        {
          fixes: ["open-network-settings"],
          data,
        },
      );
    }
    return result(
      "fail",
      `Can't reach Apple's push service on port ${tries.map((t) => t.port).join(" or ")}`,
      details,
      {
        fixes: ["open-network-settings"],
        data,
      },
    );
  },
};

/** "is blocked (timed out)": what a closed port did, in words. */
function portWords(outcome: string | undefined): string {
  if (outcome === "timeout" || outcome === "ETIMEDOUT") return "is blocked (timed out)";
  if (outcome === "refused" || outcome === "ECONNREFUSED") return "is blocked (connection refused)";
  return outcome ? `is blocked (${describeError(outcome)})` : "is blocked";
}

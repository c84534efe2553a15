import { describeError, describeFailure, LOOKUP_ERRORS } from "../host/types";
import type { Probe } from "./types";
import { attempt, result } from "./util";

// Apple Push (iMessage, FaceTime, 2FA prompts on other devices). Real
// clients dial `N-courier.push.apple.com` (N from 1 to 50) on 5223 and fall
// back to 443, so `1-courier.push.apple.com` is tried first and the bare
// `courier.push.apple.com` is a second witness; all at once. A port counts as
// open when either name answers on it. 5223 blocked alone is a warning, both
// blocked is a failure.
export const pushProbe: Probe = {
  id: "push",
  title: "Apple Push Service",
  area: "apple",
  async run({ host, targets, signal }) {
    const names = targets.pushHosts?.length ? targets.pushHosts : [targets.pushHost];
    const tries = await Promise.all(
      targets.pushPorts.flatMap((port) =>
        names.map(async (name) => ({ name, port, ...(await attempt(() => host.tcp(name, port, { signal }))) })),
      ),
    );
    // A name a recording lacks (older recordings hold only the bare name) is no evidence either way.
    const seen = tries.filter((t) => t.code !== "ENOTRECORDED");
    if (seen.length === 0) return result("skip", "No push connection tests in the recording");
    const details = seen.map(
      (t) => `${t.name}:${t.port} ${t.value ?? describeFailure(t.code ?? "", t.name)} (${t.ms} ms)`,
    );
    const ports = targets.pushPorts
      .map((port) => {
        const onPort = seen.filter((t) => t.port === port);
        const open = onPort.find((t) => t.value === "open");
        return {
          port,
          open: Boolean(open),
          result: open ? "open" : (onPort[0]?.value ?? onPort[0]?.code),
          tried: onPort.length,
        };
      })
      .filter((p) => p.tried > 0);
    const data = { ports: ports.map(({ port, result: r }) => ({ port, result: r })), hosts: names };
    // No name resolved: nothing was tried on any port, so nothing says the ports are blocked.
    if (seen.every((t) => LOOKUP_ERRORS.has(t.code ?? ""))) {
      const first = seen[0];
      return result("fail", `Push service not tried: ${describeFailure(first.code!, first.name)}`, details, {
        fixes: ["flush-dns", "open-network-settings"],
        data: { ...data, cause: "dns" },
      });
    }
    const [primary, ...fallbacks] = ports;
    if (primary.open) return result("pass", `Push service reachable on port ${primary.port}`, details, { data });
    const fallback = fallbacks.find((p) => p.open);
    if (fallback) {
      return result(
        "warn",
        `Port ${primary.port} ${portWords(primary.result)}; push falls back to ${fallback.port}, which is slower`,
        details,
        { fixes: ["open-network-settings"], data },
      );
    }
    return result(
      "fail",
      `Can't reach Apple's push service on port ${ports.map((p) => p.port).join(" or ")}`,
      details,
      { fixes: ["open-network-settings"], data },
    );
  },
};

/** "is blocked (timed out)": what a closed port did, in words. */
function portWords(outcome: string | undefined): string {
  if (outcome === "timeout" || outcome === "ETIMEDOUT") return "is blocked (timed out)";
  if (outcome === "refused" || outcome === "ECONNREFUSED") return "is blocked (connection refused)";
  return outcome ? `is blocked (${describeError(outcome)})` : "is blocked";
}

import { describeFailure, LOOKUP_ERRORS } from "../host/types";
import type { Probe } from "./types";
import { attempt, result } from "./util";

// Apple Push (iMessage, FaceTime, 2FA prompts on other devices) connects to
// courier.push.apple.com on 5223 and falls back to 443. Both are tried at
// once; 5223 blocked alone is a warning, both blocked is a failure.
const PORT_WORDS: Record<string, string> = {
  timeout: "timed out",
  refused: "refused the connection",
  unreachable: "is unreachable",
};

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
    const details = tries.map(
      (t) => `${targets.pushHost}:${t.port} ${t.value ?? describeFailure(t.code ?? "", targets.pushHost)} (${t.ms} ms)`,
    );
    const data = { ports: tries.map((t) => ({ port: t.port, result: t.value ?? t.code })) };
    if (tries.every((t) => t.code === "ENOTRECORDED"))
      return result("skip", "No push connection tests in the recording");
    const [primary, ...fallbacks] = tries;
    // The name didn't resolve: nothing was tried on any port, so nothing says the ports are blocked.
    const byName = tries.find((t) => LOOKUP_ERRORS.has(t.code ?? ""));
    if (byName && !tries.some((t) => t.value === "open")) {
      return result("fail", `Push service not tried: ${describeFailure(byName.code!, targets.pushHost)}`, details, {
        fixes: ["flush-dns", "open-network-settings"],
        data: { ...data, cause: "dns" },
      });
    }
    if (primary.value === "open")
      return result("pass", `Push service reachable on port ${primary.port}`, details, { data });
    const fallback = fallbacks.find((t) => t.value === "open");
    if (fallback) {
      return result(
        "warn",
        `Port ${primary.port} ${PORT_WORDS[primary.value ?? ""] ?? "is blocked"}; push falls back to ${fallback.port}, which is slower`,
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

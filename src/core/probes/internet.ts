import { describeError } from "../host/types";
import type { Probe } from "./types";
import { attempt, hostOf, result } from "./util";

// Raw connectivity without DNS (an IP and a port), with the captive-portal
// fetch as a second witness: some networks block 1.1.1.1 but still work.
export const internetProbe: Probe = {
  id: "internet",
  title: "Internet Connection",
  area: "network",
  async run({ host, targets, signal }) {
    const { host: ip, port } = targets.rawConnectivity;
    const [raw, web] = await Promise.all([
      attempt(() => host.tcp(ip, port, { signal })),
      attempt(() => host.http(targets.captiveUrl, { signal })),
    ]);
    const rawText = raw.value
      ? `${ip}:${port} ${raw.value} (${raw.ms} ms)`
      : `${ip}:${port}: ${describeError(raw.code!)}`;
    const webText = web.value
      ? `${hostOf(targets.captiveUrl)} answered HTTP ${web.value.status}`
      : `${hostOf(targets.captiveUrl)}: ${describeError(web.code!)}`;
    const details = [rawText, webText];
    if (raw.value === "open") return result("pass", "Connected to the internet", details, { data: { raw: raw.value } });
    if (web.value) {
      return result(
        "warn",
        `Internet works, but a direct connection to ${ip}:${port} was ${raw.value ?? "not possible"}`,
        details,
        {
          data: { raw: raw.value ?? raw.code },
        },
      );
    }
    if (raw.code === "ENOTRECORDED" && web.code === "ENOTRECORDED")
      return result("skip", "No connectivity inputs in the recording");
    return result("fail", "This Mac isn't connected to the internet", details, {
      fixes: ["open-network-settings"],
      data: { raw: raw.value ?? raw.code },
    });
  },
};

import { parseFirewallState } from "../parse/socketfilterfw";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

// The macOS application firewall filters incoming connections only, so it
// can't block sign-in: shown for completeness, always as information.
export const firewallProbe: Probe = {
  id: "firewall",
  title: "Firewall",
  area: "security",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    const out = await readCommand(ctx, [ctx.bin.socketfilterfw, "--getglobalstate"]);
    if (!out.ok) return out.result;
    const fw = parseFirewallState(out.stdout);
    const line = out.stdout.trim().split("\n")[0] ?? "";
    const summaries = {
      off: "Firewall off",
      on: "Firewall on; it filters incoming connections only, so it can't block sign-in",
      "block-all": "Firewall blocks all incoming connections; sign-in is outgoing, so it isn't affected",
      unknown: "Firewall state unknown",
    } as const;
    return result(fw.state === "unknown" ? "skip" : "pass", summaries[fw.state], line ? [line] : [], {
      data: { state: fw.state },
    });
  },
};

import { parseFirewallState } from "../parse/socketfilterfw";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

// The macOS application firewall filters incoming connections only, so it
// can't block sign-in: shown for completeness, always as information.
// Block-all is read from its own line (`--getblockall`), never from
// `State = 2`, which real Macs also print with block-all off.
export const firewallProbe: Probe = {
  id: "firewall",
  title: "Firewall",
  area: "security",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    const [out, blockAllOut] = await Promise.all([
      readCommand(ctx, [ctx.bin.socketfilterfw, "--getglobalstate"]),
      readCommand(ctx, [ctx.bin.socketfilterfw, "--getblockall"]),
    ]);
    if (!out.ok) return out.result;
    const fw = parseFirewallState(out.stdout + (blockAllOut.ok ? `\n${blockAllOut.stdout}` : ""));
    const lines = [out.stdout, blockAllOut.ok ? blockAllOut.stdout : ""]
      .flatMap((t) => t.trim().split("\n"))
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 6);
    const on = "it filters incoming connections only, so it can't block sign-in";
    const summaries = {
      off: "Firewall off",
      on: `Firewall on; ${on}`,
      strict: `Firewall on (strict); ${on}`,
      unknown: "Firewall state unknown",
    } as const;
    const summary =
      fw.state !== "off" && fw.state !== "unknown" && fw.blockAll
        ? "Firewall blocks all incoming connections; sign-in is outgoing, so it isn't affected"
        : summaries[fw.state];
    return result(fw.state === "unknown" ? "skip" : "pass", summary, lines, {
      data: { state: fw.state, blockAll: fw.blockAll, stealth: fw.stealth },
    });
  },
};

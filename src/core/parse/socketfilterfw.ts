// Parser for `socketfilterfw --getglobalstate` (and the `--getblockall` /
// `--getstealthmode` lines when they are in the same text). The application
// firewall filters inbound connections only, so this is information for the
// report, never a cause of sign-in failure.
//
// `State = 2` is not "block all": real Macs print `Firewall is enabled.
// (State = 2)` with block-all disabled and stealth mode on (kolide/launcher
// socketfilterfw test data, PR #1842), so 2 reads as "on (strict)" and
// block-all comes only from its own line.

export interface FirewallState {
  state: "off" | "on" | "strict" | "unknown";
  /** From `Firewall has block all state set to …` or the old `Firewall is blocking all …` sentence; unset when not said. */
  blockAll?: boolean;
  /** From `Stealth mode enabled|disabled` / `Firewall stealth mode is on|off`; unset when not said. */
  stealth?: boolean;
  /** Trimmed output, capped so junk cannot bloat a report. */
  raw: string;
}

const MAX_RAW = 500;
const BY_NUMBER: Record<string, FirewallState["state"]> = { "0": "off", "1": "on", "2": "strict" };

export function parseFirewallState(text: string): FirewallState {
  try {
    if (typeof text !== "string") return { state: "unknown", raw: "" };
    // Read the whole output, keep only the start: capping first can cut the state line off.
    const all = text.trim();
    const out: FirewallState = { state: stateOf(all), raw: all.slice(0, MAX_RAW) };
    const blockAll = readBlockAll(all);
    if (blockAll !== undefined) out.blockAll = blockAll;
    const stealth = readStealth(all);
    if (stealth !== undefined) out.stealth = stealth;
    return out;
  } catch {
    return { state: "unknown", raw: "" };
  }
}

function stateOf(raw: string): FirewallState["state"] {
  const byNumber = BY_NUMBER[/State = (\d)\b/.exec(raw)?.[1] ?? ""];
  if (byNumber) return byNumber;
  // No (known) number: fall back to the sentence. The old block-all wording means on, at its strictest.
  if (/\bFirewall is blocking all\b/i.test(raw)) return "strict";
  if (/\bFirewall is disabled\b/i.test(raw)) return "off";
  if (/\bFirewall is enabled\b/i.test(raw)) return "on";
  return "unknown";
}

function readBlockAll(raw: string): boolean | undefined {
  const m = /\bblock all state set to (enabled|disabled)\b/i.exec(raw);
  if (m) return m[1].toLowerCase() === "enabled";
  if (/\bFirewall is blocking all non-essential incoming connections\b/i.test(raw)) return true;
  return undefined;
}

function readStealth(raw: string): boolean | undefined {
  const m = /\bstealth mode (?:is )?(enabled|disabled|on|off)\b/i.exec(raw);
  if (!m) return undefined;
  return m[1].toLowerCase() === "enabled" || m[1].toLowerCase() === "on";
}

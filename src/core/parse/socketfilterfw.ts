// Parser for `socketfilterfw --getglobalstate`. The application firewall filters inbound
// connections only, so this is information for the report, never a cause of sign-in failure.

export interface FirewallState {
  state: "off" | "on" | "block-all" | "unknown";
  /** Trimmed output, capped so junk cannot bloat a report. */
  raw: string;
}

const MAX_RAW = 500;
const BY_NUMBER: Record<string, FirewallState["state"]> = { "0": "off", "1": "on", "2": "block-all" };

export function parseFirewallState(text: string): FirewallState {
  try {
    if (typeof text !== "string") return { state: "unknown", raw: "" };
    // Read the whole output, keep only the start: capping first can cut the state line off.
    const all = text.trim();
    const raw = all.slice(0, MAX_RAW);
    const byNumber = BY_NUMBER[/State = (\d)\b/.exec(all)?.[1] ?? ""];
    if (byNumber) return { state: byNumber, raw };
    // No (known) number: fall back to the sentence.
    if (/\bblocking all\b/i.test(all)) return { state: "block-all", raw };
    if (/\bFirewall is disabled\b/i.test(all)) return { state: "off", raw };
    if (/\bFirewall is enabled\b/i.test(all)) return { state: "on", raw };
    return { state: "unknown", raw };
  } catch {
    return { state: "unknown", raw: "" };
  }
}

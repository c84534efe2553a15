// Stable IDs from CONTRACT.md section 3. They only ever grow.

export const PROBE_IDS = [
  "apple-status",
  "internet",
  "captive-portal",
  "dns",
  "apple-hosts",
  "push",
  "tls-inspection",
  "clock",
  "time-settings",
  "proxy",
  "vpn",
  "macos",
  "account",
  "firewall",
  // Added Dec 2026 (CONTRACT.md section 3).
  "hosts-file",
  "restrictions",
  "network-filter",
] as const;
export type ProbeId = (typeof PROBE_IDS)[number];

export const CAUSE_IDS = [
  "apple-outage",
  "offline",
  "captive-portal",
  "dns",
  "blocked",
  "push-blocked",
  "clock-skew",
  "tls-inspection",
  "proxy",
  "vpn",
  "signed-out",
  "none",
  // Added Dec 2026 (CONTRACT.md section 3).
  "hosts-file",
  "restricted",
  "network-filter",
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export const FIX_IDS = [
  "flush-dns",
  "sync-clock",
  "restart-icloud-daemons",
  "reset-account-cache",
  "restore-account-cache",
  "open-date-time-settings",
  "open-network-settings",
  "open-vpn-settings",
  "open-apple-account-settings",
  "open-status-page",
  "contact-apple-support",
] as const;
export type FixId = (typeof FIX_IDS)[number];

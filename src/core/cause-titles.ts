import type { CauseId } from "./ids";

/** Causes as a person names them (Title Case, for lists and reports). */
export const CAUSE_TITLES: Record<CauseId, string> = {
  "apple-outage": "Apple Outage",
  offline: "No Internet Connection",
  "captive-portal": "Wi-Fi Login Page",
  dns: "DNS Problem",
  blocked: "Apple's Servers Are Blocked",
  "push-blocked": "Push Service Blocked",
  "clock-skew": "Clock Is Off",
  "tls-inspection": "HTTPS Inspection",
  proxy: "Proxy In Use",
  vpn: "VPN In Use",
  "signed-out": "Not Signed In",
  none: "No Problems Found",
  "hosts-file": "Hosts File Blocks Apple",
  restricted: "Account Changes Not Allowed",
  "network-filter": "Network Filter In The Way",
};

/** A diagnosis entry's title: its own when it has one ("Not Fully Checked"), else its cause's. */
export function causeName(cause: { cause: CauseId; title?: string }): string {
  return cause.title ?? CAUSE_TITLES[cause.cause];
}

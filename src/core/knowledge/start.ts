import { STEP, GUIDES, type KnowledgeEntry } from "./entry";

// Where to start: the guides' recommended order.
export const START: readonly KnowledgeEntry[] = [
  {
    id: "where-to-start",
    title: "Where to Start",
    match: {
      codes: [],
      phrases: [
        "can't sign in",
        "cannot sign in to Apple ID",
        "Apple ID not working",
        "Apple Account not working",
        "where to start",
        "what to try first",
        "troubleshooting order",
      ],
    },
    meaning:
      "No specific message to go on? These steps, in this order, find the usual causes fastest: Apple's side first, then the network, the time, the account and finally this Mac.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (recommended order)`,
    likelyCauses: ["apple-outage", "offline", "dns", "blocked", "vpn", "proxy", "clock-skew", "signed-out"],
    probes: [
      "apple-status",
      "apple-hosts",
      "push",
      "internet",
      "captive-portal",
      "dns",
      "tls-inspection",
      "clock",
      "time-settings",
      "proxy",
      "vpn",
      "firewall",
      "account",
      "macos",
    ],
    fixes: ["open-status-page", "open-network-settings", "open-date-time-settings", "open-apple-account-settings"],
    steps: [
      STEP.status,
      "Try your password on another device or at account.apple.com: if it works there, the account is fine.",
      `${STEP.otherNetwork} ${STEP.vpnOff}`,
      STEP.dateTime,
      `${STEP.signOutIn} Approve the sign-in on a trusted device.`,
      "If macOS keeps asking for the password, quit System Settings, open it again and sign in. Leave Keychain items alone unless Apple Support asks.",
      STEP.updates,
      "Try the App Store, Messages and FaceTime: if all of them fail, the problem is broader than one app.",
      "Restart your router, or try Ethernet or another router.",
      "Flush DNS Cache. Leave NVRAM or SMC resets to Apple Support's guidance.",
      "Try signing in from a new macOS user account: if it works there, the problem is in your user profile.",
      STEP.support,
    ],
  },
];

import { STEP, type KnowledgeEntry } from "./entry";

// The messages people see.
export const MESSAGES: readonly KnowledgeEntry[] = [
  {
    id: "apple-id-server-error",
    title: "Error Connecting to the Apple Account Server",
    match: {
      codes: [],
      phrases: [
        "There was an error connecting to the Apple ID server",
        "There was an error connecting to the Apple Account server",
        "Verification failed",
        "Verification Failed: There was an error connecting to the Apple ID server",
        "can't connect to the Apple ID server",
        "cannot connect to the Apple Account server",
        "Apple ID server error",
      ],
    },
    meaning:
      "macOS's general message when sign-in couldn't reach Apple or couldn't finish talking to it. It names no cause: the network, DNS, the clock, a VPN or proxy, HTTPS inspection or an Apple outage all end in this message.",
    confidence: "medium",
    verified: true,
    source:
      "Common user reports (newer macOS says “Apple Account server”); the causes come from product troubleshooting guides",
    likelyCauses: ["dns", "blocked", "clock-skew", "tls-inspection", "vpn", "proxy", "apple-outage", "offline"],
    probes: ["apple-status", "internet", "dns", "apple-hosts", "tls-inspection", "clock", "proxy", "vpn"],
    fixes: ["flush-dns", "sync-clock", "open-status-page", "open-network-settings"],
    steps: [
      STEP.checks,
      STEP.status,
      `${STEP.otherNetwork} ${STEP.vpnOff}`,
      STEP.dateTime,
      STEP.signOutIn,
      STEP.updates,
    ],
  },
  {
    id: "could-not-communicate",
    title: "Could Not Communicate With the Server",
    match: {
      codes: [],
      phrases: [
        "Could not communicate with the server",
        "couldn't communicate with the server",
        "cannot communicate with the server",
      ],
    },
    meaning:
      "The Mac sent a request but got no usable answer. Usually the connection was blocked, dropped or intercepted on the way, or Apple's service was briefly unavailable.",
    confidence: "medium",
    verified: true,
    source: "Common user reports; the message itself names no cause",
    likelyCauses: ["blocked", "tls-inspection", "proxy", "vpn", "offline", "apple-outage"],
    probes: ["apple-status", "internet", "apple-hosts", "push", "tls-inspection", "proxy", "vpn"],
    fixes: ["open-status-page", "open-vpn-settings", "open-network-settings"],
    steps: [STEP.checks, STEP.status, STEP.vpnOff, STEP.otherNetwork],
  },
  {
    id: "unknown-error",
    title: "An Unknown Error Occurred",
    match: { codes: [], phrases: ["An unknown error occurred", "unknown error"] },
    meaning:
      "A catch-all: macOS didn't say what failed. Treat it like the Apple Account server error and let the checks narrow it down; note any code shown with it.",
    confidence: "low",
    verified: true,
    source: "Common user reports; the message itself names no cause",
    likelyCauses: ["dns", "blocked", "clock-skew", "tls-inspection", "vpn", "proxy", "apple-outage"],
    probes: ["apple-status", "internet", "dns", "apple-hosts", "tls-inspection", "clock", "proxy", "vpn", "account"],
    fixes: ["open-status-page", "open-network-settings"],
    steps: [STEP.checks, STEP.status, STEP.otherNetwork, STEP.signOutIn, STEP.support],
  },
];

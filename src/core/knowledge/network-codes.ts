import { STEP, type KnowledgeEntry } from "./entry";

// Network and certificate codes (Node's names, as the checks report them).
export const NETWORK_CODES: readonly KnowledgeEntry[] = [
  {
    id: "name-not-found",
    title: "Name Not Found (DNS)",
    match: {
      codes: ["ENOTFOUND", "EAI_AGAIN"],
      phrases: [
        "getaddrinfo ENOTFOUND",
        "getaddrinfo EAI_AGAIN",
        "name not found",
        "server can't be found",
        "DNS lookup failed",
      ],
    },
    meaning:
      "The Mac couldn't turn an Apple host name into an address, so sign-in can't start. EAI_AGAIN means the DNS server didn't answer in time.",
    confidence: "high",
    verified: true,
    source: "Node.js DNS error codes",
    likelyCauses: ["dns", "offline", "captive-portal"],
    probes: ["internet", "captive-portal", "dns", "apple-hosts"],
    fixes: ["flush-dns", "open-network-settings"],
    steps: [STEP.flushDns, STEP.publicDns, STEP.otherNetwork, "Restart your router."],
  },
  {
    id: "connection-refused",
    title: "Connection Refused or Timed Out",
    match: {
      codes: ["ECONNREFUSED", "ETIMEDOUT"],
      phrases: ["connect ECONNREFUSED", "connect ETIMEDOUT", "connection refused", "connection timed out", "timed out"],
    },
    meaning:
      "The name resolved, but the connection to Apple didn't go through: something refused it or silently dropped it. Firewalls, proxies, VPNs and filtered networks do this; rarely it's Apple's side.",
    confidence: "high",
    verified: true,
    source: "Node.js socket error codes",
    likelyCauses: ["blocked", "proxy", "vpn", "push-blocked", "apple-outage"],
    probes: ["apple-status", "apple-hosts", "push", "proxy", "vpn", "firewall"],
    fixes: ["open-vpn-settings", "open-network-settings"],
    steps: [
      STEP.vpnOff,
      STEP.otherNetwork,
      "On a work or school network, ask the administrator to allow Apple's hosts on ports 443 and 5223.",
    ],
  },
  {
    id: "network-unreachable",
    title: "Network Unreachable",
    match: {
      codes: ["EHOSTUNREACH", "ENETUNREACH"],
      phrases: ["no route to host", "network is unreachable", "host unreachable"],
    },
    meaning:
      "The Mac has no route to Apple's servers: it's offline, the Wi-Fi has no internet behind it, or a VPN took over the routes.",
    confidence: "high",
    verified: true,
    source: "Node.js socket error codes",
    likelyCauses: ["offline", "captive-portal", "vpn"],
    probes: ["internet", "captive-portal", "vpn"],
    fixes: ["open-network-settings", "open-vpn-settings"],
    steps: [
      "Open a website to check the internet works; if a Wi-Fi login page appears, sign in there.",
      "Turn Wi-Fi off and on, or try another network.",
      STEP.vpnOff,
    ],
  },
  {
    id: "certificate-dates",
    title: "Certificate Not Yet Valid or Expired",
    match: {
      codes: ["CERT_NOT_YET_VALID", "CERT_HAS_EXPIRED"],
      phrases: ["certificate is not yet valid", "certificate has expired", "certificate expired"],
    },
    meaning:
      "A certificate looked out of date. Apple renews its certificates on time, so this almost always means this Mac's clock is wrong.",
    confidence: "high",
    verified: true,
    source: "Node.js TLS error codes; a clock outside a certificate's validity produces them",
    likelyCauses: ["clock-skew", "tls-inspection"],
    probes: ["clock", "time-settings", "tls-inspection"],
    fixes: ["sync-clock", "open-date-time-settings"],
    steps: [
      "Sync Clock, or set the date and time automatically in System Settings → General → Date & Time.",
      "Try signing in again.",
      "If the clock is right and this still happens, something on the network is inspecting HTTPS: run the related checks.",
    ],
  },
  {
    id: "certificate-chain",
    title: "Untrusted Certificate Chain",
    match: {
      codes: ["SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
      phrases: ["self-signed certificate in certificate chain", "unable to get local issuer certificate"],
    },
    meaning:
      "A certificate wasn't issued by a root this program trusts. On Apple's sign-in hosts that usually means a proxy, antivirus or “secure” VPN is inspecting HTTPS, which Apple's services don't accept. One exception: gsa.apple.com uses Apple's own root, which Node doesn't carry, so this code for gsa.apple.com alone is normal.",
    confidence: "medium",
    verified: true,
    source:
      "Node.js TLS error codes; Apple's enterprise-network guidance on HTTPS interception (support.apple.com/101555)",
    likelyCauses: ["tls-inspection", "proxy", "vpn"],
    probes: ["tls-inspection", "proxy", "vpn"],
    fixes: ["open-network-settings", "open-vpn-settings"],
    steps: [
      "Turn off HTTPS scanning or web protection in antivirus or filtering apps for one test.",
      STEP.vpnOff,
      "On a managed network, ask the administrator to exempt Apple's hosts from SSL inspection.",
      STEP.otherNetwork,
    ],
  },
];

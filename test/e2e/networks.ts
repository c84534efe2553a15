import { ADDR, type World } from "./world";

// The broken networks people sign in from, each as the real-server world
// that makes it (test/e2e/world.ts). Shared by the e2e suite and the bench.

const drop = (...match: string[]) => [...match, "-j", "DROP"];
const reset = (...match: string[]) => [...match, "-j", "REJECT", "--reject-with", "tcp-reset"];

export const NETWORKS = {
  healthy: {},
  clockAhead: { ntpClock: "-540s" },
  clockBehind: { ntpClock: "+3h" },
  ntpDroppedClockRight: { iptables: [drop("-p", "udp", "--dport", "123")] },
  // This Mac's clock is 9 min slow; Apple's servers are right.
  ntpDroppedClockWrong: { iptables: [drop("-p", "udp", "--dport", "123")], macClock: "-540s" },
  servfail: { router: "servfail" },
  nxdomain: { router: "nxdomain" },
  silentResolver: {
    router: "silent",
    iptables: [
      drop("-d", ADDR.router, "-p", "udp", "--dport", "53"),
      drop("-d", ADDR.router, "-p", "tcp", "--dport", "53"),
    ],
  },
  deadResolversEverywhere: { router: "nxdomain", publicDown: true },
  sinkhole: { router: "sinkhole" },
  interception: { tls: "inspected" },
  expiredCertificates: { tls: "expired" },
  loginPage: {
    captive: "login",
    iptables: [reset("-p", "tcp", "--dport", "443"), reset("-p", "tcp", "--dport", "5223")],
  },
  push5223Dropped: { iptables: [drop("-p", "tcp", "--dport", "5223")] },
  signInHanging: { iptables: [drop("-d", ADDR.signIn, "-p", "tcp", "--dport", "443")] },
  offline: { offline: true },
  // A privacy hosts list's line for the sign-in host (StevenBlack/hosts#810), read by the real c-ares resolver.
  hostsFileBlocksGsa: { hostsLines: ["# Title: StevenBlack/hosts", "0.0.0.0 gsa.apple.com"] },
  // An IPv6-only network whose resolver does DNS64 (unbound's dns64 module) in front of NAT64's prefix.
  ipv6OnlyNat64: { ipv6Only: true },
  // A web filter answers GrandSlam's lookup with its block page while every handshake completes.
  blockPageOnLookup: { signInService: "blockPage" },
} satisfies Record<string, World>;

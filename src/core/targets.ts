// Every network target in one place, Apple's by default. Tests and the bench
// point the real host at loopback servers through the host's redirects, so
// probes keep asking for Apple's names and recordings keep Apple's keys.

export interface Targets {
  statusFeeds: { consumer: string; developer: string };
  statusPage: string;
  captiveUrl: string;
  /** Hosts the sign-in flow talks to; resolved and handshaken on port 443. */
  signInHosts: string[];
  tlsPort: number;
  /** The bare push name: kept as the second witness (and for older recordings). */
  pushHost: string;
  /**
   * The push names tried, first to last: real clients dial `N-courier.push.apple.com`
   * (N from 1 to 50, from the push bag; Jamf's environment test probes 1…50), so the first
   * numbered one leads and the bare name follows.
   */
  pushHosts?: string[];
  /** Push tries 5223, then falls back to 443. */
  pushPorts: number[];
  /** Raw connectivity without DNS. */
  rawConnectivity: { host: string; port: number };
  ntpServers: string[];
  publicResolvers: string[];
  /**
   * GrandSlam's unauthenticated URL bag on gsa.apple.com: AuthKit and open-source clients fetch it
   * first, so its answer shows whether Apple's sign-in service (not just a TLS server) answers.
   */
  signInLookup?: string;
}

export const DEFAULT_TARGETS: Targets = {
  statusFeeds: {
    consumer: "https://www.apple.com/support/systemstatus/data/system_status_en_US.js",
    developer: "https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js",
  },
  statusPage: "https://www.apple.com/support/systemstatus/",
  captiveUrl: "http://captive.apple.com/hotspot-detect.html",
  signInHosts: [
    "appleid.apple.com",
    "idmsa.apple.com",
    "gsa.apple.com",
    "setup.icloud.com",
    "account.apple.com",
    "appleid.cdn-apple.com",
  ],
  tlsPort: 443,
  pushHost: "courier.push.apple.com",
  pushHosts: ["1-courier.push.apple.com", "courier.push.apple.com"],
  pushPorts: [5223, 443],
  rawConnectivity: { host: "1.1.1.1", port: 443 },
  ntpServers: ["time.apple.com", "time-macos.apple.com"],
  publicResolvers: ["1.1.1.1", "8.8.8.8"],
  signInLookup: "https://gsa.apple.com/grandslam/GsService2/lookup",
};

/** Per-operation timeouts (ms); each stays under the run's default 5 s deadline. */
export const TIMEOUTS = {
  exec: 3000,
  http: 4000,
  dns: 2000,
  tcp: 2500,
  tls: 3000,
  ntp: 2000,
};

/** Bodies beyond this are cut, live and in a replay alike: the status feed is ~100 KB, a captive page less. */
export const HTTP_BODY_LIMIT = 2 * 1024 * 1024;

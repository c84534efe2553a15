import net from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BinaryTable } from "../../src/core/host/binaries";
import { createRealHost } from "../../src/core/host/real";
import type { Host } from "../../src/core/host/types";
import { DEFAULT_TARGETS, type Targets } from "../../src/core/targets";
import { fakeMacBin } from "./fake-mac-bin";
import { healthy, SUCCESS_PAGE } from "./scenarios";
import {
  startDnsServer,
  startDroppingListener,
  startHttpServer,
  startNtpServer,
  startSilentServer,
  startTcpListener,
  startTlsServer,
  APPLE_NAMED_CA,
  type TestServer,
} from "./servers";

// A whole healthy Mac's network on 127.0.0.1: captive page and status feed
// over HTTP, the sign-in hosts over TLS (test CA), push and raw TCP, a DNS
// responder, an NTP server, and fake macOS commands. The real host reaches
// it through redirects, so the real probes run unchanged with Apple's names.
// Delays per kind let tests and the bench shape the timing; `hang` makes
// every network dependency hang instead.

export interface LoopbackMacOptions {
  delays?: Partial<Record<"http" | "tls" | "tcp" | "dns" | "ntp", number>>;
  /** Every network dependency accepts and never answers. */
  hang?: boolean;
}

export interface LoopbackMac {
  host: Host;
  targets: Targets;
  binaries: BinaryTable;
  close(): Promise<void>;
}

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");
const ADDRESSES: Record<string, string[]> = Object.fromEntries(
  DEFAULT_TARGETS.signInHosts.map((h, i) => [h, [`17.32.194.${10 + i}`]]),
);

/** A TCP forwarder that waits before connecting through: a delay for any TCP or TLS service. */
async function delayProxy(targetPort: number, delayMs: number): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const timer = setTimeout(() => {
      const upstream = net.connect(targetPort, "127.0.0.1");
      sockets.add(upstream);
      upstream.on("close", () => sockets.delete(upstream));
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    }, delayMs);
    client.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function startLoopbackMac(options: LoopbackMacOptions = {}): Promise<LoopbackMac> {
  const d = options.delays ?? {};
  const servers: TestServer[] = [];
  const keep = <T extends TestServer>(s: T) => (servers.push(s), s);
  const loop = (port: number) => `127.0.0.1:${port}`;

  let httpPort: number, tlsPort: number, tcpPort: number, dnsPort: number, ntpPort: number;
  if (options.hang) {
    const silent = keep(await startSilentServer());
    const dropping = keep(await startDroppingListener());
    httpPort = silent.port;
    tlsPort = silent.port;
    tcpPort = dropping.port;
    dnsPort = keep(await startDnsServer({ silent: true })).port;
    ntpPort = keep(await startNtpServer({ fault: "silent" })).port;
  } else {
    const web = keep(
      await startHttpServer({
        "/hotspot-detect.html": { body: SUCCESS_PAGE, delayMs: d.http, headers: { "content-type": "text/html" } },
        "/support/systemstatus/data/system_status_en_US.js": {
          body: fixture("status-consumer-no-issues.json"),
          delayMs: d.http,
          headers: { "content-type": "application/json" },
        },
        "/support/systemstatus/data/developer/system_status_en_US.js": {
          body: `jsonCallback(${fixture("status-developer-one-ongoing.json")});`,
          delayMs: d.http,
        },
      }),
    );
    httpPort = web.port;
    const tlsServer = keep(await startTlsServer("apple-issued"));
    tlsPort = d.tls ? keep(await delayProxy(tlsServer.port, d.tls)).port : tlsServer.port;
    const tcpServer = keep(await startTcpListener());
    tcpPort = d.tcp ? keep(await delayProxy(tcpServer.port, d.tcp)).port : tcpServer.port;
    dnsPort = keep(await startDnsServer({ records: ADDRESSES, delayMs: d.dns })).port;
    ntpPort = keep(await startNtpServer({ skewMs: 0, delayMs: d.ntp })).port;
  }

  const targets = DEFAULT_TARGETS;
  const connect: Record<string, string> = {};
  for (const h of targets.signInHosts) connect[`${h}:${targets.tlsPort}`] = loop(tlsPort);
  for (const p of targets.pushPorts)
    for (const name of targets.pushHosts ?? [targets.pushHost]) connect[`${name}:${p}`] = loop(tcpPort);
  connect[`${targets.rawConnectivity.host}:${targets.rawConnectivity.port}`] = loop(tcpPort);
  const dnsRedirect: Record<string, string> = { system: loop(dnsPort) };
  for (const r of targets.publicResolvers) dnsRedirect[r] = loop(dnsPort);
  const ntpRedirect: Record<string, string> = {};
  for (const s of targets.ntpServers) ntpRedirect[s] = loop(ntpPort);

  const host = createRealHost({
    platform: "darwin",
    env: {},
    ca: [APPLE_NAMED_CA],
    loopbackOnly: true,
    redirect: {
      connect,
      http: {
        "http://captive.apple.com": `http://${loop(httpPort)}`,
        "https://www.apple.com": `http://${loop(httpPort)}`,
      },
      dns: dnsRedirect,
      ntp: ntpRedirect,
    },
  });
  const { bin } = fakeMacBin(healthy());
  return {
    host,
    targets,
    binaries: bin,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

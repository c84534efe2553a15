// Loopback stand-ins for Apple's servers, a resolver and a time server. The
// real host is pointed at them through its redirects, so tests exercise real
// sockets, real TLS and real packet parsing without leaving 127.0.0.1.

import dgram from "node:dgram";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { performance } from "node:perf_hooks";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export interface TestServer {
  port: number;
  close(): Promise<void>;
}

const LOCAL = "127.0.0.1";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- certificates

/**
 * Made by scripts/make-test-certs.sh at the start of every run (test/global-setup.ts),
 * never committed; every leaf names the Apple sign-in hosts and localhost.
 */
export type CertName = "apple" | "apple-issued" | "expired" | "not-yet-valid" | "self-signed" | "inspected";

const fixture = (file: string) => readFileSync(fileURLToPath(new URL(`../.tls/${file}`, import.meta.url)), "utf8");

/** "Apple ID Doctor Test CA": signs apple, expired and not-yet-valid. */
export const TEST_CA = fixture("ca.pem");
/** "Corp SSL Inspection CA": signs inspected, as an intercepting proxy would. */
export const INSPECTION_CA = fixture("inspection-ca.pem");

/** A test CA named like Apple's issuer ("Apple Public Server RSA CA 12 - G1"); signs apple-issued. */
export const APPLE_NAMED_CA = fixture("apple-named-ca.pem");

export function certificate(name: CertName): { key: string; cert: string } {
  return { key: fixture(`${name}.key`), cert: fixture(`${name}.pem`) };
}

// ---------------------------------------------------------------- plumbing

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, LOCAL, () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Listens on an ephemeral loopback port; close() ends hanging connections instead of waiting for them. */
async function start(server: net.Server): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("error", () => {}); // clients hang up abruptly on purpose
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- http(s)

export interface HttpRoute {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
  /** Drop the connection without a response. */
  destroy?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface HttpTestServer extends TestServer {
  requests: RecordedRequest[];
}

/** Routes by path (query ignored); "*" catches the rest, else 404. With `tls`, serves HTTPS with that certificate. */
export async function startHttpServer(
  routes: Record<string, HttpRoute>,
  options: { tls?: CertName } = {},
): Promise<HttpTestServer> {
  const requests: RecordedRequest[] = [];
  const handler: http.RequestListener = async (req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const route = routes[path] ?? routes["*"];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (route.hang) return;
    if (route.destroy) {
      req.socket.destroy();
      return;
    }
    if (route.delayMs) await sleep(route.delayMs);
    if (res.destroyed) return;
    res.writeHead(route.status ?? 200, route.headers ?? {}).end(route.body ?? "");
  };
  const server = options.tls ? https.createServer(certificate(options.tls), handler) : http.createServer(handler);
  const base = await start(server);
  return { ...base, requests };
}

// ---------------------------------------------------------------- tcp and tls

export interface TlsTestServer extends TestServer {
  /** The SNI name of each ClientHello that carried one. */
  servernames: string[];
}

/** Completes TLS handshakes with the given certificate (sent with its chain), then idles. */
export async function startTlsServer(cert: CertName): Promise<TlsTestServer> {
  const servernames: string[] = [];
  const server = tls.createServer(
    {
      ...certificate(cert),
      // Read from the ClientHello: the client may hang up before the server's handshake ends.
      SNICallback: (name, done) => {
        servernames.push(name);
        done(null);
      },
    },
    (socket) => socket.on("error", () => {}),
  );
  server.on("tlsClientError", () => {});
  return { ...(await start(server)), servernames };
}

/** Accepts TCP connections and never says a word: a TLS ClientHello goes unanswered. */
export function startSilentServer(): Promise<TestServer> {
  return start(net.createServer(() => {}));
}

/** Accepts TCP connections and closes them. */
export function startTcpListener(): Promise<TestServer> {
  return start(net.createServer((socket) => socket.end()));
}

/** A port nobody listens on: bound, then released, so a connect is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The listener lives in a worker whose event loop is then blocked, so it never
// accepts. Once its accept queue is full the kernel drops new SYNs and a
// connect hangs: a firewall that drops packets, without leaving loopback.
const BLOCKED_LISTENER = `
const { parentPort, workerData } = require("node:worker_threads");
const net = require("node:net");
const server = net.createServer();
server.listen({ host: "${LOCAL}", port: 0, backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(new Int32Array(workerData), 0, 0);
  server.close();
});`;

/** A port where TCP connects hang until the client gives up. */
export async function startDroppingListener(): Promise<TestServer> {
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(BLOCKED_LISTENER, { eval: true, workerData: flag });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  // Fill the accept queue: connects succeed until it is full, then hang.
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 16; i++) {
    const socket = net.connect(port, LOCAL);
    socket.on("error", () => {});
    fillers.push(socket);
    const connected = await Promise.race([
      new Promise<boolean>((resolve) => socket.once("connect", () => resolve(true))),
      sleep(150).then(() => false),
    ]);
    if (!connected) break;
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
      await worker.terminate();
    },
  };
}

// ---------------------------------------------------------------- udp plumbing

interface UdpServer {
  socket: dgram.Socket;
  port: number;
  closed: () => boolean;
  close(): Promise<void>;
}

async function startUdp(
  onMessage: (udp: UdpServer, message: Buffer, from: dgram.RemoteInfo) => void,
): Promise<UdpServer> {
  const socket = dgram.createSocket("udp4");
  let closed = false;
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, LOCAL, () => resolve());
  });
  const udp: UdpServer = {
    socket,
    port: socket.address().port,
    closed: () => closed,
    close: () =>
      new Promise((resolve) => {
        closed = true;
        socket.close(() => resolve());
      }),
  };
  socket.on("message", (message, from) => onMessage(udp, message, from));
  return udp;
}

function reply(udp: UdpServer, packet: Uint8Array, to: dgram.RemoteInfo) {
  if (!udp.closed()) udp.socket.send(packet, to.port, to.address);
}

// ---------------------------------------------------------------- dns

export interface DnsServerOptions {
  /** Name -> addresses (IPv4 answer A queries, IPv6 answer AAAA). Other names get NXDOMAIN. */
  records?: Record<string, string[]>;
  /** Never answer. */
  silent?: boolean;
  delayMs?: number;
  /** Answer every query with this RCODE (2 = SERVFAIL, 5 = REFUSED). */
  rcode?: number;
}

export interface DnsTestServer extends TestServer {
  queries: { name: string; type: number }[];
}

const TYPE_A = 1;
const TYPE_AAAA = 28;

/** A tiny authoritative-looking resolver speaking DNS wire format (RFC 1035) over UDP. */
export async function startDnsServer(options: DnsServerOptions = {}): Promise<DnsTestServer> {
  const queries: { name: string; type: number }[] = [];
  const records = new Map(Object.entries(options.records ?? {}).map(([name, ips]) => [name.toLowerCase(), ips]));
  const udp = await startUdp(async (server, message, from) => {
    const question = parseQuestion(message);
    if (!question) return;
    queries.push({ name: question.name, type: question.type });
    if (options.silent) return;
    if (options.delayMs) await sleep(options.delayMs);
    const known = records.get(question.name);
    const family = question.type === TYPE_A ? 4 : question.type === TYPE_AAAA ? 6 : 0;
    const answers = (known ?? []).filter((ip) => net.isIP(ip) === family);
    const rcode = options.rcode ?? (known ? 0 : 3); // 3 = NXDOMAIN; known name, other type = NODATA
    reply(server, dnsAnswer(message, question, rcode, rcode === 0 ? answers : []), from);
  });
  return { port: udp.port, close: udp.close, queries };
}

interface Question {
  name: string;
  type: number;
  end: number;
}

function parseQuestion(message: Buffer): Question | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = message[offset];
    if (length === undefined || length & 0xc0) return undefined; // questions are never compressed
    offset += 1;
    if (length === 0) break;
    labels.push(message.toString("latin1", offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return undefined;
  return { name: labels.join(".").toLowerCase(), type: message.readUInt16BE(offset), end: offset + 4 };
}

function dnsAnswer(query: Buffer, question: Question, rcode: number, answers: string[]): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // same id
  header[2] = 0x80 | 0x04 | (query[2] & 0x01); // QR, AA, RD echoed
  header[3] = 0x80 | (rcode & 0x0f); // RA, RCODE
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const records = answers.map((ip) => {
    const data = ipBytes(ip);
    const record = Buffer.alloc(12 + data.length);
    record.writeUInt16BE(0xc00c, 0); // name: pointer to the question's
    record.writeUInt16BE(data.length === 4 ? TYPE_A : TYPE_AAAA, 2);
    record.writeUInt16BE(1, 4); // class IN
    record.writeUInt32BE(60, 6); // TTL
    record.writeUInt16BE(data.length, 10);
    data.copy(record, 12);
    return record;
  });
  return Buffer.concat([header, query.subarray(12, question.end), ...records]);
}

function ipBytes(ip: string): Buffer {
  if (net.isIPv4(ip)) return Buffer.from(ip.split(".").map(Number));
  const [head, tail = ""] = ip.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array<string>(ip.includes("::") ? missing : 0).fill("0"), ...groups(tail)];
  const bytes = Buffer.alloc(16);
  all.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

// ---------------------------------------------------------------- ntp

export type NtpFault =
  | "malformed" // a 20-byte reply
  | "wrong-originate" // answers someone else's request
  | "wrong-mode" // mode 3 instead of 4
  | "kod" // kiss-o'-death, stratum 0 with a kiss code
  | "stratum0" // stratum 0 without a code
  | "stratum16" // unsynchronized by stratum
  | "unsynchronized" // leap indicator 3
  | "silent"; // never answers

export interface NtpServerOptions {
  /** The server's clock minus the real one. */
  skewMs?: number;
  /** Simulated network round trip, split evenly between the two directions; per request when an array. */
  delayMs?: number | number[];
  fault?: NtpFault;
  /** The kiss code for "kod" (default RATE). */
  kissCode?: string;
}

export interface NtpTestServer extends TestServer {
  /** Requests received so far. */
  readonly requests: number;
}

/** Written independently of src/core/host/sntp.ts, so a bug there cannot agree with itself. */
function writeNtpTime(unixMs: number, packet: Buffer, offset: number) {
  const seconds = Math.floor(unixMs / 1000);
  packet.writeUInt32BE((seconds + 2_208_988_800) % 2 ** 32, offset);
  packet.writeUInt32BE(Math.floor(((unixMs - seconds * 1000) / 1000) * 2 ** 32), offset + 4);
}

/** An SNTP server (RFC 4330 server mode) with a deliberately wrong clock or a chosen fault. */
export async function startNtpServer(options: NtpServerOptions = {}): Promise<NtpTestServer> {
  const wall = Date.now();
  const mono = performance.now();
  const serverClock = () => wall + (performance.now() - mono) + (options.skewMs ?? 0);
  const delays = Array.isArray(options.delayMs) ? options.delayMs : [options.delayMs ?? 0];
  let requests = 0;
  const udp = await startUdp(async (server, request, from) => {
    const delay = delays[Math.min(requests, delays.length - 1)];
    requests += 1;
    if (options.fault === "silent" || request.length < 48) return;
    if (delay) await sleep(delay / 2);
    const fault = options.fault;
    const packet = Buffer.alloc(48);
    const leap = fault === "unsynchronized" || fault === "kod" || fault === "stratum0" ? 3 : 0;
    packet[0] = (leap << 6) | (4 << 3) | (fault === "wrong-mode" ? 3 : 4);
    packet[1] = fault === "kod" || fault === "stratum0" ? 0 : fault === "stratum16" ? 16 : 2;
    packet[2] = request[2];
    packet[3] = 0xec; // precision 2^-20 s
    if (fault === "kod") packet.write((options.kissCode ?? "RATE").padEnd(4, " ").slice(0, 4), 12, "latin1");
    else if (fault !== "stratum0") packet.write("TEST", 12, "latin1");
    const t2 = serverClock();
    writeNtpTime(t2 - 1000, packet, 16); // reference: last set a second ago
    if (fault === "wrong-originate") packet.set(Buffer.from("0123456789abcdef", "hex"), 24);
    else request.copy(packet, 24, 40, 48);
    writeNtpTime(t2, packet, 32);
    writeNtpTime(serverClock(), packet, 40);
    if (delay) await sleep(delay / 2);
    reply(server, fault === "malformed" ? packet.subarray(0, 20) : packet, from);
  });
  return {
    port: udp.port,
    close: udp.close,
    get requests() {
      return requests;
    },
  };
}

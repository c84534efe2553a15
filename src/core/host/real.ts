// The real host: the only code that spawns processes and opens sockets.
// Every operation is bounded (its own timeout and the caller's signal) and
// reports failures as HostError with Node's code, so probes reason about
// codes, never about exceptions from five different modules.

import { execa } from "execa";
import { Resolver } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { constants as osConstants } from "node:os";
import { HTTP_BODY_LIMIT, TIMEOUTS } from "../targets";
import { listHostDir, readHostFile } from "./files";
import { connectTcp, handshake, toHostError } from "./sockets";
import { sntpQuery } from "./sntp";
import { createSystemResolver } from "./system-resolver";
import {
  errorCode,
  HostError,
  type DnsAnswer,
  type ExecOptions,
  type ExecResult,
  type Host,
  type HttpOptions,
  type HttpResponse,
  type OpOptions,
} from "./types";

export interface RealHostOptions {
  /** Default process.platform. */
  platform?: string;
  /** What host.env() reads (default process.env). Subprocesses always inherit process.env. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Loopback redirects so probes keep Apple's names while talking to test servers. */
  redirect?: {
    /** "appleid.apple.com:443" -> "127.0.0.1:40001", for tcp and tls; TLS keeps SNI = the original host. */
    connect?: Record<string, string>;
    /** Origin -> origin: "http://captive.apple.com" -> "http://127.0.0.1:40002"; the Host header stays the original. */
    http?: Record<string, string>;
    /** Server -> "ip:port": "system" -> "127.0.0.1:40053", "1.1.1.1" -> "127.0.0.1:40054". */
    dns?: Record<string, string>;
    /** "time.apple.com" -> "127.0.0.1:40123". */
    ntp?: Record<string, string>;
  };
  /** Extra trusted CAs (PEM) for tls() and https, added to Node's bundled roots. */
  ca?: string[];
  /**
   * Refuse any non-loopback target with HostError("ELOOPBACKONLY"), checked after
   * redirects and before any packet leaves. Default: APPLE_ID_DOCTOR_LOOPBACK_ONLY=1.
   */
  loopbackOnly?: boolean;
  /** The hosts file the system resolver reads first (default /etc/hosts). */
  hostsPath?: string;
}

const USER_AGENT = "AppleIDDoctor/1.0";

/** Codes a connect fails with at once when this Mac has no route of that address's family. */
const NO_ROUTE = new Set(["ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "EAFNOSUPPORT"]);

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");
LOOPBACK.addSubnet("::ffff:127.0.0.0", 104, "ipv6");

/** Whether a host is loopback without resolving it: "localhost" or a loopback IP literal. */
export function isLoopback(host: string): boolean {
  const bare = unbracket(host).toLowerCase();
  if (bare === "localhost") return true;
  const family = net.isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 4 ? "ipv4" : "ipv6");
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** "127.0.0.1:53", "[::1]:53", "::1" or "127.0.0.1" (then `defaultPort`). */
function splitHostPort(value: string, defaultPort: number): { host: string; port: number } {
  if (net.isIP(value)) return { host: value, port: defaultPort };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : defaultPort };
  const colon = value.lastIndexOf(":");
  if (colon === -1) return { host: value, port: defaultPort };
  const port = Number(value.slice(colon + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new HostError("EINVAL", `bad address ${value}`);
  return { host: value.slice(0, colon), port };
}

function joinHostPort(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new HostError("EINVAL", `not a URL: ${url}`);
  }
}

/**
 * Runs `op` under a timeout and the caller's signal. `op` gets a signal that
 * fires on either (and once it settles) and must release its sockets on it;
 * the caller sees ETIMEDOUT or ECANCELLED at once, whatever `op` is waiting on.
 */
async function bounded<T>(
  what: string,
  options: OpOptions,
  defaultMs: number,
  op: (abort: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultMs;
  const signal = options.signal;
  if (signal?.aborted) throw new HostError("ECANCELLED", `${what}: cancelled`);
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new HostError("ETIMEDOUT", `${what}: no answer in ${timeoutMs} ms`)),
    timeoutMs,
  );
  const onAbort = () => controller.abort(new HostError("ECANCELLED", `${what}: cancelled`));
  signal?.addEventListener("abort", onAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([op(controller.signal), stopped]);
  } catch (error) {
    throw toHostError(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    // Settled either way: tell `op` to let go of anything still open.
    controller.abort(new HostError("EDONE"));
  }
}

export function createRealHost(options: RealHostOptions = {}): Host {
  const redirect = options.redirect ?? {};
  // Keyed by origin, so "http://captive.apple.com/" and "http://captive.apple.com" both match.
  const httpRedirects = new Map(
    Object.entries(redirect.http ?? {}).map(([from, to]) => [parseUrl(from).origin, parseUrl(to)]),
  );
  const env = options.env ?? process.env;
  const loopbackOnly = options.loopbackOnly ?? process.env.APPLE_ID_DOCTOR_LOOPBACK_ONLY === "1";
  // Passing `ca` replaces Node's roots, so the extra CAs are added to them.
  const trust = options.ca?.length ? [...tls.rootCertificates, ...options.ca] : undefined;

  const guard = (host: string, what: string) => {
    if (loopbackOnly && !isLoopback(host)) {
      throw new HostError("ELOOPBACKONLY", `refusing ${what}: ${host} is not loopback (loopback-only mode)`);
    }
  };
  const connectTarget = (host: string, port: number) => {
    const mapped = redirect.connect?.[joinHostPort(host, port)];
    const target = mapped ? splitHostPort(mapped, port) : { host, port };
    guard(target.host, `${host}:${port}`);
    return target;
  };
  // One lookup per name per run, shared by every connection and by dns(name, "system").
  const systemDns = redirect.dns?.system ? splitHostPort(redirect.dns.system, 53) : undefined;
  const names = createSystemResolver({
    timeoutMs: TIMEOUTS.dns,
    hostsPath: options.hostsPath,
    servers: systemDns ? [joinHostPort(systemDns.host, systemDns.port)] : undefined,
  });
  /**
   * The addresses to try, in order: IPv4 first, as most of Apple's hosts and every captive network
   * serve it, then one IPv6 address for a Mac that has no IPv4 route (an IPv6-only network with
   * NAT64: the IPv4 connect fails at once with "network unreachable"). With `family`, only one
   * address of that family (ENODATA when the name has none: a fact, not a failure).
   */
  const addressesOf = async (host: string, family?: 4 | 6): Promise<string[]> => {
    const all = await names.addressesFor(unbracket(host));
    if (family) {
      const wanted = all.find((a) => net.isIP(a) === family);
      if (!wanted) throw new HostError(all.length ? "ENODATA" : "ENOTFOUND", `${host}: no IPv${family} address`);
      return [wanted];
    }
    const v4 = all.find((a) => net.isIPv4(a));
    const v6 = all.find((a) => net.isIPv6(a));
    const order = [v4, v6].filter((a): a is string => !!a);
    // No address must never become "connect to localhost".
    if (!order.length) throw new HostError("ENOTFOUND", `${host}: no address`);
    return order;
  };
  /** Runs `op` on the first address; only when that fails for want of a route, on the next. */
  const viaAddresses = async <T>(
    host: string,
    family: 4 | 6 | undefined,
    op: (address: string) => Promise<T>,
    unroutable: (value: T) => boolean = () => false,
  ): Promise<T> => {
    const [first, second] = await addressesOf(host, family);
    if (!second) return op(first);
    try {
      const value = await op(first);
      return unroutable(value) ? op(second) : value;
    } catch (error) {
      if (NO_ROUTE.has(errorCode(error))) return op(second);
      throw error;
    }
  };
  const clock = () => (options.now?.() ?? new Date()).getTime();

  return {
    platform: options.platform ?? process.platform,
    now: () => options.now?.() ?? new Date(),
    env: (name) => env[name],
    exec: (command, opts) => runExec(command, opts),
    http: async (url, opts = {}) => {
      const original = parseUrl(url);
      const mapped = httpRedirects.get(original.origin);
      const target = mapped ? new URL(original.pathname + original.search, mapped.origin) : original;
      guard(target.hostname, url);
      return bounded(`GET ${url}`, opts, TIMEOUTS.http, async (abort) =>
        viaAddresses(target.hostname, undefined, (a) => get(original, target, a, trust, clock, abort, opts)),
      );
    },
    dns: async (name, server, opts = {}) => {
      const via = redirect.dns?.[server] ?? (server === "system" ? undefined : server);
      if (via === undefined) {
        // The OS resolver may ask anyone; only "localhost" is sure to stay on this machine.
        guard(name, `system lookup of ${name}`);
        return bounded(`lookup ${name}`, opts, TIMEOUTS.dns, async () => ({
          addresses: await names.lookupFresh(name),
        }));
      }
      const target = splitHostPort(via, 53);
      guard(target.host, `DNS server ${server}`);
      return bounded(`dns ${name} @${server}`, opts, TIMEOUTS.dns, (abort) =>
        resolveDirect(name, joinHostPort(target.host, target.port), opts.timeoutMs ?? TIMEOUTS.dns, abort),
      );
    },
    tcp: async (host, port, opts = {}) => {
      const target = connectTarget(host, port);
      try {
        return await bounded(`tcp ${host}:${port}`, opts, TIMEOUTS.tcp, async (abort) =>
          viaAddresses(
            target.host,
            undefined,
            (a) => connectTcp(a, target.port, abort),
            (r) => r === "unreachable",
          ),
        );
      } catch (error) {
        if (error instanceof HostError && error.code === "ETIMEDOUT") return "timeout";
        throw error;
      }
    },
    tls: async (host, port, opts = {}) => {
      const target = connectTarget(host, port);
      return bounded(`tls ${host}:${port}`, opts, TIMEOUTS.tls, async (abort) =>
        viaAddresses(target.host, opts.family, (a) => handshake(host, a, target.port, trust, abort)),
      );
    },
    ntp: async (server, opts = {}) => {
      const mapped = redirect.ntp?.[server];
      const target = mapped ? splitHostPort(mapped, 123) : { host: server, port: 123 };
      guard(target.host, `NTP server ${server}`);
      const timeoutMs = opts.timeoutMs ?? TIMEOUTS.ntp;
      // sntpQuery keeps its own bound (and returns the best sample at it); this one only
      // catches a hung name lookup, so it gets a little slack.
      return bounded(`ntp ${server}`, { ...opts, timeoutMs: timeoutMs + 250 }, timeoutMs, async (abort) =>
        viaAddresses(target.host, undefined, (a) => sntpQuery(a, target.port, { timeoutMs, signal: abort })),
      );
    },
    readFile: (path) => readHostFile(path),
    listDir: (path) => listHostDir(path),
  };
}

async function runExec(command: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const [file, ...args] = command;
  // Raycast and Alfred run with a minimal PATH: a bare name could be anything, so only absolute paths run.
  if (!file?.startsWith("/")) throw new HostError("EINVAL", `exec needs an absolute path, got ${file ?? "nothing"}`);
  return bounded(file, opts, TIMEOUTS.exec, async (abort) => {
    const result = await execa(file, args, {
      reject: false,
      stripFinalNewline: false,
      encoding: "utf8",
      cancelSignal: abort,
      forceKillAfterDelay: 1000,
      // Without input, stdin is closed so a tool that reads it cannot wait forever.
      ...(opts.input !== undefined ? { input: opts.input } : { stdin: "ignore" as const }),
    });
    if (result.exitCode === undefined && !result.signal) {
      // Never started: ENOENT (missing), EACCES (not executable), ...
      throw new HostError(result.code ?? "EUNKNOWN", result.shortMessage);
    }
    return {
      stdout: String(result.stdout ?? ""),
      stderr: String(result.stderr ?? ""),
      // Killed by a signal: the shell's convention, 128 + signal number.
      exitCode: result.exitCode ?? 128 + (result.signal ? osConstants.signals[result.signal] : 0),
    };
  });
}

function get(
  original: URL,
  target: URL,
  address: string,
  trust: string[] | undefined,
  clock: () => number,
  abort: AbortSignal,
  opts: HttpOptions = {},
): Promise<HttpResponse> {
  const secure = target.protocol === "https:";
  if (!secure && target.protocol !== "http:") return Promise.reject(new HostError("EINVAL", `not http: ${target}`));
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request({
      hostname: address,
      port: target.port || (secure ? 443 : 80),
      path: target.pathname + target.search,
      method: "GET",
      headers: { accept: "*/*", "user-agent": USER_AGENT, ...opts.headers, host: original.host },
      agent: false,
      // Certificates are checked against the name asked for, not the redirect.
      ...(secure
        ? {
            servername: net.isIP(unbracket(original.hostname)) ? undefined : original.hostname,
            ca: trust,
            ...(opts.anyCertificate ? { rejectUnauthorized: false } : {}),
          }
        : {}),
    });
    abort.addEventListener("abort", () => request.destroy(), { once: true });
    request.on("error", (error) => reject(toHostError(error)));
    // The request is on the wire once written: from then to the response is the round trip
    // the server's Date header sits in (the clock's fallback reads it against these).
    let sentAtMs = clock();
    request.on("finish", () => (sentAtMs = clock()));
    // No redirect following: a captive portal's 302 is the evidence.
    request.on("response", (response) => {
      const receivedAtMs = clock();
      const chunks: Buffer[] = [];
      let size = 0;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        const headers: Record<string, string> = {};
        for (const [name, values] of Object.entries(response.headersDistinct)) {
          if (values) headers[name] = values.join(", ");
        }
        const body = Buffer.concat(chunks).subarray(0, HTTP_BODY_LIMIT).toString("utf8");
        resolve({ status: response.statusCode ?? 0, headers, body, timing: { sentAtMs, receivedAtMs } });
        request.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        if (finished) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= HTTP_BODY_LIMIT) done();
      });
      response.on("end", done);
      response.on("error", (error) => reject(toHostError(error)));
    });
    request.end();
  });
}

async function resolveDirect(name: string, server: string, timeoutMs: number, abort: AbortSignal): Promise<DnsAnswer> {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([server]);
  abort.addEventListener("abort", () => resolver.cancel(), { once: true });
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  // A name with only A records answers AAAA with "no data": that is not a failure.
  if (v4.status === "rejected" && v6.status === "rejected") throw toHostError(v4.reason);
  return {
    addresses: [...(v4.status === "fulfilled" ? v4.value : []), ...(v6.status === "fulfilled" ? v6.value : [])],
  };
}

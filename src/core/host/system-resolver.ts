// Name lookups the way this Mac makes them (/etc/hosts, then the DNS servers
// the system is configured with), without getaddrinfo. getaddrinfo runs on
// libuv's 4-thread pool: under a resolver that never answers, four stuck
// lookups hold every thread (fs and crypto calls then queue behind them) and
// the process cannot exit until the OS resolver gives up, tens of seconds
// later. c-ares (dns.Resolver) runs on the event loop, takes a timeout, and
// can be cancelled. It reads the same configuration (resolv.conf; on macOS the
// system's DNS configuration), though not mDNSResponder's cache.

import { Resolver } from "node:dns/promises";
import { readFile } from "node:fs/promises";
import net from "node:net";
import { hostsFileAddresses } from "../parse/etc-hosts";
import { errorCode, HostError } from "./types";

export interface SystemResolverOptions {
  /** Bound for one name (A and AAAA together). */
  timeoutMs: number;
  /** Default /etc/hosts. */
  hostsPath?: string;
  /** DNS servers to ask instead of the system's (tests). */
  servers?: string[];
  /** How long a settled answer is reused by connections (default 10 s: one run). */
  reuseMs?: number;
}

export interface SystemResolver {
  /** Addresses to connect to. Concurrent and recent asks for a name share one lookup. */
  addressesFor(name: string): Promise<string[]>;
  /** A lookup as `host.dns(name, "system")` reports it: shares one in flight, never reuses a settled one. */
  lookupFresh(name: string): Promise<string[]>;
}

/** After one family answers, how long the other may still take (a resolver that drops AAAA must not cost the bound). */
const SECOND_FAMILY_GRACE_MS = 150;

export function createSystemResolver(options: SystemResolverOptions): SystemResolver {
  const reuseMs = options.reuseMs ?? 10_000;
  const entries = new Map<string, { answer: Promise<string[]>; settledAt?: number }>();

  const start = (name: string) => {
    const entry: { answer: Promise<string[]>; settledAt?: number } = { answer: lookupOnce(name, options) };
    entries.set(name, entry);
    entry.answer.then(
      () => (entry.settledAt = Date.now()),
      () => (entry.settledAt = Date.now()),
    );
    return entry.answer;
  };

  return {
    addressesFor(name) {
      if (net.isIP(name)) return Promise.resolve([name]);
      const entry = entries.get(name);
      if (entry && (entry.settledAt === undefined || Date.now() - entry.settledAt < reuseMs)) return entry.answer;
      return start(name);
    },
    lookupFresh(name) {
      if (net.isIP(name)) return Promise.resolve([name]);
      const entry = entries.get(name);
      if (entry && entry.settledAt === undefined) return entry.answer;
      return start(name);
    },
  };
}

async function lookupOnce(name: string, options: SystemResolverOptions): Promise<string[]> {
  if (name.toLowerCase() === "localhost") return ["127.0.0.1", "::1"];
  const fromFile = await readHosts(options.hostsPath ?? "/etc/hosts", name);
  if (fromFile.length) return fromFile;
  return askDns(name, options);
}

async function readHosts(path: string, name: string): Promise<string[]> {
  try {
    return hostsFileAddresses(await readFile(path, "utf8"), name);
  } catch {
    return []; // no hosts file: DNS alone decides, as on the Mac
  }
}

function askDns(name: string, options: SystemResolverOptions): Promise<string[]> {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers) resolver.setServers(options.servers);
  return new Promise<string[]>((resolve, reject) => {
    const v4: string[] = [];
    const v6: string[] = [];
    const codes: string[] = [];
    let pending = 2;
    let done = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (error?: HostError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(grace);
      resolver.cancel();
      if (v4.length || v6.length) resolve([...v4, ...v6]);
      else reject(error ?? lookupError(name, codes));
    };
    const timer = setTimeout(
      () => finish(new HostError("EAI_AGAIN", `no answer from this Mac's DNS server for ${name}`)),
      options.timeoutMs,
    );
    const settleOne = (into: string[]) => (answer: string[] | Error) => {
      if (Array.isArray(answer)) into.push(...answer);
      else codes.push(errorCode(answer));
      pending -= 1;
      if (pending === 0) return finish();
      if (into.length && !grace) grace = setTimeout(() => finish(), SECOND_FAMILY_GRACE_MS);
    };
    resolver.resolve4(name).then(settleOne(v4), settleOne(v4));
    resolver.resolve6(name).then(settleOne(v6), settleOne(v6));
  });
}

/** One code for both families, the way getaddrinfo would put it. */
function lookupError(name: string, codes: string[]): HostError {
  if (codes.includes("ENOTFOUND")) return new HostError("ENOTFOUND", `${name}: no such name`);
  if (codes.every((c) => c === "ENODATA")) return new HostError("ENOTFOUND", `${name}: no address`);
  if (codes.includes("ESERVFAIL")) return new HostError("ESERVFAIL", `${name}: the DNS server failed to answer`);
  if (codes.includes("EREFUSED")) return new HostError("EREFUSED", `${name}: the DNS server refused`);
  return new HostError("EAI_AGAIN", `${name}: no answer from this Mac's DNS server (${codes.join(", ")})`);
}

// A small SNTP client (RFC 4330, client mode): reading the clock offset
// without root, which `sntp`/`sntp -sS` on macOS would need for anything but
// a query. It validates replies the way the RFC asks, so a spoofed, stale or
// kiss-o'-death packet can never become a "your clock is off" diagnosis.

import dgram from "node:dgram";
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { HostError, type NtpSample } from "./types";

/** Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01). */
const NTP_UNIX_OFFSET_S = 2_208_988_800;
const ERA_S = 2 ** 32;
const PACKET_BYTES = 48;
const ORIGINATE = 24;
const RECEIVE = 32;
const TRANSMIT = 40;

export interface SntpOptions {
  /** The whole query's bound (all samples), default 2000 ms. */
  timeoutMs?: number;
  /** How many answered requests to collect; the one with the lowest delay wins. Default 3. */
  samples?: number;
  signal?: AbortSignal;
  /** The local clock in Unix ms (fractions welcome). Default: Date.now() refined by performance.now(). */
  now?: () => number;
}

/** Writes a Unix time (ms) as a 64-bit NTP timestamp. Seconds wrap modulo 2^32 (era 1 starts 2036-02-07). */
export function encodeNtpTimestamp(unixMs: number, target: Uint8Array = new Uint8Array(8), offset = 0): Uint8Array {
  // Split whole seconds first so the fraction keeps full precision.
  const wholeUnixS = Math.floor(unixMs / 1000);
  const fraction = (unixMs - wholeUnixS * 1000) / 1000;
  const seconds = (((wholeUnixS + NTP_UNIX_OFFSET_S) % ERA_S) + ERA_S) % ERA_S;
  const view = new DataView(target.buffer, target.byteOffset + offset, 8);
  view.setUint32(0, seconds);
  view.setUint32(4, Math.min(ERA_S - 1, Math.floor(fraction * ERA_S)));
  return target;
}

/**
 * Reads a 64-bit NTP timestamp as Unix ms. The 32-bit seconds are ambiguous
 * across eras, so they are taken in whichever era puts them nearest `pivotMs`
 * (the local clock): correct for any clock within 68 years of the truth.
 */
export function decodeNtpTimestamp(bytes: Uint8Array, pivotMs: number, offset = 0): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 8);
  const seconds = view.getUint32(0);
  const fraction = view.getUint32(4) / ERA_S;
  const pivotS = Math.floor(pivotMs / 1000) + NTP_UNIX_OFFSET_S;
  let ntpS = Math.floor(pivotS / ERA_S) * ERA_S + seconds;
  if (ntpS - pivotS > ERA_S / 2) ntpS -= ERA_S;
  else if (pivotS - ntpS > ERA_S / 2) ntpS += ERA_S;
  return (ntpS - NTP_UNIX_OFFSET_S) * 1000 + fraction * 1000;
}

/** Wall-clock ms anchored once per query, advanced by the monotonic clock: sub-ms and immune to mid-query steps. */
function preciseClock(): () => number {
  const wall = Date.now();
  const mono = performance.now();
  return () => wall + (performance.now() - mono);
}

interface Sent {
  transmit: Buffer;
  t1: number;
  answered: boolean;
}

/** What one datagram says, once it is known to answer one of our requests. */
type Verdict = { sample: NtpSample } | { error: HostError } | undefined;

function judge(reply: Buffer, sent: Sent[], t4: number): Verdict {
  if (reply.length < PACKET_BYTES) return undefined;
  const mode = reply[0] & 0x07;
  if (mode !== 4) return undefined;
  // Only a reply echoing one of our transmit timestamps is an answer to us (RFC 4330 section 5).
  const originate = reply.subarray(ORIGINATE, ORIGINATE + 8);
  // Each request counts once: a duplicated (or replayed) reply is ignored.
  const request = sent.find((s) => !s.answered && s.transmit.equals(originate));
  if (!request) return undefined;
  if (reply.readUInt32BE(TRANSMIT) === 0 && reply.readUInt32BE(TRANSMIT + 4) === 0) return undefined;

  const leap = reply[0] >> 6;
  const stratum = reply[1];
  if (stratum === 0) {
    const code = reply.subarray(12, 16).toString("latin1");
    const kiss = /^[A-Z]{4}$/.test(code) ? ` ${code}` : "";
    return { error: new HostError("EKOD", `kiss-o'-death${kiss} from the time server`) };
  }
  if (leap === 3 || stratum > 15) {
    return { error: new HostError("EUNSYNC", "the time server is not synchronized") };
  }
  const t2 = decodeNtpTimestamp(reply, request.t1, RECEIVE);
  const t3 = decodeNtpTimestamp(reply, request.t1, TRANSMIT);
  const offsetMs = (t2 - request.t1 + (t3 - t4)) / 2;
  const delayMs = Math.max(0, t4 - request.t1 - (t3 - t2));
  request.answered = true;
  return { sample: { offsetMs, delayMs } };
}

async function resolve(server: string): Promise<string> {
  try {
    return (await lookup(server)).address;
  } catch (error) {
    throw new HostError((error as NodeJS.ErrnoException).code ?? "ENOTFOUND", `cannot resolve ${server}`);
  }
}

function request(t1: number): Uint8Array {
  const packet = new Uint8Array(PACKET_BYTES);
  packet[0] = (0 << 6) | (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
  encodeNtpTimestamp(t1, packet, TRANSMIT);
  // The offset is computed from our own T1, never from the echo, so the fraction can be
  // random: 32 bits an off-path spoofer would have to guess for the originate check.
  packet.set(randomBytes(4), TRANSMIT + 4);
  return packet;
}

/**
 * Asks an NTP server for the time. Sends up to `samples` requests one after
 * another (the next as soon as one is answered, or after a share of the
 * bound when one seems lost) and returns the lowest-delay answer: the one
 * least distorted by queueing. Rejects with HostError ETIMEDOUT (no valid
 * answer in time), EKOD, EUNSYNC, ECANCELLED or a socket error code.
 */
export async function sntpQuery(server: string, port: number, opts: SntpOptions = {}): Promise<NtpSample> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const samples = Math.max(1, opts.samples ?? 3);
  const signal = opts.signal;
  if (signal?.aborted) throw new HostError("ECANCELLED");
  const address = net.isIP(server) ? server : await resolve(server);
  if (signal?.aborted) throw new HostError("ECANCELLED");
  const now = opts.now ?? preciseClock();
  // A lost request should not eat the whole bound: move on to the next after this long.
  const retryMs = Math.max(100, Math.floor(timeoutMs / samples));

  return new Promise<NtpSample>((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(address) ? "udp6" : "udp4");
    const sent: Sent[] = [];
    const good: NtpSample[] = [];
    let retry: NodeJS.Timeout | undefined;
    let done = false;

    const finish = (error?: HostError) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(retry);
      signal?.removeEventListener("abort", onAbort);
      try {
        socket.close();
      } catch {
        // Already closed by a failed bind: nothing to release.
      }
      const best = good.reduce<NtpSample | undefined>((a, b) => (a && a.delayMs <= b.delayMs ? a : b), undefined);
      // An answer already in hand outlives a later refusal: the server did tell us the time.
      if (best && error?.code !== "ECANCELLED") resolve(best);
      else reject(error ?? new HostError("ETIMEDOUT"));
    };
    const onAbort = () => finish(new HostError("ECANCELLED"));
    const deadline = setTimeout(
      () => finish(new HostError("ETIMEDOUT", `no answer from ${server} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });

    const sendNext = () => {
      clearTimeout(retry);
      if (done) return;
      if (sent.length >= samples) {
        // Everything is sent: give stragglers one more share of the bound, then settle for what came.
        if (good.length > 0) retry = setTimeout(() => finish(), retryMs);
        return;
      }
      const t1 = now();
      const packet = request(t1);
      sent.push({ transmit: Buffer.from(packet.slice(TRANSMIT, TRANSMIT + 8)), t1, answered: false });
      socket.send(packet, (error) => {
        if (error) finish(new HostError((error as NodeJS.ErrnoException).code ?? "EUNKNOWN", error.message));
      });
      retry = setTimeout(sendNext, retryMs);
    };

    socket.on("message", (reply) => {
      const t4 = now();
      const verdict = judge(reply, sent, t4);
      if (!verdict || done) return;
      if ("error" in verdict) return finish(verdict.error);
      good.push(verdict.sample);
      if (good.length >= samples) return finish();
      if (sent.length < samples) sendNext();
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      finish(new HostError(error.code ?? "EUNKNOWN", error.message)),
    );
    // Connected: the kernel drops datagrams from anyone but the server. A connect that fails (no
    // route of this address's family: an IPv6-only Mac and an IPv4 server) hands its error to this
    // callback; sending on the unconnected socket then would throw out of the event loop.
    const afterConnect = (error?: NodeJS.ErrnoException) =>
      error ? finish(new HostError(error.code ?? "EUNKNOWN", error.message)) : sendNext();
    socket.connect(port, address, afterConnect as () => void);
  });
}

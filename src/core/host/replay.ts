import { HTTP_BODY_LIMIT, TIMEOUTS } from "../targets";
import { HostError, type Host } from "./types";
import { CERT_ERRORS, execKey, tlsKey, urlKey, type Recording } from "./recording";

// A host that answers from a recording: same inputs, same findings, any OS,
// no network. An input the recording lacks fails with ENOTRECORDED.

function indexBy<T>(entries: T[] | undefined, key: (e: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries ?? []) if (!map.has(key(entry))) map.set(key(entry), entry);
  return map;
}

/** setTimeout's own limit: a longer delay (`delayMs: 1e308`) would fire at once, with a warning. */
const MAX_WAIT_MS = 2_147_483_647;

function wait(ms: number | undefined, signal?: AbortSignal): Promise<void> {
  if (!ms || !(ms > 0)) return signal?.aborted ? Promise.reject(new HostError("ECANCELLED")) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, Math.min(ms, MAX_WAIT_MS));
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new HostError("ECANCELLED"));
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/** Waits out an entry's delay (bounded by the op timeout, like the real host), then fails if it recorded an error. */
async function settle(
  entry: { error?: string } | undefined,
  delayMs: number | undefined,
  error: string | undefined,
  defaultTimeoutMs: number | undefined,
  options: { timeoutMs?: number; signal?: AbortSignal } | undefined,
  what: string,
): Promise<void> {
  if (!entry) throw new HostError("ENOTRECORDED", `${what} is not in the recording`);
  // The real host's per-operation defaults, so a replayed hang times out where a live one would.
  const timeout = options?.timeoutMs ?? defaultTimeoutMs;
  if (delayMs !== undefined && timeout !== undefined && delayMs > timeout) {
    await wait(timeout, options?.signal);
    throw new HostError("ETIMEDOUT", `${what} timed out after ${timeout} ms`);
  }
  await wait(delayMs, options?.signal);
  if (error) throw new HostError(error, `${what}: ${error}`);
}

export function createReplayHost(recording: Recording): Host {
  const exec = indexBy(recording.exec, (e) => execKey(e.command));
  const http = indexBy(recording.http, (e) => urlKey(e.url));
  const dns = indexBy(recording.dns, (e) => `${e.name} ${e.server}`);
  const tcp = indexBy(recording.tcp, (e) => `${e.host}:${e.port}`);
  const tls = indexBy(recording.tls, (e) => tlsKey(e.host, e.port, e.family));
  const ntp = indexBy(recording.ntp, (e) => e.server);
  const files = indexBy(recording.files, (e) => e.path);
  // A listing is its own entry: a recording may hold a read and a listing of one path.
  const dirs = indexBy(
    recording.files?.filter((e) => e.entries !== undefined),
    (e) => e.path,
  );
  const recordedAt = new Date(recording.recordedAt);
  const startedAt = Date.now();
  const env = recording.env ?? {};

  return {
    platform: recording.platform,
    // The recording's clock, moving forward as the replay runs.
    now: () => new Date(recordedAt.getTime() + (Date.now() - startedAt)),
    env: (name) => env[name],
    async exec(command, options) {
      const entry = exec.get(execKey(command));
      await settle(entry, entry?.delayMs, entry?.error, TIMEOUTS.exec, options, command.join(" "));
      return { stdout: entry!.stdout ?? "", stderr: entry!.stderr ?? "", exitCode: entry!.exitCode ?? 0 };
    },
    async http(url, options) {
      const entry = http.get(urlKey(url));
      await settle(entry, entry?.delayMs, entry?.error, TIMEOUTS.http, options, url);
      // Cut where the real host cuts: a replay gives what a live run would have read, never more.
      const body = cutBody(entry!.body ?? "");
      // The recorded arrival when there is one, else now: the replay's clock when the answer comes.
      const recorded = Date.parse(entry!.receivedAt ?? "");
      const receivedAtMs = Number.isFinite(recorded) ? recorded : recordedAt.getTime() + (Date.now() - startedAt);
      const roundTrip = typeof entry!.roundTripMs === "number" && entry!.roundTripMs >= 0 ? entry!.roundTripMs : 0;
      return {
        status: entry!.status ?? 200,
        headers: lowerKeys(entry!.headers ?? {}),
        body,
        timing: { sentAtMs: receivedAtMs - roundTrip, receivedAtMs },
      };
    },
    async dns(name, server, options) {
      const entry = dns.get(`${name} ${server}`);
      await settle(entry, entry?.delayMs, entry?.error, TIMEOUTS.dns, options, `DNS ${name} via ${server}`);
      return { addresses: entry!.addresses ?? [] };
    },
    async tcp(host, port, options) {
      const entry = tcp.get(`${host}:${port}`);
      if (entry?.result === "timeout") {
        await wait(options?.timeoutMs ?? entry.delayMs, options?.signal);
        return "timeout";
      }
      await settle(entry, entry?.delayMs, entry?.error, TIMEOUTS.tcp, options, `TCP ${host}:${port}`);
      return entry!.result ?? "open";
    },
    async tls(host, port, options) {
      const entry = tls.get(tlsKey(host, port, options?.family));
      await settle(
        entry,
        entry?.delayMs,
        certError(entry) ? undefined : entry?.error,
        TIMEOUTS.tls,
        options,
        `TLS ${host}:${port}${options?.family ? ` over IPv${options.family}` : ""}`,
      );
      const { authorized = false, issuer, subject, validFrom, validTo } = entry!;
      // A recorded verification error with no handshake failure is a certificate problem, not a throw.
      return { authorized, issuer, subject, validFrom, validTo, error: certError(entry!) };
    },
    async ntp(server, options) {
      const entry = ntp.get(server);
      await settle(entry, entry?.waitMs, entry?.error, TIMEOUTS.ntp, options, `NTP ${server}`);
      if (typeof entry!.offsetMs !== "number") throw new HostError("ENOTRECORDED", `NTP ${server} has no offset`);
      return { offsetMs: entry!.offsetMs, delayMs: entry!.delayMs ?? 0 };
    },
    async readFile(path) {
      const entry = files.get(path);
      await settle(entry, entry?.delayMs, entry?.error, undefined, undefined, path);
      // A listed directory is no file, as the real host says.
      if (entry!.entries !== undefined && entry!.text === undefined && entry!.link === undefined)
        throw new HostError("EISDIR", `${path} is a directory`);
      return { link: entry!.link, text: entry!.text };
    },
    async listDir(path) {
      const entry = dirs.get(path) ?? files.get(path);
      await settle(entry, entry?.delayMs, entry?.error, undefined, undefined, `listing of ${path}`);
      if (entry!.entries === undefined) throw new HostError("ENOTDIR", `${path} is not a directory`);
      return [...entry!.entries];
    },
  };
}

function certError(entry: { error?: string } | undefined): string | undefined {
  return entry?.error && CERT_ERRORS.has(entry.error) ? entry.error : undefined;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/** The body as the real host would deliver it: at most HTTP_BODY_LIMIT bytes of UTF-8 (measured, never copied whole). */
function cutBody(body: string): string {
  if (body.length <= HTTP_BODY_LIMIT / 3 || Buffer.byteLength(body, "utf8") <= HTTP_BODY_LIMIT) return body;
  let cut = body.slice(0, HTTP_BODY_LIMIT);
  while (Buffer.byteLength(cut, "utf8") > HTTP_BODY_LIMIT) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return cut;
}

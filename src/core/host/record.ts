import { errorCode, listDirectory, type Host } from "./types";
import { CERT_ERRORS, RECORDING_FORMAT, type Recording } from "./recording";

// Wraps a real host and writes down every input it reads, identifiers
// included: the user sends the file to whoever helps them, and a replay of
// it reproduces the run exactly.

/** Environment variables worth recording: the proxy ones probes read. */
export const RECORDED_ENV = [
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "ALL_PROXY",
  "all_proxy",
  "NO_PROXY",
  "no_proxy",
];

export interface RecordingHost extends Host {
  recording(): Recording;
}

export function createRecordingHost(inner: Host): RecordingHost {
  const rec: Required<Omit<Recording, "env">> & { env: Record<string, string> } = {
    format: RECORDING_FORMAT,
    recordedAt: inner.now().toISOString(),
    platform: inner.platform,
    env: {},
    exec: [],
    http: [],
    dns: [],
    tcp: [],
    tls: [],
    ntp: [],
    files: [],
  };
  for (const name of RECORDED_ENV) {
    const value = inner.env(name);
    if (value !== undefined) rec.env[name] = value;
  }

  // Cancellation is the runner's doing, not an input: it is not recorded.
  const record = async <T>(op: () => Promise<T>, ok: (value: T) => void, fail: (code: string) => void) => {
    try {
      const value = await op();
      ok(value);
      return value;
    } catch (error) {
      const code = errorCode(error);
      if (code !== "ECANCELLED") fail(code);
      throw error;
    }
  };

  return {
    platform: inner.platform,
    now: () => inner.now(),
    env: (name) => inner.env(name),
    recording: () => structuredClone(rec),
    exec: (command, options) =>
      record(
        () => inner.exec(command, options),
        (r) => rec.exec.push({ command: [...command], stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }),
        (error) => rec.exec.push({ command: [...command], error }),
      ),
    http: (url, options) =>
      record(
        () => inner.http(url, options),
        (r) =>
          rec.http.push({
            url,
            status: r.status,
            headers: r.headers,
            body: r.body,
            ...(r.timing
              ? {
                  receivedAt: new Date(r.timing.receivedAtMs).toISOString(),
                  roundTripMs: Math.round(r.timing.receivedAtMs - r.timing.sentAtMs),
                }
              : {}),
          }),
        (error) => rec.http.push({ url, error }),
      ),
    dns: (name, server, options) =>
      record(
        () => inner.dns(name, server, options),
        (r) => rec.dns.push({ name, server, addresses: r.addresses }),
        (error) => rec.dns.push({ name, server, error }),
      ),
    tcp: (host, port, options) =>
      record(
        () => inner.tcp(host, port, options),
        (result) => rec.tcp.push({ host, port, result }),
        (error) => rec.tcp.push({ host, port, error }),
      ),
    tls: (host, port, options) =>
      record(
        () => inner.tls(host, port, options),
        (r) => {
          const error = r.error && CERT_ERRORS.has(r.error) ? r.error : undefined;
          rec.tls.push({
            host,
            port,
            ...(options?.family ? { family: options.family } : {}),
            authorized: r.authorized,
            issuer: r.issuer,
            subject: r.subject,
            validFrom: r.validFrom,
            validTo: r.validTo,
            ...(error ? { error } : {}),
          });
        },
        (error) => rec.tls.push({ host, port, ...(options?.family ? { family: options.family } : {}), error }),
      ),
    ntp: (server, options) =>
      record(
        () => inner.ntp(server, options),
        (r) => rec.ntp.push({ server, offsetMs: r.offsetMs, delayMs: r.delayMs }),
        (error) => rec.ntp.push({ server, error }),
      ),
    readFile: (path) =>
      record(
        () => inner.readFile(path),
        (r) =>
          rec.files.push({
            path,
            ...(r.link !== undefined ? { link: r.link } : {}),
            ...(r.text !== undefined ? { text: r.text } : {}),
          }),
        (error) => rec.files.push({ path, error }),
      ),
    listDir: (path) =>
      record(
        () => listDirectory(inner, path),
        (entries) => rec.files.push({ path, entries: [...entries] }),
        (error) => rec.files.push({ path, error }),
      ),
  };
}

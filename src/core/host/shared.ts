import { urlKey } from "./recording";
import { listDirectory, type Host } from "./types";

// One run asks for the same input from several probes (apple-hosts and
// tls-inspection share handshakes; clock reads the http dates). Sharing the
// in-flight promise means each input is read once per run, and probes never
// wait on each other.

export function sharedHost(inner: Host): Host {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, op: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = op();
      cache.set(key, p);
      // A cancelled read is not a result: let the next caller try again.
      p.catch(() => cache.delete(key));
    }
    return p;
  };
  // Shared reads must not die with the first caller's signal: only the op timeout bounds them.
  const strip = <O extends { signal?: AbortSignal }>(o?: O): O | undefined => (o ? { ...o, signal: undefined } : o);
  return {
    platform: inner.platform,
    now: () => inner.now(),
    env: (name) => inner.env(name),
    exec: (command, options) =>
      options?.input !== undefined
        ? inner.exec(command, options)
        : once(`exec ${JSON.stringify(command)}`, () => inner.exec(command, strip(options))),
    // Without the query: the status feed's cache-buster must not make apple-status and the clock's
    // HTTP-date fallback fetch the same feed twice (recordings match URLs the same way).
    http: (url, options) => once(`http ${urlKey(url)}`, () => inner.http(url, strip(options))),
    dns: (name, server, options) => once(`dns ${name} ${server}`, () => inner.dns(name, server, strip(options))),
    tcp: (host, port, options) => once(`tcp ${host}:${port}`, () => inner.tcp(host, port, strip(options))),
    tls: (host, port, options) =>
      once(`tls ${host}:${port}${options?.family ? `/v${options.family}` : ""}`, () =>
        inner.tls(host, port, strip(options)),
      ),
    ntp: (server, options) => once(`ntp ${server}`, () => inner.ntp(server, strip(options))),
    readFile: (path) => once(`file ${path}`, () => inner.readFile(path)),
    listDir: (path) => once(`dir ${path}`, () => listDirectory(inner, path)),
  };
}

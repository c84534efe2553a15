import net from "node:net";
import tls from "node:tls";
import { errorCode, HostError, type TcpResult, type TlsResult } from "./types";

// The real host's raw sockets: a TCP connect and a TLS handshake whose
// certificate verdict is read, not thrown, so it can be a finding.

export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  // c-ares says ETIMEOUT where every other module says ETIMEDOUT.
  return new HostError(code === "ETIMEOUT" ? "ETIMEDOUT" : code, error instanceof Error ? error.message : undefined);
}

function tcpOutcome(code: string): TcpResult {
  if (code === "ECONNREFUSED" || code === "ECONNRESET") return "refused";
  if (code === "ETIMEDOUT") return "timeout";
  // EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL, ENOTFOUND, EAI_AGAIN: no path to the host.
  return "unreachable";
}

export function connectTcp(host: string, port: number, abort: AbortSignal): Promise<TcpResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const settle = (result: TcpResult) => {
      socket.destroy();
      resolve(result);
    };
    abort.addEventListener("abort", () => socket.destroy(), { once: true });
    socket.once("connect", () => settle("open"));
    socket.on("error", (error) => settle(tcpOutcome(errorCode(error))));
  });
}

function firstName(field: string | string[] | undefined): string | undefined {
  return Array.isArray(field) ? field[0] : field;
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function handshake(
  host: string,
  address: string,
  port: number,
  trust: string[] | undefined,
  abort: AbortSignal,
): Promise<TlsResult> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address,
      port,
      // SNI is the name asked for, so a redirect to a test server still sees "appleid.apple.com".
      servername: net.isIP(host) ? undefined : host,
      // Certificate problems are the finding, not a failure: verify, but read the verdict.
      rejectUnauthorized: false,
      ca: trust,
    });
    abort.addEventListener("abort", () => socket.destroy(), { once: true });
    socket.on("error", (error) => {
      socket.destroy();
      reject(toHostError(error));
    });
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      let authorized = socket.authorized;
      const reason = socket.authorizationError as unknown;
      let error = authorized ? undefined : typeof reason === "string" ? reason : errorCode(reason);
      // A trusted chain for another name (a portal's own certificate) is not Apple either.
      const mismatch = authorized ? tls.checkServerIdentity(host, cert) : undefined;
      if (mismatch) {
        authorized = false;
        error = errorCode(mismatch);
      }
      socket.destroy();
      const present = cert && Object.keys(cert).length > 0;
      resolve({
        authorized,
        ...(error ? { error } : {}),
        ...(present
          ? {
              issuer: firstName(cert.issuer?.CN) ?? firstName(cert.issuer?.O),
              subject: firstName(cert.subject?.CN),
              validFrom: isoDate(cert.valid_from),
              validTo: isoDate(cert.valid_to),
            }
          : {}),
      });
    });
  });
}

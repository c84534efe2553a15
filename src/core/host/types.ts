// The host seam: the only way probes and fixes read or touch the machine.
// One method per kind of input in a recording (CONTRACT.md section 2).

/** A failed operation. `code` is Node's error code (ENOTFOUND, ETIMEDOUT, ENOENT, ...) or ENOTRECORDED. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "HostError";
  }
}

export interface OpOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A handshake over one address family only: the sign-in hosts are tested over IPv4 and IPv6 separately. */
export interface TlsOptions extends OpOptions {
  /** 4 or 6: connect only to an address of that family (ENODATA when the name has none). */
  family?: 4 | 6;
}

export interface HttpOptions extends OpOptions {
  /** Extra request headers (what open-source GrandSlam clients send to its lookup). */
  headers?: Record<string, string>;
  /**
   * Read the answer whatever certificate the server shows: used only to see *who* answers
   * (Apple's plist or someone's block page); the certificate itself is tls-inspection's evidence.
   */
  anyCertificate?: boolean;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions extends OpOptions {
  input?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * This machine's clock (Unix ms) when the request went out and when the response's
   * headers came back: the server's `date` header was written between the two.
   */
  timing?: { sentAtMs: number; receivedAtMs: number };
}

export interface DnsAnswer {
  addresses: string[];
}

export type TcpResult = "open" | "refused" | "timeout" | "unreachable";

export interface TlsResult {
  /** The chain verified against the trust store in use. */
  authorized: boolean;
  /** Node's verification error code when not authorized (CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, ...). */
  error?: string;
  issuer?: string;
  subject?: string;
  validFrom?: string; // ISO
  validTo?: string; // ISO
}

export interface NtpSample {
  /** Server time minus local time (NTP convention): negative = this Mac is ahead. */
  offsetMs: number;
  delayMs: number;
}

export interface FileRead {
  /** Symlink target, when the path is a link. */
  link?: string;
  /** File contents, when the path is a readable regular file. */
  text?: string;
}

/** `server` is "system" (the OS resolver) or the IP of a resolver asked directly. */
export type DnsServer = string;

export interface Host {
  /** The platform the inputs come from ("darwin", "linux", ...). */
  readonly platform: string;
  /** The machine's clock: right or wrong, it is what the Mac believes. */
  now(): Date;
  /** Environment variables that matter to probes (proxies); undefined when unset. */
  env(name: string): string | undefined;
  /** Runs an absolute binary with argv. Non-zero exit is a result; a missing binary throws ENOENT. */
  exec(command: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** GET a URL. Any HTTP status is a response; network failure throws. */
  http(url: string, options?: HttpOptions): Promise<HttpResponse>;
  dns(name: string, server: DnsServer, options?: OpOptions): Promise<DnsAnswer>;
  /** A TCP connect. Never throws for network outcomes (they are the result), but a name that didn't resolve throws its lookup code. */
  tcp(host: string, port: number, options?: OpOptions): Promise<TcpResult>;
  /** A TLS handshake with SNI = host. Certificate problems are results; connection failures throw. */
  tls(host: string, port: number, options?: TlsOptions): Promise<TlsResult>;
  ntp(server: string, options?: OpOptions): Promise<NtpSample>;
  /** Reads a link target or a text file. Missing paths throw ENOENT. */
  readFile(path: string): Promise<FileRead>;
  /**
   * The names in a directory, sorted (no `.` or `..`). Missing paths throw ENOENT, a file
   * ENOTDIR. Optional: added after the other inputs, so a host written before it (a test's
   * stand-in) still type-checks; `listDirectory` below treats its absence as "not recorded".
   */
  listDir?(path: string): Promise<string[]>;
}

/** Lists a directory through any host; a host without `listDir` fails with ENOTRECORDED. */
export function listDirectory(host: Host, path: string): Promise<string[]> {
  return host.listDir ? host.listDir(path) : Promise.reject(new HostError("ENOTRECORDED", `${path} is not listed`));
}

/** Codes an operation fails with when its host name didn't resolve: DNS symptoms, not blocked hosts. */
export const LOOKUP_ERRORS: ReadonlySet<string> = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ESERVFAIL",
  "EREFUSED",
  "ENODATA",
]);

/** Why an operation on `name` failed, naming the lookup when that is what failed. */
export function describeFailure(code: string, name: string): string {
  return LOOKUP_ERRORS.has(code) ? `couldn't look up ${name}: ${describeError(code)}` : describeError(code);
}

/** Error codes as a person would read them. */
export function describeError(code: string): string {
  switch (code) {
    case "ENOTFOUND":
      return "name not found";
    case "EAI_AGAIN":
      return "this Mac's DNS server doesn't answer";
    case "ESERVFAIL":
      return "the DNS server failed (SERVFAIL)";
    case "EREFUSED":
      return "the DNS server refused to answer";
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset";
    case "ETIMEDOUT":
      return "timed out";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "network unreachable";
    case "ENOENT":
      return "not found";
    case "ENODATA":
      return "no address of that kind";
    case "ENOTDIR":
      return "not a folder";
    case "EISDIR":
      return "a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTRECORDED":
      return "not in the recording";
    case "ECANCELLED":
      return "cancelled";
    default:
      return code;
  }
}

export function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  if (error instanceof Error && error.name === "AbortError") return "ECANCELLED";
  return "EUNKNOWN";
}

// The recording format (CONTRACT.md section 2): every input the probes read,
// as one JSON document. Reading is lenient: unknown keys are ignored and a
// malformed entry is dropped, so newer recordings stay readable.

export const RECORDING_FORMAT = "apple-id-doctor.recording/1";

/** Optional `delayMs` on any entry makes a replay wait that long (tests and the bench use it). */
interface Timed {
  delayMs?: number;
  error?: string;
}
export interface ExecEntry extends Timed {
  command: string[];
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}
export interface HttpEntry extends Timed {
  url: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** When the response arrived by this Mac's clock (ISO), and its round trip: what the `date` header is read against. */
  receivedAt?: string;
  roundTripMs?: number;
}
export interface DnsEntry extends Timed {
  name: string;
  server: string;
  addresses?: string[];
}
export interface TcpEntry extends Timed {
  host: string;
  port: number;
  result?: "open" | "refused" | "timeout" | "unreachable";
}
export interface TlsEntry extends Timed {
  host: string;
  port: number;
  authorized?: boolean;
  issuer?: string;
  subject?: string;
  validFrom?: string;
  validTo?: string;
}
export interface NtpEntry extends Timed {
  server: string;
  offsetMs?: number;
  delayMs?: number;
  /** delayMs is the NTP round trip here; a replay wait goes in waitMs. */
  waitMs?: number;
}
export interface FileEntry extends Timed {
  path: string;
  link?: string;
  text?: string;
}

export interface Recording {
  format: string;
  recordedAt: string;
  platform: string;
  /** Proxy-related environment variables (an addition to the contract's keys). */
  env?: Record<string, string>;
  exec?: ExecEntry[];
  http?: HttpEntry[];
  dns?: DnsEntry[];
  tcp?: TcpEntry[];
  tls?: TlsEntry[];
  ntp?: NtpEntry[];
  files?: FileEntry[];
}

export class RecordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordingError";
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/** Parses and validates a recording; throws RecordingError with a one-line reason. */
export function parseRecording(text: string): Recording {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new RecordingError(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(doc)) throw new RecordingError("not a JSON object");
  if (doc.format !== RECORDING_FORMAT) {
    throw new RecordingError(`format is ${JSON.stringify(doc.format ?? null)}, expected "${RECORDING_FORMAT}"`);
  }
  if (!isString(doc.recordedAt) || Number.isNaN(Date.parse(doc.recordedAt))) {
    throw new RecordingError("recordedAt is missing or not an ISO date");
  }
  if (!isString(doc.platform) || doc.platform === "") throw new RecordingError("platform is missing");
  const list = <T>(key: string, valid: (e: Record<string, unknown>) => boolean): T[] => {
    const value = doc[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new RecordingError(`${key} is not an array`);
    return value.filter((e): e is Record<string, unknown> => isObject(e) && valid(e)) as T[];
  };
  const env = isObject(doc.env)
    ? Object.fromEntries(Object.entries(doc.env).filter((e): e is [string, string] => isString(e[1])))
    : undefined;
  return {
    format: RECORDING_FORMAT,
    recordedAt: doc.recordedAt,
    platform: doc.platform,
    env,
    exec: list("exec", (e) => Array.isArray(e.command) && e.command.length > 0 && e.command.every(isString)),
    http: list("http", (e) => isString(e.url)),
    dns: list("dns", (e) => isString(e.name) && isString(e.server)),
    tcp: list("tcp", (e) => isString(e.host) && typeof e.port === "number"),
    tls: list("tls", (e) => isString(e.host) && typeof e.port === "number"),
    ntp: list("ntp", (e) => isString(e.server)),
    files: list("files", (e) => isString(e.path)),
  };
}

/** The key an exec entry matches on: the binary's basename plus the remaining args. */
export function execKey(command: readonly string[]): string {
  const [bin = "", ...args] = command;
  return JSON.stringify([bin.slice(bin.lastIndexOf("/") + 1), ...args]);
}

/** URLs match without their query string (Apple's feed adds a cache-buster). */
export function urlKey(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

// In a recording, `error` on a tls entry is either a certificate verdict (the
// handshake happened) or a connection failure. Certificate verdicts are
// upper-case words with underscores that Node's tls uses for verification.
export const CERT_ERRORS = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_UNTRUSTED",
  "CERT_REVOKED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "HOSTNAME_MISMATCH",
  "CERT_SIGNATURE_FAILURE",
]);

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
  /** A handshake over this address family only (an addition): matched only by a request for it. */
  family?: 4 | 6;
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
  /** A directory's listing (`/etc/resolver`): the names in it, as `listDir` returned them. */
  entries?: string[];
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
const opt =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === undefined || check(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isInteger = (v: unknown): v is number => Number.isInteger(v);
const isPort = (v: unknown) => isInteger(v) && (v as number) >= 0 && (v as number) <= 65535;
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every(isString);
const TCP_RESULTS = ["open", "refused", "timeout", "unreachable"];

/**
 * `recordedAt` is the replay's clock, so it must be a date every front end can print: a year far
 * outside this range (`+275760-09-13`) parses, then breaks date formatting downstream.
 */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** Keys every entry may carry. */
const timed = { delayMs: opt(isNumber), waitMs: opt(isNumber), error: opt(isString) };

/** Each field's type, per input kind: an entry with a wrong-typed field is dropped, as if not recorded. */
const SHAPES: Record<string, Record<string, (v: unknown) => boolean>> = {
  exec: {
    command: (v) => isStrings(v) && (v as string[]).length > 0,
    stdout: opt(isString),
    stderr: opt(isString),
    exitCode: opt(isInteger),
  },
  http: {
    url: isString,
    status: opt(isInteger),
    headers: opt(isStringMap),
    body: opt(isString),
    receivedAt: opt(isString),
    roundTripMs: opt(isNumber),
  },
  dns: { name: isString, server: isString, addresses: opt(isStrings) },
  tcp: { host: isString, port: isPort, result: opt((v) => TCP_RESULTS.includes(v as string)) },
  tls: {
    host: isString,
    port: isPort,
    family: opt((v) => v === 4 || v === 6),
    authorized: opt((v) => typeof v === "boolean"),
    issuer: opt(isString),
    subject: opt(isString),
    validFrom: opt(isString),
    validTo: opt(isString),
  },
  ntp: { server: isString, offsetMs: opt(isNumber) },
  files: { path: isString, link: opt(isString), text: opt(isString), entries: opt(isStrings) },
};

/** A platform is a short lower-case word (`darwin`, `linux`): it is printed, so nothing else is accepted. */
const PLATFORM = /^[a-z][a-z0-9_-]{0,31}$/;

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
    throw new RecordingError(
      `format is ${JSON.stringify(doc.format ?? null).slice(0, 80)}, expected "${RECORDING_FORMAT}"`,
    );
  }
  const at = isString(doc.recordedAt) ? Date.parse(doc.recordedAt) : NaN;
  if (Number.isNaN(at)) throw new RecordingError("recordedAt is missing or not an ISO date");
  if (at < EARLIEST || at >= LATEST) throw new RecordingError("recordedAt is outside 1990-2199");
  if (!isString(doc.platform) || doc.platform === "") throw new RecordingError("platform is missing");
  if (!PLATFORM.test(doc.platform))
    throw new RecordingError(`platform ${JSON.stringify(doc.platform.slice(0, 40))} isn't a platform name`);
  let ignored = 0;
  const list = <T>(key: keyof typeof SHAPES): T[] => {
    const value = doc[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new RecordingError(`${key} is not an array`);
    const shape = { ...timed, ...SHAPES[key] };
    const kept = value.filter(
      (e): e is Record<string, unknown> =>
        isObject(e) && Object.entries(shape).every(([field, valid]) => valid(e[field])),
    );
    ignored += value.length - kept.length;
    return kept as T[];
  };
  const env = isObject(doc.env)
    ? Object.fromEntries(Object.entries(doc.env).filter((e): e is [string, string] => isString(e[1])))
    : undefined;
  const recording: Recording = {
    format: RECORDING_FORMAT,
    recordedAt: doc.recordedAt as string,
    platform: doc.platform,
    env,
    exec: list("exec"),
    http: list("http"),
    dns: list("dns"),
    tcp: list("tcp"),
    tls: list("tls"),
    ntp: list("ntp"),
    files: list("files"),
  };
  // Not part of the format: how many entries were dropped, for the CLI to say so.
  if (ignored) Object.defineProperty(recording, "ignoredEntries", { value: ignored, enumerable: false });
  return recording;
}

/** How many entries `parseRecording` dropped for a wrong-typed field (0 when none). */
export function ignoredEntries(recording: Recording): number {
  return (recording as { ignoredEntries?: number }).ignoredEntries ?? 0;
}

/** The key an exec entry matches on: the binary's basename plus the remaining args. */
export function execKey(command: readonly string[]): string {
  const [bin = "", ...args] = command;
  return JSON.stringify([bin.slice(bin.lastIndexOf("/") + 1), ...args]);
}

/** The key a tls entry matches on: host and port, plus the address family when it has one. */
export function tlsKey(host: string, port: number, family?: number): string {
  return `${host}:${port}${family === 4 || family === 6 ? `/v${family}` : ""}`;
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

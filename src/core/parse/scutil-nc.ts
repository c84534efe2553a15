// Parser for `/usr/sbin/scutil --nc list` (configd scutil.tproj/nc.c).
// Columns are padded for humans and some captures use single spaces, so rows are split on
// whitespace runs and delimiters, never by column position.

export interface NcService {
  /** The leading `*`. */
  enabled: boolean;
  status: "Connected" | "Disconnected" | "Connecting" | "Disconnecting" | "Invalid" | "Unknown";
  /** Service UUID. */
  id: string;
  /** Localized, e.g. `VPN (io.tailscale.ipn.macsys)`, `IPSec`, `PPP (L2TP)`. */
  interfaceName: string;
  /** User-chosen; may hold quotes or personal details (redact before showing). */
  name: string;
  type: string;
  subtype?: string;
}

// Same grammar as REFERENCE's one-line regex
// `^([* ]) \((\w+)\)\s+(\S+)\s+(.*?)\s+"(.*)"\s+\[([^\]:]+)(?::([^\]]+))?\]\s*$`,
// split into steps because that regex backtracks cubically on long junk lines.
const PREFIX = /^([* ]) \((\w+)\)\s+(\S+)\s+/;
const STATUSES = new Set(["Connected", "Disconnected", "Connecting", "Disconnecting", "Invalid"]);

export function parseScutilNcList(text: string): NcService[] {
  try {
    if (typeof text !== "string") return [];
    const services: NcService[] = [];
    for (const line of text.split(/\r?\n/)) {
      const service = parseRow(line);
      if (service) services.push(service); // header line and unknown lines give undefined
    }
    return services;
  } catch {
    return [];
  }
}

function parseRow(line: string): NcService | undefined {
  const prefix = PREFIX.exec(line);
  if (!prefix) return undefined;
  const rest = line.slice(prefix[0].length).trimEnd();

  // `[Type]` or `[Type:subtype]` at the end.
  if (!rest.endsWith("]")) return undefined;
  const open = rest.lastIndexOf("[");
  if (open < 0) return undefined;
  const bracket = rest.slice(open + 1, -1);
  const colon = bracket.indexOf(":");
  const type = (colon < 0 ? bracket : bracket.slice(0, colon)).trim();
  const subtype = colon < 0 ? undefined : bracket.slice(colon + 1).trim();
  if (type === "" || bracket.includes("]")) return undefined;

  // Interface name, then the quoted name: from the first quote that starts a word to the last quote,
  // so names holding quotes survive.
  const head = rest.slice(0, open).trimEnd();
  if (!head.endsWith('"')) return undefined;
  let quote = -1;
  for (let i = 0; i < head.length - 1; i++) {
    if (head[i] === '"' && (i === 0 || /\s/.test(head[i - 1]))) {
      quote = i;
      break;
    }
  }
  if (quote < 0) return undefined;

  const service: NcService = {
    enabled: prefix[1] === "*",
    status: STATUSES.has(prefix[2]) ? (prefix[2] as NcService["status"]) : "Unknown",
    id: prefix[3],
    interfaceName: head.slice(0, quote).trim(),
    name: head.slice(quote + 1, -1),
    type,
  };
  if (subtype) service.subtype = subtype;
  return service;
}

// Parser for `/usr/sbin/scutil --proxy`: CoreFoundation description text
// (`<dictionary> {`, `Key : value`, nested `<array> {` with `n : value`, `}`).

export interface ProxyEndpoint {
  host: string;
  port?: number;
}

export interface ProxySettings {
  /** A proxy dictionary was printed. False for "No proxy configuration available", empty or unreadable output. */
  configured: boolean;
  http?: ProxyEndpoint;
  https?: ProxyEndpoint;
  socks?: ProxyEndpoint;
  /** Only when `ProxyAutoConfigEnable : 1`. */
  pacUrl?: string;
  autoDiscovery: boolean;
  exceptions: string[];
}

function empty(): ProxySettings {
  return { configured: false, autoDiscovery: false, exceptions: [] };
}

export function parseScutilProxy(text: string): ProxySettings {
  try {
    return parse(typeof text === "string" ? text : "");
  } catch {
    return empty();
  }
}

function parse(text: string): ProxySettings {
  const top = new Map<string, string>();
  const exceptions: string[] = [];
  let seenDictionary = false;
  // Container stack below the top-level dictionary; only the top level and its ExceptionsList matter,
  // so anything else nested (e.g. `__SCOPED__` per-interface copies) is walked over and ignored.
  const stack: { kind: "dictionary" | "array"; key: string }[] = [];
  let inTop = false;

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "") continue;

    if (!inTop) {
      if (line === "<dictionary> {") {
        inTop = true;
        seenDictionary = true;
      }
      continue;
    }

    if (line === "}") {
      if (stack.length === 0)
        inTop = false; // end of the top dictionary
      else stack.pop();
      continue;
    }

    const colon = line.indexOf(":");
    if (colon < 0) continue;
    // First colon: keys never hold one, values (URLs, IPv6 exceptions) may.
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();

    const opens = /^<(dictionary|array)> \{$/.exec(value);
    if (opens) {
      stack.push({ kind: opens[1] as "dictionary" | "array", key });
      continue;
    }

    if (stack.length === 0) {
      top.set(key, value);
    } else if (stack.length === 1 && stack[0].kind === "array" && stack[0].key === "ExceptionsList") {
      if (value !== "") exceptions.push(value);
    }
  }

  if (!seenDictionary) return empty();

  const settings: ProxySettings = {
    configured: true,
    autoDiscovery: top.get("ProxyAutoDiscoveryEnable") === "1",
    exceptions,
  };
  const http = endpoint(top, "HTTP");
  const https = endpoint(top, "HTTPS");
  const socks = endpoint(top, "SOCKS");
  if (http) settings.http = http;
  if (https) settings.https = https;
  if (socks) settings.socks = socks;
  const pac = top.get("ProxyAutoConfigURLString");
  if (top.get("ProxyAutoConfigEnable") === "1" && pac) settings.pacUrl = pac;
  return settings;
}

// An endpoint counts only when its Enable flag is 1: macOS keeps host/port of disabled proxies around.
function endpoint(top: Map<string, string>, prefix: string): ProxyEndpoint | undefined {
  if (top.get(`${prefix}Enable`) !== "1") return undefined;
  const host = top.get(`${prefix}Proxy`);
  if (!host) return undefined;
  const portText = top.get(`${prefix}Port`) ?? "";
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : undefined;
  return port !== undefined && port > 0 && port <= 65535 ? { host, port } : { host };
}

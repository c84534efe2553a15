import { isIP } from "node:net";
import type { agentProduct } from "../../src/core/filter-products";
import type { HostsCatch } from "../../src/core/parse/etc-hosts";
import type { LookupVerdict } from "../../src/core/parse/grandslam-lookup";
import type { ClatState, NetInterface } from "../../src/core/parse/ifconfig";
import type { RouteTable } from "../../src/core/parse/netstat-routes";
import type { ResolverFile } from "../../src/core/parse/resolver-file";
import type { MobileMeParse } from "../../src/core/parse/mobileme";
import type { ScutilDns } from "../../src/core/parse/scutil-dns";
import type { NcService } from "../../src/core/parse/scutil-nc";
import type { ProxySettings } from "../../src/core/parse/scutil-proxy";
import type { SntpParse } from "../../src/core/parse/sntp";
import type { FirewallState } from "../../src/core/parse/socketfilterfw";
import type { FeedParse } from "../../src/core/parse/status-feed";
import type { MacosVersion } from "../../src/core/parse/sw-vers";

// Runtime checks that a parser's output is within its declared TypeScript
// types (plus the few invariants the parser documents). Each throws a
// ShapeError naming the path, so fast-check's report says what broke.

export class ShapeError extends Error {}

type Path = string;

function fail(path: Path, what: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    shown = String(value);
  }
  throw new ShapeError(`${path}: expected ${what}, got ${shown}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function object(path: Path, v: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(v)) fail(path, "an object", v);
  for (const key of Object.keys(v)) if (!allowed.includes(key)) fail(`${path}.${key}`, "no such key", v[key]);
  return v;
}

function str(path: Path, v: unknown, opts: { nonEmpty?: boolean; oneLine?: boolean } = {}): string {
  if (typeof v !== "string") fail(path, "a string", v);
  if (opts.nonEmpty && v === "") fail(path, "a non-empty string", v);
  if (opts.oneLine && /[\n]/.test(v)) fail(path, "a single line", v);
  return v;
}

const optStr = (path: Path, v: unknown, opts?: { nonEmpty?: boolean; oneLine?: boolean }) =>
  v === undefined ? undefined : str(path, v, opts);

function bool(path: Path, v: unknown): boolean {
  if (typeof v !== "boolean") fail(path, "a boolean", v);
  return v;
}

function num(path: Path, v: unknown, opts: { int?: boolean; min?: number; max?: number } = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "a finite number", v);
  if (opts.int && !Number.isInteger(v)) fail(path, "an integer", v);
  if (opts.min !== undefined && v < opts.min) fail(path, `>= ${opts.min}`, v);
  if (opts.max !== undefined && v > opts.max) fail(path, `<= ${opts.max}`, v);
  return v;
}

const optNum = (path: Path, v: unknown, opts?: { int?: boolean; min?: number; max?: number }) =>
  v === undefined ? undefined : num(path, v, opts);

function oneOf<T extends string>(path: Path, v: unknown, values: readonly T[]): T {
  if (typeof v !== "string" || !(values as readonly string[]).includes(v)) fail(path, values.join(" | "), v);
  return v as T;
}

function list(path: Path, v: unknown, each: (path: Path, item: unknown) => void): unknown[] {
  if (!Array.isArray(v)) fail(path, "an array", v);
  v.forEach((item, i) => each(`${path}[${i}]`, item));
  return v;
}

const strings = (path: Path, v: unknown, opts?: { nonEmpty?: boolean; oneLine?: boolean }) =>
  list(path, v, (p, s) => str(p, s, opts));

function isoOrNull(path: Path, v: unknown): void {
  if (v === null) return;
  const s = str(path, v);
  if (!/^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(s) || Number.isNaN(Date.parse(s)))
    fail(path, "an ISO date or null", v);
}

function strOrNull(path: Path, v: unknown): void {
  if (v !== null) str(path, v, { nonEmpty: true });
}

// ------------------------------------------------------------------ parsers

export function checkScutilDns(v: ScutilDns | unknown): void {
  const o = object("dns", v, ["resolvers", "defaultResolver", "supplemental"]);
  const resolvers = list("dns.resolvers", o.resolvers, (p, r) => {
    const e = object(p, r, [
      "section",
      "index",
      "domain",
      "searchDomains",
      "nameservers",
      "interface",
      "flags",
      "reach",
      "reachable",
      "options",
      "order",
      "port",
      "timeout",
    ]);
    oneOf(`${p}.section`, e.section, ["default", "scoped", "service-specific"] as const);
    num(`${p}.index`, e.index, { int: true, min: 0 });
    const line = { nonEmpty: true, oneLine: true };
    optStr(`${p}.domain`, e.domain, line);
    strings(`${p}.searchDomains`, e.searchDomains, line);
    strings(`${p}.nameservers`, e.nameservers, line);
    optStr(`${p}.interface`, e.interface, line);
    strings(`${p}.flags`, e.flags, line);
    optStr(`${p}.reach`, e.reach, line);
    if (e.reachable !== undefined) bool(`${p}.reachable`, e.reachable);
    strings(`${p}.options`, e.options, line);
    optNum(`${p}.order`, e.order, { int: true, min: 0 });
    optNum(`${p}.port`, e.port, { int: true, min: 0 });
    optNum(`${p}.timeout`, e.timeout, { int: true, min: 0 });
  });
  // Documented: the default resolver and the supplemental ones are entries of the list, from the default section.
  if (o.defaultResolver !== undefined) {
    if (!resolvers.includes(o.defaultResolver)) fail("dns.defaultResolver", "one of resolvers", o.defaultResolver);
    const d = o.defaultResolver as ScutilDns["resolvers"][number];
    if (d.section !== "default" || d.domain !== undefined || d.flags.includes("Supplemental"))
      fail("dns.defaultResolver", "a default-section resolver without domain, not Supplemental", d);
  }
  list("dns.supplemental", o.supplemental, (p, r) => {
    if (!resolvers.includes(r)) fail(p, "one of resolvers", r);
    const s = r as ScutilDns["resolvers"][number];
    if (s.section !== "default" || s.domain === undefined) fail(p, "a default-section resolver with a domain", s);
  });
}

export function checkScutilProxy(v: ProxySettings | unknown): void {
  const o = object("proxy", v, ["configured", "http", "https", "socks", "pacUrl", "autoDiscovery", "exceptions"]);
  bool("proxy.configured", o.configured);
  for (const key of ["http", "https", "socks"] as const) {
    if (o[key] === undefined) continue;
    const e = object(`proxy.${key}`, o[key], ["host", "port"]);
    str(`proxy.${key}.host`, e.host, { nonEmpty: true, oneLine: true });
    optNum(`proxy.${key}.port`, e.port, { int: true, min: 1, max: 65535 });
  }
  optStr("proxy.pacUrl", o.pacUrl, { nonEmpty: true, oneLine: true });
  bool("proxy.autoDiscovery", o.autoDiscovery);
  strings("proxy.exceptions", o.exceptions, { nonEmpty: true, oneLine: true });
  if (!o.configured && (o.http || o.https || o.socks || o.pacUrl || o.autoDiscovery))
    fail("proxy", "no settings when not configured", o);
}

export function checkNcList(v: NcService[] | unknown): void {
  list("nc", v, (p, s) => {
    const o = object(p, s, ["enabled", "status", "id", "interfaceName", "name", "type", "subtype"]);
    bool(`${p}.enabled`, o.enabled);
    oneOf(`${p}.status`, o.status, [
      "Connected",
      "Disconnected",
      "Connecting",
      "Disconnecting",
      "Invalid",
      "Unknown",
    ] as const);
    const id = str(`${p}.id`, o.id, { nonEmpty: true, oneLine: true });
    if (/\s/.test(id)) fail(`${p}.id`, "no white space", id);
    str(`${p}.interfaceName`, o.interfaceName, { oneLine: true });
    str(`${p}.name`, o.name, { oneLine: true });
    str(`${p}.type`, o.type, { nonEmpty: true, oneLine: true });
    optStr(`${p}.subtype`, o.subtype, { nonEmpty: true, oneLine: true });
  });
}

export function checkIfconfig(v: NetInterface[] | unknown): void {
  list("ifconfig", v, (p, i) => {
    const o = object(p, i, ["name", "flags", "mtu", "ipv4", "ipv6", "ether", "status", "nat64"]);
    str(`${p}.name`, o.name, { nonEmpty: true, oneLine: true });
    strings(`${p}.flags`, o.flags, { nonEmpty: true, oneLine: true });
    optNum(`${p}.mtu`, o.mtu, { int: true, min: 0 });
    list(`${p}.ipv4`, o.ipv4, (q, a) => {
      const x = object(q, a, ["address", "peer", "netmask"]);
      str(`${q}.address`, x.address, { nonEmpty: true, oneLine: true });
      optStr(`${q}.peer`, x.peer, { nonEmpty: true, oneLine: true });
      optStr(`${q}.netmask`, x.netmask, { nonEmpty: true, oneLine: true });
    });
    list(`${p}.ipv6`, o.ipv6, (q, a) => {
      const x = object(q, a, ["address", "prefixlen", "scopeid", "clat46"]);
      if (x.clat46 !== undefined && x.clat46 !== true) fail(`${q}.clat46`, "true or absent", x.clat46);
      str(`${q}.address`, x.address, { oneLine: true });
      optNum(`${q}.prefixlen`, x.prefixlen, { int: true, min: 0 });
      optStr(`${q}.scopeid`, x.scopeid, { nonEmpty: true, oneLine: true });
    });
    optStr(`${p}.ether`, o.ether, { nonEmpty: true, oneLine: true });
    optStr(`${p}.status`, o.status, { nonEmpty: true, oneLine: true });
    if (o.nat64 !== undefined) {
      for (const n of strings(`${p}.nat64`, o.nat64) as string[])
        if (!/^[0-9a-f:.]+\/\d{1,3}$/i.test(n)) fail(`${p}.nat64`, "a prefix like 64:ff9b::/96", n);
    }
  });
}

export function checkClat(all: NetInterface[], v: ClatState | undefined | unknown): void {
  if (v === undefined) return;
  const o = object("clat", v, ["interface", "ipv4", "prefixes", "active"]);
  if (!all.some((i) => i.name === o.interface)) fail("clat.interface", "a parsed interface", o.interface);
  if (o.ipv4 !== undefined && !/^192\.0\.0\.[0-7]$/.test(str("clat.ipv4", o.ipv4)))
    fail("clat.ipv4", "192.0.0.0/29", o.ipv4);
  strings("clat.prefixes", o.prefixes);
  bool("clat.active", o.active);
}

export function checkRoutes(v: RouteTable | undefined | unknown): void {
  if (v === undefined) return;
  const o = object("routes", v, ["sections", "defaults"]);
  list("routes.sections", o.sections, (p, f) => (f === 4 || f === 6 ? undefined : fail(p, "4 or 6", f)));
  list("routes.defaults", o.defaults, (p, d) => {
    const x = object(p, d, ["family", "gateway", "netif", "flags", "primary"]);
    if (x.family !== 4 && x.family !== 6) fail(`${p}.family`, "4 or 6", x.family);
    str(`${p}.gateway`, x.gateway, { nonEmpty: true, oneLine: true });
    if (!/^[a-z][a-z0-9]*\d+$/.test(str(`${p}.netif`, x.netif))) fail(`${p}.netif`, "an interface name", x.netif);
    if (!/^[A-Za-z]+$/.test(str(`${p}.flags`, x.flags))) fail(`${p}.flags`, "route flags", x.flags);
    bool(`${p}.primary`, x.primary);
  });
}

export function checkNat64(v: unknown): void {
  for (const p of strings("nat64", v) as string[]) if (!/^[0-9a-f:]+\/96$/.test(p)) fail("nat64", "a /96 prefix", p);
}

export function checkLookup(v: LookupVerdict | unknown): void {
  const o = object("lookup", v, ["kind", "keys", "title", "sample"]);
  const kind = oneOf("lookup.kind", o.kind, ["plist", "html", "other"] as const);
  if (kind === "plist") {
    const keys = strings("lookup.keys", o.keys, { nonEmpty: true, oneLine: true });
    if (keys.length === 0) fail("lookup.keys", "at least one", keys);
  }
  // What reaches the screen is one clean line.
  for (const key of ["title", "sample"] as const) {
    if (
      o[key] !== undefined &&
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000a-\u001f\u007f]/.test(str(`lookup.${key}`, o[key], { oneLine: true }))
    )
      fail(`lookup.${key}`, "no control characters", o[key]);
  }
  if (typeof o.title === "string" && o.title.length > 80) fail("lookup.title", "at most 80 characters", o.title);
}

export function checkTunnels(all: NetInterface[], tunnels: unknown): void {
  list("tunnels", tunnels, (p, t) => {
    if (!all.includes(t as NetInterface)) fail(p, "one of the parsed interfaces", t);
  });
}

export function checkSwVers(v: MacosVersion | undefined | unknown): void {
  if (v === undefined) return;
  const o = object("sw_vers", v, [
    "productName",
    "productVersion",
    "buildVersion",
    "productVersionExtra",
    "major",
    "minor",
    "patch",
    "marketingName",
  ]);
  str("sw_vers.productName", o.productName, { oneLine: true });
  const version = str("sw_vers.productVersion", o.productVersion, { nonEmpty: true, oneLine: true });
  str("sw_vers.buildVersion", o.buildVersion, { oneLine: true });
  optStr("sw_vers.productVersionExtra", o.productVersionExtra, { nonEmpty: true, oneLine: true });
  const major = num("sw_vers.major", o.major, { int: true, min: 0 });
  const minor = num("sw_vers.minor", o.minor, { int: true, min: 0 });
  const patch = num("sw_vers.patch", o.patch, { int: true, min: 0 });
  optStr("sw_vers.marketingName", o.marketingName, { nonEmpty: true });
  // Documented: the numbers are the dotted parts of productVersion.
  if (![major, minor, patch].join(".").startsWith(version.split(".").map(Number).join(".")))
    fail("sw_vers.major/minor/patch", `the parts of ${version}`, [major, minor, patch]);
}

export function checkHwModel(v: unknown): void {
  if (v === undefined) return;
  const s = str("hw.model", v, { nonEmpty: true, oneLine: true });
  if (s !== s.trim()) fail("hw.model", "trimmed", s);
}

export function checkFirewall(v: FirewallState | unknown): void {
  const o = object("firewall", v, ["state", "raw", "blockAll", "stealth"]);
  oneOf("firewall.state", o.state, ["off", "on", "strict", "unknown"] as const);
  for (const key of ["blockAll", "stealth"] as const)
    if (o[key] !== undefined && typeof o[key] !== "boolean") fail(`firewall.${key}`, "a boolean", o[key]);
  const raw = str("firewall.raw", o.raw);
  if (raw.length > 500) fail("firewall.raw", "at most 500 characters", raw.length);
}

export function checkSntp(v: SntpParse | unknown): void {
  const o = object("sntp", v, ["ok", "result", "reason"]);
  if (o.ok === false) {
    str("sntp.reason", o.reason, { nonEmpty: true, oneLine: true });
    return;
  }
  if (o.ok !== true) fail("sntp.ok", "a boolean", o.ok);
  const r = object("sntp.result", o.result, ["offsetSeconds", "errorSeconds", "server", "address"]);
  num("sntp.result.offsetSeconds", r.offsetSeconds);
  optNum("sntp.result.errorSeconds", r.errorSeconds);
  optStr("sntp.result.server", r.server, { nonEmpty: true, oneLine: true });
  optStr("sntp.result.address", r.address, { nonEmpty: true, oneLine: true });
}

const SERVICE_STATES = ["ok", "issue", "outage", "maintenance", "performance"] as const;

export function checkStatusFeed(v: FeedParse | unknown): void {
  const o = object("feed", v, ["ok", "feed", "reason"]);
  if (o.ok === false) {
    str("feed.reason", o.reason, { nonEmpty: true });
    return;
  }
  if (o.ok !== true) fail("feed.ok", "a boolean", o.ok);
  const feed = object("feed.feed", o.feed, ["services"]);
  const services = list("feed.services", feed.services, (p, s) => {
    const x = object(p, s, ["name", "signInRelated", "state", "events", "redirectUrl"]);
    str(`${p}.name`, x.name, { nonEmpty: true });
    bool(`${p}.signInRelated`, x.signInRelated);
    const state = oneOf(`${p}.state`, x.state, SERVICE_STATES);
    const events = list(`${p}.events`, x.events, (q, e) => {
      const y = object(q, e, [
        "id",
        "type",
        "status",
        "message",
        "usersAffected",
        "start",
        "end",
        "startText",
        "endText",
        "affectedServices",
        "current",
      ]);
      str(`${q}.id`, y.id);
      str(`${q}.type`, y.type);
      const status = str(`${q}.status`, y.status);
      if (status !== status.toLowerCase()) fail(`${q}.status`, "lower case", status);
      str(`${q}.message`, y.message);
      strOrNull(`${q}.usersAffected`, y.usersAffected);
      isoOrNull(`${q}.start`, y.start);
      isoOrNull(`${q}.end`, y.end);
      strOrNull(`${q}.startText`, y.startText);
      strOrNull(`${q}.endText`, y.endText);
      strings(`${q}.affectedServices`, y.affectedServices, { nonEmpty: true });
      bool(`${q}.current`, y.current);
    });
    optStr(`${p}.redirectUrl`, x.redirectUrl, { nonEmpty: true });
    // Documented: a service is ok exactly when none of its events is current.
    const anyCurrent = events.some((e) => (e as { current: boolean }).current);
    if ((state === "ok") === anyCurrent) fail(`${p}.state`, `consistent with current events (${anyCurrent})`, state);
  });
  if (services.length === 0) fail("feed.services", "at least one service", services);
  // Documented: sign-in related services first.
  const flags = services.map((s) => (s as { signInRelated: boolean }).signInRelated);
  if (flags.indexOf(false) !== -1 && flags.lastIndexOf(true) > flags.indexOf(false))
    fail("feed.services", "sign-in related services first", flags);
}

export function checkMobileMe(v: MobileMeParse | unknown): void {
  const o = object("mobileme", v, ["ok", "accounts", "document", "reason"]);
  if (o.ok === false) {
    str("mobileme.reason", o.reason, { nonEmpty: true });
    return;
  }
  if (o.ok !== true) fail("mobileme.ok", "a boolean", o.ok);
  list("mobileme.accounts", o.accounts, (p, a) => {
    const x = object(p, a, ["email", "dsid", "uuid", "displayName", "loggedIn", "managed", "services"]);
    for (const key of ["email", "dsid", "uuid", "displayName"] as const)
      optStr(`${p}.${key}`, x[key], { nonEmpty: true });
    if (x.loggedIn !== undefined) bool(`${p}.loggedIn`, x.loggedIn);
    bool(`${p}.managed`, x.managed);
    list(`${p}.services`, x.services, (q, s) => {
      const y = object(q, s, ["id", "name", "enabled"]);
      str(`${q}.id`, y.id, { nonEmpty: true });
      str(`${q}.name`, y.name, { nonEmpty: true });
      bool(`${q}.enabled`, y.enabled);
    });
  });
}

export function checkHostsLines(v: HostsCatch[] | unknown): void {
  list("hosts", v, (p, item) => {
    const o = object(p, item, ["line", "address", "names", "others", "kind", "blocking"]);
    num(`${p}.line`, o.line, { int: true, min: 1 });
    str(`${p}.address`, o.address, { nonEmpty: true, oneLine: true });
    const names = strings(`${p}.names`, o.names, { nonEmpty: true, oneLine: true });
    if (names.length === 0) fail(`${p}.names`, "at least one name", names);
    // Names reach the screen: only host-name characters, never control bytes.
    for (const n of names as string[]) if (!/^[a-z0-9_.-]+$/.test(n)) fail(`${p}.names`, "a host name", n);
    num(`${p}.others`, o.others, { int: true, min: 0 });
    oneOf(`${p}.kind`, o.kind, ["sign-in", "domain", "apple"] as const);
    bool(`${p}.blocking`, o.blocking);
  });
}

export function checkResolverFile(v: ResolverFile | unknown): void {
  const o = object("resolver", v, ["domain", "nameservers", "port", "search"]);
  if (o.domain !== undefined) {
    const d = str("resolver.domain", o.domain, { nonEmpty: true, oneLine: true });
    // The domain names a path and reaches the screen: host-name characters only.
    if (!/^[a-z0-9_.-]+$/.test(d)) fail("resolver.domain", "a domain", d);
  }
  const servers = strings("resolver.nameservers", o.nameservers, { nonEmpty: true, oneLine: true });
  if (servers.length > 3) fail("resolver.nameservers", "at most three", servers);
  for (const s of servers as string[]) if (isIP(s) === 0) fail("resolver.nameservers", "an IP address", s);
  optNum("resolver.port", o.port, { int: true, min: 1, max: 65535 });
  strings("resolver.search", o.search, { nonEmpty: true, oneLine: true });
}

export function checkProcessCommands(v: string[] | unknown): void {
  const commands = strings("ps", v, { nonEmpty: true, oneLine: true });
  for (const c of commands as string[]) if (c !== c.trim()) fail("ps", "trimmed commands", c);
}

export function checkAgent(v: ReturnType<typeof agentProduct> | unknown): void {
  if (v === undefined) return;
  const o = object("agent", v, ["product", "kind", "process"]);
  str("agent.product", o.product, { nonEmpty: true, oneLine: true });
  oneOf("agent.kind", o.kind, ["firewall", "gateway", "security"] as const);
  str("agent.process", o.process, { nonEmpty: true, oneLine: true });
}

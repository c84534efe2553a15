import { describeError, errorCode, listDirectory } from "../host/types";
import { domainCatches, normalDomain, parseResolverFile } from "../parse/resolver-file";
import { parseScutilDns } from "../parse/scutil-dns";
import { cleanLine } from "../sanitize";
import type { ProbeContext } from "./types";
import { listWords, plural, readCommand } from "./util";

// /etc/resolver holds per-domain resolver files (resolver(5)): one named
// apple.com sends every name under apple.com to its own nameserver, whatever
// the network's DNS says, the way /etc/hosts overrides single names. Its files
// are readable by every user (`$ cat /etc/resolver/consul` in
// docker/for-mac#974, no sudo). `scutil --dns` lists each such file as a
// resolver with its `domain` (apple/container#1693): read as corroboration.

export const RESOLVER_DIR = "/etc/resolver";
/** More files than a Mac that isn't hostile keeps there: the rest are counted, not read. */
const MAX_FILES = 32;
/** A name a resolver file may have; a dot file (`.DS_Store`) or anything with a slash is not one. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;

export interface ResolverCatch {
  path: string;
  domain: string;
  nameservers: string[];
  port?: number;
  /** Sign-in and push hosts the file catches. */
  hosts: string[];
  /** Parent domains sign-in needs that it catches (apple.com itself, or all of icloud.com). */
  domains: string[];
  /** `scutil --dns` lists a resolver for this domain: the system has taken the file in. */
  inUse?: boolean;
}

export interface ResolverFindings {
  /** False when the folder wasn't listed (an older recording): nothing is said about it then. */
  listed: boolean;
  catches: ResolverCatch[];
  /** Files for other domains (a developer's `.test`), by path. */
  others: string[];
  /** What couldn't be read, as sentences. */
  notes: string[];
}

async function readText(ctx: ProbeContext, path: string): Promise<string | undefined> {
  let read = await ctx.host.readFile(path);
  if (read.text === undefined && read.link?.startsWith("/")) read = await ctx.host.readFile(read.link);
  return read.text;
}

/** Reads every resolver file and keeps the ones that catch a sign-in host or a parent domain sign-in needs. */
export async function readResolverFiles(
  ctx: ProbeContext,
  signInHosts: readonly string[],
  parents: readonly string[],
): Promise<ResolverFindings> {
  let names: string[];
  try {
    names = await listDirectory(ctx.host, RESOLVER_DIR);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return { listed: true, catches: [], others: [], notes: [] };
    if (code === "ENOTRECORDED" || code === "ECANCELLED") return { listed: false, catches: [], others: [], notes: [] };
    return { listed: true, catches: [], others: [], notes: [`Couldn't list ${RESOLVER_DIR}: ${describeError(code)}`] };
  }
  const valid = [...new Set(names.filter((n) => typeof n === "string" && FILE_NAME.test(n)))];
  const notes =
    valid.length > MAX_FILES ? [`${plural(valid.length - MAX_FILES, "more file")} in ${RESOLVER_DIR} not read`] : [];
  const hosts = signInHosts.map((h) => h.toLowerCase());
  const read = await Promise.all(
    valid.slice(0, MAX_FILES).map(async (name) => {
      const path = `${RESOLVER_DIR}/${name}`;
      try {
        return { name, path, text: (await readText(ctx, path)) ?? "" };
      } catch (error) {
        return { name, path, code: errorCode(error) };
      }
    }),
  );
  const catches: ResolverCatch[] = [];
  const others: string[] = [];
  for (const file of read) {
    if (file.code !== undefined) {
      if (file.code !== "ENOTRECORDED" && file.code !== "ECANCELLED")
        notes.push(`Couldn't read ${file.path}: ${describeError(file.code)}`);
      continue;
    }
    const parsed = parseResolverFile(file.text ?? "");
    // resolver(5): the file name is the domain unless a `domain` line says otherwise.
    const domain = parsed.domain ?? normalDomain(file.name);
    if (!domain) continue;
    const caughtHosts = hosts.filter((h) => domainCatches(domain, h));
    const caughtDomains = parents.filter((d) => domainCatches(domain, d));
    if (!caughtHosts.length && !caughtDomains.length) {
      others.push(file.path);
      continue;
    }
    catches.push({
      path: file.path,
      domain,
      nameservers: parsed.nameservers,
      ...(parsed.port !== undefined ? { port: parsed.port } : {}),
      hosts: caughtHosts,
      domains: caughtDomains,
    });
  }
  if (catches.length) await markInUse(ctx, catches);
  return { listed: true, catches, others, notes };
}

/** Corroboration from `scutil --dns` (read only when a file catches something, so older recordings replay as before). */
async function markInUse(ctx: ProbeContext, catches: ResolverCatch[]): Promise<void> {
  const out = await readCommand(ctx, [ctx.bin.scutil, "--dns"]);
  if (!out.ok) return;
  const domains = new Set(
    parseScutilDns(out.stdout)
      .resolvers.filter((r) => r.section === "default" && r.domain)
      .map((r) => normalDomain(r.domain!))
      .filter((d): d is string => !!d),
  );
  for (const c of catches) c.inUse = domains.has(c.domain);
}

/** "10.0.0.53", "10.0.0.53 port 5300", or what resolver(5) does with no nameserver line. */
function serversOf(c: ResolverCatch): string {
  const port = c.port !== undefined && c.port !== 53 ? ` port ${c.port}` : "";
  if (!c.nameservers.length) return `this Mac itself${port} (the file names no nameserver)`;
  return `${listWords(c.nameservers.map(cleanLine))}${port}`;
}

/** "/etc/resolver/apple.com sends apple.com to 10.0.0.53": the sentence a finding and its cause lead with. */
export function resolverSentence(catches: readonly ResolverCatch[]): string {
  if (catches.length === 1) return `${catches[0].path} sends ${catches[0].domain} to ${serversOf(catches[0])}`;
  const each = catches.slice(0, 3).map((c) => `${c.domain} to ${serversOf(c)}`);
  const more = catches.length > 3 ? ` and ${plural(catches.length - 3, "more")}` : "";
  return `${catches.length} files in ${RESOLVER_DIR} send ${listWords(each)}${more}`;
}

/** One evidence line per file: what it catches, and whether scutil shows it in use. */
export function resolverDetails(found: ResolverFindings): string[] {
  const lines = found.catches.map((c) => {
    const what = [...c.hosts, ...c.domains.filter((d) => !c.hosts.includes(d))];
    const seen =
      c.inUse === true
        ? "; scutil --dns lists it in use"
        : c.inUse === false
          ? "; scutil --dns lists no resolver for it"
          : "";
    return `${c.path}: ${c.domain} → ${serversOf(c)} (catches ${listWords(what.slice(0, 6))}${what.length > 6 ? " …" : ""})${seen}`;
  });
  const others = found.others.length
    ? [`${plural(found.others.length, "other resolver file")} in ${RESOLVER_DIR}, for names sign-in doesn't use`]
    : [];
  return [...lines, ...others, ...found.notes];
}

import { cause, evidenceOf } from "./cause-builders";
import type { Facts } from "./diagnose-facts";
import type { Cause, Confidence } from "./types";

// The diagnosis rules for what this Mac's own files do to Apple's names:
// /etc/hosts lines and /etc/resolver files (probe hosts-file, cause
// hosts-file). Kept apart from diagnose.ts so each file stays readable.

/** An /etc/hosts line that blocks or pins a sign-in host: the blocker, whatever the network does. */
export function hostsFile(f: Facts): Cause | undefined {
  const hosts = f.get("hosts-file");
  if (!hosts || !f.is("hosts-file", "fail", "warn")) return undefined;
  const blocked = f.data<string[]>("hosts-file", "blockedHosts") ?? [];
  const pinned = f.data<string[]>("hosts-file", "pinnedHosts") ?? [];
  const viaResolver = f.data<string[]>("hosts-file", "resolverHosts") ?? [];
  // A parent domain alone catches no sign-in host; a resolver file leads unless /etc/hosts blocks outright.
  if (!blocked.length && (viaResolver.length || !pinned.length)) return resolverFile(f);
  const lineNumbers = (f.data<{ line: number; kind: string }[]>("hosts-file", "lines") ?? [])
    .filter((l) => l.kind === "sign-in")
    .map((l) => l.line);
  const which = lineNumbers.length === 1 ? `line ${lineNumbers[0]}` : `lines ${lineNumbers.join(", ")}`;
  const pinnedUnreachable = (f.data<{ host: string; reachable: boolean }[]>("apple-hosts", "hosts") ?? []).some(
    (h) => !h.reachable && pinned.includes(h.host),
  );
  const confidence: Confidence = blocked.length ? "high" : pinnedUnreachable ? "medium" : "low";
  const why = blocked.length
    ? "That file answers before any DNS server, so this Mac can't reach Apple's sign-in servers whatever the network does."
    : "That file answers before any DNS server, and Apple's addresses change, so the pinned one can go stale.";
  const resolver = f.data<string>("hosts-file", "resolverSummary");
  const also = resolver ? ` Also, ${resolver}: delete that too.` : "";
  return cause(
    "hosts-file",
    confidence,
    `${hosts.summary}. ${why} Fix: delete ${which} (in Terminal: \`sudo nano /etc/hosts\`, remove ${lineNumbers.length === 1 ? "it" : "them"}, save with Control-O), or turn off the app that wrote it, then Flush DNS Cache.${also}`,
    [...evidenceOf(hosts), ...hosts.details.slice(0, 5)],
    ["flush-dns"],
  );
}

/**
 * Whether the hosts file's sign-in lines (and /etc/resolver's files) account for every sign-in
 * host that failed to resolve or connect: then DNS and blocking are their symptoms, not more causes.
 */
export function hostsFileCoversFailures(f: Facts): boolean {
  const caught = new Set([
    ...(f.data<string[]>("hosts-file", "blockedHosts") ?? []),
    ...(f.data<string[]>("hosts-file", "pinnedHosts") ?? []),
    ...(f.data<string[]>("hosts-file", "resolverHosts") ?? []),
  ]);
  return [...failedLookups(f), ...unreachableHosts(f)].every((h) => caught.has(h));
}

/**
 * A resolver file in /etc/resolver that sends sign-in hosts to its own server: the blocker when
 * those hosts then fail to resolve or connect while public DNS finds them, else a lead.
 */
function resolverFile(f: Facts): Cause | undefined {
  const caught = f.data<string[]>("hosts-file", "resolverHosts") ?? [];
  const sentence = f.data<string>("hosts-file", "resolverSummary");
  const files = f.data<{ path: string; hosts: string[] }[]>("hosts-file", "resolverFiles") ?? [];
  if (!caught.length || !sentence) return undefined;
  const failed = [...failedLookups(f), ...unreachableHosts(f)].filter(
    (h, i, all) => caught.includes(h) && all.indexOf(h) === i,
  );
  const paths = files.filter((c) => c.hosts.length).map((c) => c.path);
  const remove = `in Terminal: ${paths.map((p) => `\`sudo rm ${p}\``).join(", ")}`;
  const fix = `Fix: delete ${paths.length === 1 ? "that file" : "those files"} (${remove}), or turn off the app that wrote ${paths.length === 1 ? "it" : "them"}, then Flush DNS Cache.`;
  return cause(
    "hosts-file",
    failed.length ? "high" : "low",
    failed.length
      ? `${sentence}, and ${listNames(failed.slice(0, 4))}${failed.length > 4 ? " …" : ""} ${failed.length === 1 ? "fails" : "fail"} there while public DNS finds ${failed.length === 1 ? "it" : "them"}. That file overrides the network's DNS for every name under it. ${fix}`
      : `${sentence}. Nothing failed now, but that file overrides the network's DNS for Apple's names. If sign-in fails: ${fix.replace(/^Fix: /, "")}`,
    [
      ...evidenceOf(f.get("hosts-file")),
      ...(f.get("hosts-file")?.details ?? []).filter((d) => d.startsWith("/etc/resolver/")).slice(0, 3),
    ],
    ["flush-dns"],
  );
}

/** Sign-in hosts this Mac's resolver couldn't find (public DNS could). */
function failedLookups(f: Facts): string[] {
  return f.is("dns", "fail") ? (f.data<string[]>("dns", "hostsAffected") ?? []) : [];
}

/** Sign-in hosts whose handshake failed. */
function unreachableHosts(f: Facts): string[] {
  return f.is("apple-hosts", "fail")
    ? (f.data<{ host: string; reachable: boolean }[]>("apple-hosts", "hosts") ?? [])
        .filter((h) => !h.reachable)
        .map((h) => h.host)
    : [];
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

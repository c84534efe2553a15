import { describeError, errorCode } from "../host/types";
import { findAppleLines, hostsFileWriter, type HostsCatch } from "../parse/etc-hosts";
import { cleanLine } from "../sanitize";
import type { Probe, ProbeContext } from "./types";
import { listWords, plural, result } from "./util";

// /etc/hosts answers before any DNS server: a privacy list or an
// "activation blocker" that maps an Apple name to 0.0.0.0 breaks sign-in on
// this Mac alone, whatever the network does (StevenBlack/hosts#810). Readable
// by every user (mode 644), so no admin rights are needed.

export const HOSTS_PATH = "/etc/hosts";

/** Parent domains Apple's sign-in needs (the list; Apple's enterprise-network article names them). */
export const APPLE_DOMAINS = ["apple.com", "icloud.com", "apple-dns.net", "cdn-apple.com", "mzstatic.com"];

/** A line as evidence: the address and the Apple names only (other names on it may be private). */
export function describeLine(c: HostsCatch): string {
  const more = c.others ? ` (and ${plural(c.others, "other name")})` : "";
  return `line ${c.line}: ${cleanLine(c.address)} ${c.names.join(" ")}${more}`;
}

async function readHosts(ctx: ProbeContext): Promise<{ text?: string; code?: string }> {
  try {
    let read = await ctx.host.readFile(HOSTS_PATH);
    // Hosts managers (Gas Mask, SwitchHosts) may leave /etc/hosts a link to their own copy.
    if (read.text === undefined && read.link?.startsWith("/")) read = await ctx.host.readFile(read.link);
    return { text: read.text ?? "" };
  } catch (error) {
    return { code: errorCode(error) };
  }
}

export const hostsFileProbe: Probe = {
  id: "hosts-file",
  title: "Hosts File",
  area: "network",
  async run(ctx) {
    const { text, code } = await readHosts(ctx);
    if (code === "ENOTRECORDED" || code === "ECANCELLED") return result("skip", "No /etc/hosts in the recording");
    if (code === "ENOENT") return result("pass", "No /etc/hosts file, so nothing overrides DNS");
    if (code) return result("skip", `Couldn't read /etc/hosts: ${describeError(code)}`);
    const signIn = [...ctx.targets.signInHosts, ...(ctx.targets.pushHosts ?? [ctx.targets.pushHost])];
    const caught = findAppleLines(text ?? "", signIn, APPLE_DOMAINS);
    const writer = hostsFileWriter(text ?? "");
    const byWho = writer ? `, written by ${cleanLine(writer)}` : "";
    const lines = (cs: HostsCatch[]) => `${cs.length === 1 ? "line" : "lines"} ${cs.map((c) => c.line).join(", ")}`;
    // Many lines are cut short in the summary; the details list them.
    const lineList = (cs: HostsCatch[]) => (cs.length > 5 ? `${lines(cs.slice(0, 5))} …` : lines(cs));
    const names = (cs: HostsCatch[]) => [...new Set(cs.flatMap((c) => c.names))];
    // The lines that matter first: sign-in hosts, then parent domains, then the rest of Apple's names.
    const ORDER = { "sign-in": 0, domain: 1, apple: 2 } as const;
    const shown = [...caught]
      .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.line - b.line)
      .slice(0, 20)
      .map(describeLine);
    const rest = caught.length > 20 ? [`… and ${plural(caught.length - 20, "more Apple line")}`] : [];
    const details = [...shown, ...rest, ...(writer ? [`The file names its source: ${writer}`] : [])];
    const signInBlocked = caught.filter((c) => c.kind === "sign-in" && c.blocking);
    const signInPinned = caught.filter((c) => c.kind === "sign-in" && !c.blocking);
    const domains = caught.filter((c) => c.kind === "domain");
    const others = caught.filter((c) => c.kind === "apple");
    const data = {
      lines: caught.slice(0, 200),
      writer,
      blockedHosts: names(signInBlocked),
      pinnedHosts: names(signInPinned),
    };
    if (signInBlocked.length) {
      const addresses = [...new Set(signInBlocked.map((c) => c.address))];
      return result(
        "fail",
        `Your /etc/hosts sends ${listWords(names(signInBlocked))} to ${listWords(addresses)} (${lineList(signInBlocked)}${byWho})`,
        details,
        { data, fixes: ["flush-dns"] },
      );
    }
    if (signInPinned.length) {
      return result(
        "warn",
        `Your /etc/hosts pins ${listWords(names(signInPinned))} to a fixed address (${lines(signInPinned)}): DNS is bypassed, and Apple's addresses change`,
        details,
        { data, fixes: ["flush-dns"] },
      );
    }
    if (domains.length) {
      return result(
        "warn",
        `Your /etc/hosts maps ${listWords(names(domains))} (${lines(domains)}); a hosts file matches whole names, so the sign-in hosts under it still resolve`,
        details,
        { data },
      );
    }
    if (others.length) {
      return result(
        "pass",
        `No sign-in host in /etc/hosts (${plural(others.length, "line")} for other Apple names${byWho})`,
        details,
        { data },
      );
    }
    return result("pass", "No Apple names in /etc/hosts", details, { data });
  },
};

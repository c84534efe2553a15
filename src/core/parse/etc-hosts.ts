import { isIP } from "node:net";

/**
 * The addresses /etc/hosts gives a name, in file order (IPv4 and IPv6), as
 * getaddrinfo would answer before asking any DNS server. Names match
 * case-insensitively, comments and malformed lines are ignored; never throws.
 */
export function hostsFileAddresses(text: string, name: string): string[] {
  const wanted = name.toLowerCase().replace(/\.$/, "");
  const found: string[] = [];
  for (const raw of String(text ?? "").split(/\r?\n/)) {
    const [address, ...names] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (!address || !isIP(address.replace(/%.*$/, ""))) continue;
    if (names.some((n) => n.toLowerCase().replace(/\.$/, "") === wanted) && !found.includes(address)) {
      found.push(address);
    }
  }
  return found;
}

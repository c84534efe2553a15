// `systemextensionsctl list`: a count line, `--- <category>` headers, a column header, then one
// row per extension: `*\t*\tTEAMID\tbundle.id (1.0/1.0)\tName\t[activated enabled]`
// (objective-see/LuLu#331). Newer macOS prints rows without the two star columns (LuLu#901).
// Pure; never throws.

export interface SystemExtension {
  category?: string;
  teamId?: string;
  bundleId: string;
  version?: string;
  name?: string;
  state: string;
  /** `[activated enabled]`: installed, approved and running. */
  active: boolean;
}

const ROW =
  /(?:^|\s)(?:([A-Z0-9]{10})\s+)?([A-Za-z0-9][\w-]*(?:\.[\w-]+)+)\s+\(([^()]{0,80})\)\s*(.*?)\s*\[([^\]]{1,80})\]\s*$/;

export function parseSystemExtensions(text: string): SystemExtension[] {
  const out: SystemExtension[] = [];
  let category: string | undefined;
  for (const raw of String(text ?? "")
    .slice(0, 500_000)
    .split(/\r?\n/)) {
    if (raw.length > 1000) continue;
    const header = /^---\s+(\S+)/.exec(raw.trim());
    if (header) {
      category = header[1];
      continue;
    }
    const m = ROW.exec(raw.trim());
    if (!m) continue;
    const state = m[5].trim();
    out.push({
      ...(category ? { category } : {}),
      ...(m[1] ? { teamId: m[1] } : {}),
      bundleId: m[2],
      ...(m[3] ? { version: m[3] } : {}),
      ...(m[4] ? { name: m[4].slice(0, 80) } : {}),
      state,
      active: /\bactivated enabled\b/.test(state),
    });
  }
  return out;
}

export type FilterKind = "firewall" | "gateway" | "security";

/**
 * Products whose network extensions filter outgoing traffic, by bundle ID prefix. `firewall`: a
 * per-app firewall the user rules (allow akd and accountsd in it); `gateway`: a company's
 * secure web gateway or VPN client (IT exempts Apple's hosts); `security`: an antivirus web shield.
 */
export const FILTER_PRODUCTS: [prefix: string, product: string, kind: FilterKind][] = [
  ["com.objective-see.lulu", "LuLu", "firewall"],
  ["at.obdev.littlesnitch", "Little Snitch", "firewall"],
  ["com.radiosilenceapp", "Radio Silence", "firewall"],
  ["com.murusfirewall", "Murus", "firewall"],
  ["com.zscaler", "Zscaler", "gateway"],
  ["com.netskope", "Netskope", "gateway"],
  ["com.paloaltonetworks.globalprotect", "GlobalProtect", "gateway"],
  ["com.cisco.anyconnect", "Cisco AnyConnect", "gateway"],
  ["com.cisco.secureclient", "Cisco Secure Client", "gateway"],
  ["com.cloudflare", "Cloudflare WARP", "gateway"],
  ["com.adguard", "AdGuard", "security"],
  ["com.sophos", "Sophos", "security"],
  ["com.eset", "ESET", "security"],
  ["com.bitdefender", "Bitdefender", "security"],
  ["com.avast", "Avast", "security"],
  ["com.avg", "AVG", "security"],
  ["com.malwarebytes", "Malwarebytes", "security"],
  ["com.mcafee", "McAfee", "security"],
  ["com.fortinet", "FortiClient", "gateway"],
  ["com.checkpoint", "Check Point", "gateway"],
];

export function filterProduct(bundleId: string): { product: string; kind: FilterKind } | undefined {
  const id = bundleId.toLowerCase();
  const hit = FILTER_PRODUCTS.find(([prefix]) => id === prefix || id.startsWith(`${prefix}.`));
  return hit ? { product: hit[1], kind: hit[2] } : undefined;
}

export interface ActiveFilter {
  product: string;
  kind: FilterKind;
  bundleId: string;
}

/** What to do in a filter, by kind: the user's own firewall, IT's gateway, or a security app's web shield. */
export function allowAdvice(filter: ActiveFilter): string {
  switch (filter.kind) {
    case "firewall":
      return `allow akd and accountsd (and apsd for push) in ${filter.product}'s rules`;
    case "gateway":
      return `ask IT to exempt Apple's sign-in hosts from ${filter.product}'s inspection and blocking`;
    default:
      return `turn off ${filter.product}'s web protection for a test, or exclude Apple's sign-in hosts`;
  }
}

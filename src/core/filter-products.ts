// The content filters, firewalls, secure web gateways and antivirus web
// shields that can block Apple's sign-in daemons (akd, accountsd): one table
// for both witnesses, the system extensions `systemextensionsctl list` shows
// (by bundle ID prefix) and the agent processes `ps` shows (by executable
// name). A product found is a lead, never a verdict (diagnose.ts decides).
//
// Where the names come from (public, none run here): bundle IDs from the
// products' `systemextensionsctl list` rows (LuLu#331, AdGuard's network
// extension row in public test data) and reverse-DNS vendor prefixes;
// executables from the vendors' own paths as quoted in public scripts and
// docs: `/Library/Little Snitch/Little Snitch Daemon.bundle/…/Little Snitch
// Daemon` and `killall "Little Snitch Agent"` in install scripts;
// `/Applications/Zscaler/Zscaler.app/Contents/PlugIns/ZscalerTunnel` and
// `ZscalerService` in an uninstall script; `/Applications/GlobalProtect.app/
// Contents/Resources/PanGPS` and PanGPA; `/opt/cisco/anyconnect/bin/vpnagentd`
// and `/opt/cisco/secureclient/bin/vpnagentd`; Cloudflare's docs naming
// `/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP` as the
// daemon; Netskope's `nsAuxiliarySvc` and `Netskope Client` ("from ps aux" in a
// public client tool); `SophosScanD` in a real macOS `ps aux` capture;
// Malwarebytes' `RTProtectionDaemon` path; `esets_daemon`, `BDLDaemon`,
// `AvastUI`, `NortonSecurity`, `fctservctl` in public security-tool detectors.

export type FilterKind = "firewall" | "gateway" | "security";

export interface FilterProductEntry {
  product: string;
  /**
   * `firewall`: a per-app firewall the user rules (allow akd and accountsd in it); `gateway`: a
   * company's secure web gateway or VPN client (IT exempts Apple's hosts); `security`: an
   * antivirus web shield.
   */
  kind: FilterKind;
  /** Bundle ID prefixes of its system extensions. */
  bundles: string[];
  /** Executable names of its agents, as the last component of the path `ps` prints. */
  processes: string[];
}

export const FILTER_PRODUCT_TABLE: readonly FilterProductEntry[] = [
  { product: "LuLu", kind: "firewall", bundles: ["com.objective-see.lulu"], processes: ["LuLu"] },
  {
    product: "Little Snitch",
    kind: "firewall",
    bundles: ["at.obdev.littlesnitch"],
    processes: ["Little Snitch Daemon", "Little Snitch Agent", "Little Snitch Network Monitor"],
  },
  { product: "Radio Silence", kind: "firewall", bundles: ["com.radiosilenceapp"], processes: ["Radio Silence"] },
  { product: "Murus", kind: "firewall", bundles: ["com.murusfirewall"], processes: [] },
  {
    product: "Zscaler",
    kind: "gateway",
    bundles: ["com.zscaler"],
    processes: ["ZscalerTunnel", "ZscalerService", "Zscaler"],
  },
  {
    product: "Netskope",
    kind: "gateway",
    bundles: ["com.netskope"],
    processes: ["nsAuxiliarySvc", "Netskope Client", "NetskopeClientMacAppProxy"],
  },
  {
    product: "GlobalProtect",
    kind: "gateway",
    bundles: ["com.paloaltonetworks.globalprotect"],
    processes: ["PanGPS", "PanGPA", "GlobalProtect"],
  },
  { product: "Cisco AnyConnect", kind: "gateway", bundles: ["com.cisco.anyconnect"], processes: [] },
  { product: "Cisco Secure Client", kind: "gateway", bundles: ["com.cisco.secureclient"], processes: ["vpnagentd"] },
  {
    product: "Cloudflare WARP",
    kind: "gateway",
    bundles: ["com.cloudflare"],
    processes: ["CloudflareWARP", "Cloudflare WARP"],
  },
  { product: "AdGuard", kind: "security", bundles: ["com.adguard"], processes: [] },
  { product: "Sophos", kind: "security", bundles: ["com.sophos"], processes: ["SophosScanD"] },
  { product: "ESET", kind: "security", bundles: ["com.eset"], processes: ["esets_daemon", "esets_proxy"] },
  { product: "Bitdefender", kind: "security", bundles: ["com.bitdefender"], processes: ["BDLDaemon"] },
  { product: "Avast", kind: "security", bundles: ["com.avast"], processes: ["AvastUI"] },
  { product: "AVG", kind: "security", bundles: ["com.avg"], processes: [] },
  { product: "Norton", kind: "security", bundles: [], processes: ["NortonSecurity"] },
  { product: "Malwarebytes", kind: "security", bundles: ["com.malwarebytes"], processes: ["RTProtectionDaemon"] },
  { product: "McAfee", kind: "security", bundles: ["com.mcafee"], processes: [] },
  { product: "FortiClient", kind: "gateway", bundles: ["com.fortinet"], processes: ["fctservctl"] },
  { product: "Check Point", kind: "gateway", bundles: ["com.checkpoint"], processes: [] },
];

/** The product whose system extension this bundle ID is, if it is a known filter's. */
export function filterProduct(bundleId: string): { product: string; kind: FilterKind } | undefined {
  const id = String(bundleId ?? "").toLowerCase();
  const hit = FILTER_PRODUCT_TABLE.find((p) =>
    p.bundles.some((prefix) => id === prefix || id.startsWith(`${prefix}.`)),
  );
  return hit ? { product: hit.product, kind: hit.kind } : undefined;
}

/**
 * The kernel keeps a process's name in MAXCOMLEN (16) bytes; `ps` falls back to it when it
 * can't read a process's arguments (other users' protected processes print bare, as
 * `SophosScanD` does in a real `ps aux`). A bare name of that length may be a cut one.
 */
const COMM_LEN = 16;

/** The product whose agent `ps` printed on this line (a path or a bare name), if any. */
export function agentProduct(command: string): { product: string; kind: FilterKind; process: string } | undefined {
  const line = String(command ?? "").trim();
  if (!line || line.length > 1024) return undefined;
  const base = line.slice(line.lastIndexOf("/") + 1);
  const bare = !line.includes("/");
  for (const p of FILTER_PRODUCT_TABLE) {
    // A captured `ps aux` keeps the arguments after the name: `…/vpnagentd -execv_instance`.
    const name = p.processes.find(
      (n) => base === n || base.startsWith(`${n} -`) || (bare && base.length >= COMM_LEN - 1 && n.startsWith(base)),
    );
    if (name) {
      // vpnagentd under /opt/cisco/anyconnect is the client before its rename to Secure Client.
      const product = name === "vpnagentd" && line.includes("/opt/cisco/anyconnect/") ? "Cisco AnyConnect" : p.product;
      return { product, kind: p.kind, process: name };
    }
  }
  // A system extension runs as a process named by its bundle ID (…/<bundle>.systemextension/Contents/MacOS/<bundle>).
  if (/^[a-z0-9-]+(\.[\w-]+){2,}$/i.test(base)) {
    const known = filterProduct(base);
    if (known) return { ...known, process: base };
  }
  return undefined;
}

export interface ActiveFilter {
  product: string;
  kind: FilterKind;
  /** Its system extension, when that is how it was seen. */
  bundleId?: string;
  /** Its agent process, when that is how it was seen. */
  process?: string;
}

/** What to do in a filter, by kind: the user's own firewall, IT's gateway, or a security app's web shield. */
export function allowAdvice(filter: Pick<ActiveFilter, "product" | "kind">): string {
  switch (filter.kind) {
    case "firewall":
      return `allow akd and accountsd (and apsd for push) in ${filter.product}'s rules`;
    case "gateway":
      return `ask IT to exempt Apple's sign-in hosts from ${filter.product}'s inspection and blocking`;
    default:
      return `turn off ${filter.product}'s web protection for a test, or exclude Apple's sign-in hosts`;
  }
}

import { macosName } from "../macos-releases";

// Parsers for `/usr/bin/sw_vers`, `/usr/sbin/sysctl -n hw.model` and `-n kern.hv_vmm_present`.

export interface MacosVersion {
  productName: string;
  productVersion: string;
  buildVersion: string;
  /** Rapid Security Response suffix on 13.x, e.g. `(a)`. */
  productVersionExtra?: string;
  major: number;
  minor: number;
  patch: number;
  marketingName?: string;
}

export function parseSwVers(text: string): MacosVersion | undefined {
  try {
    if (typeof text !== "string") return undefined;
    const fields = new Map<string, string>();
    for (const line of text.split(/\r?\n/)) {
      // `Key:<any whitespace run>Value`: one tab up to 12, two tabs from 13, one in some transcripts.
      const colon = line.indexOf(":");
      const key = line.slice(0, colon).trim();
      if (colon > 0 && /^\w{1,40}$/.test(key) && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
    }
    const productVersion = fields.get("ProductVersion") ?? "";
    const v = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?$/.exec(productVersion);
    if (!v) return undefined;
    const major = Number(v[1]);
    const minor = Number(v[2] ?? 0);
    const patch = Number(v[3] ?? 0);
    const result: MacosVersion = {
      productName: fields.get("ProductName") ?? "",
      productVersion,
      buildVersion: fields.get("BuildVersion") ?? "",
      major,
      minor,
      patch,
    };
    const extra = fields.get("ProductVersionExtra");
    if (extra) result.productVersionExtra = extra;
    const marketingName = macosName(major, minor);
    if (marketingName) result.marketingName = marketingName;
    return result;
  } catch {
    return undefined;
  }
}

/** One model identifier such as `MacBookPro18,2` or `VirtualMac2,1`; anything else is rejected. */
export function parseHwModel(text: string): string | undefined {
  try {
    if (typeof text !== "string") return undefined;
    // Tolerate `sysctl hw.model` without -n (`hw.model: Mac16,8`).
    const value = text.trim().replace(/^hw\.model:\s*/, "");
    return /^[A-Za-z][A-Za-z0-9_-]{0,40}(?:\d{1,4},\d{1,4})?$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

// A virtual machine's model identifier (Apple's Virtualization framework, VMware, Parallels).
export function isVirtualMac(model: string): boolean {
  return typeof model === "string" && /^(?:VirtualMac|VMware|Parallels)/i.test(model.trim());
}

/** `sysctl -n kern.hv_vmm_present`: 1 in a virtual machine, 0 on real hardware; anything else is unknown. */
export function parseHvVmmPresent(text: string): boolean | undefined {
  if (typeof text !== "string") return undefined;
  const value = text.trim().replace(/^kern\.hv_vmm_present:\s*/, "");
  return value === "1" ? true : value === "0" ? false : undefined;
}

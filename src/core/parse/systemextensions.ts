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

// The known-product table lives in one place for both witnesses (extensions and agent processes).
export { allowAdvice, filterProduct, type ActiveFilter, type FilterKind } from "../filter-products";

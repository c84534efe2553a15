import { filterProduct, parseSystemExtensions, type ActiveFilter } from "../parse/systemextensions";
import type { Probe } from "./types";
import { isMac, listWords, notOnMac, readCommand, result } from "./util";

// Content filters and firewall network extensions (LuLu, Little Snitch,
// Zscaler, Netskope…) can block Apple's sign-in daemons (akd, accountsd):
// LuLu#283. `systemextensionsctl list` runs as the user (LuLu's author runs it
// from a `%` prompt, LuLu#331). A filter being on is a lead, not a verdict:
// diagnose blames it only when sign-in hosts fail while the internet works.

export const networkFilterProbe: Probe = {
  id: "network-filter",
  title: "Network Filters",
  area: "security",
  async run(ctx) {
    if (!isMac(ctx)) return notOnMac(ctx);
    const out = await readCommand(ctx, [ctx.bin.systemextensionsctl, "list"]);
    if (!out.ok) return out.result;
    const all = parseSystemExtensions(out.stdout);
    const active: ActiveFilter[] = [];
    for (const ext of all.filter((e) => e.active)) {
      const known = filterProduct(ext.bundleId);
      if (known && !active.some((a) => a.product === known.product)) active.push({ ...known, bundleId: ext.bundleId });
    }
    const details = all
      .slice(0, 20)
      .map(
        (e) =>
          `${e.bundleId}${e.version ? ` (${e.version})` : ""} [${e.state}]${filterProduct(e.bundleId) ? `: ${filterProduct(e.bundleId)!.product}` : ""}`,
      );
    const data = { active, extensions: all.length };
    if (active.length) {
      const names = listWords(active.map((a) => a.product));
      return result(
        "warn",
        `${names} ${active.length === 1 ? "is" : "are"} active and can block Apple's sign-in daemons (akd, accountsd)`,
        details,
        { data },
      );
    }
    return result(
      "pass",
      all.length ? "No content filter or firewall extension is active" : "No system extensions installed",
      details,
      { data },
    );
  },
};

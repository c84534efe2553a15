import { agentProduct, filterProduct, type ActiveFilter } from "../filter-products";
import { parseProcessCommands } from "../parse/ps";
import { parseSystemExtensions } from "../parse/systemextensions";
import type { Probe } from "./types";
import { isMac, listWords, notOnMac, readCommand, result } from "./util";

// Content filters and firewall network extensions (LuLu, Little Snitch,
// Zscaler, Netskope…) can block Apple's sign-in daemons (akd, accountsd):
// LuLu#283. Two witnesses, both readable as the user: `systemextensionsctl
// list` (LuLu's author runs it from a `%` prompt, LuLu#331) and the agents in
// the process list (`ps -axo comm=`: see parse/ps.ts), which also finds
// products that filter without a system extension or whose extension list
// can't be read. A filter being on is a lead, not a verdict: diagnose blames
// it only when sign-in hosts fail while the internet works.

export const PS_COMMAND = ["-axo", "comm="];

export const networkFilterProbe: Probe = {
  id: "network-filter",
  title: "Network Filters",
  area: "security",
  async run(ctx) {
    if (!isMac(ctx)) return notOnMac(ctx);
    const [out, ps] = await Promise.all([
      readCommand(ctx, [ctx.bin.systemextensionsctl, "list"]),
      readCommand(ctx, [ctx.bin.ps, ...PS_COMMAND]),
    ]);
    // A recording made before the process list was read: judged on the extensions alone, as then.
    const psRecorded = ps.ok || ps.result.status !== "skip" || !/in the recording/.test(ps.result.summary);
    if (!out.ok && !ps.ok) return out.result;
    const all = out.ok ? parseSystemExtensions(out.stdout) : [];
    const active: ActiveFilter[] = [];
    for (const ext of all.filter((e) => e.active)) {
      const known = filterProduct(ext.bundleId);
      if (known && !active.some((a) => a.product === known.product)) active.push({ ...known, bundleId: ext.bundleId });
    }
    const agents = ps.ok ? parseProcessCommands(ps.stdout).map(agentProduct) : [];
    for (const agent of agents) {
      if (!agent) continue;
      const seen = active.find((a) => a.product === agent.product);
      if (seen) seen.process ??= agent.process;
      else active.push({ product: agent.product, kind: agent.kind, process: agent.process });
    }
    const details = [
      ...all
        .slice(0, 20)
        .map(
          (e) =>
            `${e.bundleId}${e.version ? ` (${e.version})` : ""} [${e.state}]${filterProduct(e.bundleId) ? `: ${filterProduct(e.bundleId)!.product}` : ""}`,
        ),
      ...active.filter((a) => a.process).map((a) => `${a.product}'s agent is running: ${a.process}`),
      ...(out.ok ? [] : [out.result.summary]),
      ...(ps.ok || !psRecorded ? [] : [`Couldn't read the process list: ${ps.result.summary}`]),
    ];
    const data = { active, extensions: all.length };
    if (active.length) {
      const names = listWords(active.map((a) => a.product));
      const how = active.every((a) => a.bundleId) ? "active" : "running";
      return result(
        "warn",
        `${names} ${active.length === 1 ? "is" : "are"} ${how} and can block Apple's sign-in daemons (akd, accountsd)`,
        details,
        { data },
      );
    }
    if (!out.ok) {
      return result("pass", "No known filter or firewall agent is running", details, { data });
    }
    return result(
      "pass",
      all.length ? "No content filter or firewall extension is active" : "No system extensions installed",
      details,
      { data },
    );
  },
};

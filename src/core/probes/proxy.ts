import { parseScutilProxy, type ProxyEndpoint } from "../parse/scutil-proxy";
import type { Identifier } from "../types";
import type { Probe } from "./types";
import { hostOf, isMac, onThisComputer, readCommand, result } from "./util";

const ENV_NAMES = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"];
const isLoopback = (host: string) => /^(localhost|127\.|::1$)/i.test(host);
const show = (e: ProxyEndpoint) => `${e.host}${e.port ? `:${e.port}` : ""}`;

// A system proxy for HTTPS (or a PAC file, or SOCKS) carries sign-in
// traffic through someone else's machine; many of them inspect HTTPS,
// which Apple's servers refuse. An HTTP-only proxy doesn't touch sign-in.
export const proxyProbe: Probe = {
  id: "proxy",
  title: "Proxy",
  area: "security",
  async run(ctx) {
    const envSet = ENV_NAMES.filter((n) => ctx.host.env(n)).map((n) => `${n}=${ctx.host.env(n)}`);
    const envNote = envSet.length
      ? [`Shell proxy variables (affect command-line tools only): ${envSet.join(", ")}`]
      : [];
    const envIds: Identifier[] = ENV_NAMES.flatMap((n) => {
      const v = ctx.host.env(n);
      const h = v ? hostOf(v.includes("://") ? v : `http://${v}`).replace(/:\d+$/, "") : "";
      return h && !isLoopback(h) ? [{ value: h, kind: "proxy-host" as const }] : [];
    });
    if (!isMac(ctx)) {
      return envSet.length
        ? result("pass", "Proxy variables are set in the environment", envNote, { identifiers: envIds })
        : result("skip", `System proxy settings are only read on macOS (${onThisComputer(ctx.host.platform)})`);
    }
    const out = await readCommand(ctx, [ctx.bin.scutil, "--proxy"]);
    if (!out.ok) return out.result;
    const p = parseScutilProxy(out.stdout);
    const identifiers: Identifier[] = [
      ...envIds,
      ...[p.http, p.https, p.socks].flatMap((e) =>
        e && !isLoopback(e.host) ? [{ value: e.host, kind: "proxy-host" as const }] : [],
      ),
      ...(p.pacUrl ? [{ value: hostOf(p.pacUrl).replace(/:\d+$/, ""), kind: "proxy-host" as const }] : []),
    ];
    const details = [
      p.https ? `HTTPS proxy: ${show(p.https)}` : "",
      p.http ? `HTTP proxy: ${show(p.http)}` : "",
      p.socks ? `SOCKS proxy: ${show(p.socks)}` : "",
      p.pacUrl ? `Automatic proxy configuration: ${p.pacUrl}` : "",
      p.autoDiscovery ? "Auto proxy discovery (WPAD) is on" : "",
      ...envNote,
    ].filter(Boolean);
    const data = { https: p.https, http: p.http, socks: p.socks, pacUrl: p.pacUrl, autoDiscovery: p.autoDiscovery };
    const extra = { fixes: ["open-network-settings" as const], data, identifiers };
    if (p.https) return result("warn", `HTTPS traffic goes through a proxy (${show(p.https)})`, details, extra);
    if (p.pacUrl) return result("warn", "A proxy configuration file (PAC) decides where traffic goes", details, extra);
    if (p.socks) return result("warn", `Traffic goes through a SOCKS proxy (${show(p.socks)})`, details, extra);
    if (p.autoDiscovery) return result("warn", "Automatic proxy discovery is on", details, extra);
    if (p.http)
      return result("pass", `Only plain HTTP uses a proxy (${show(p.http)}); sign-in is direct`, details, {
        data,
        identifiers,
      });
    return result("pass", "No proxy", details, { data, identifiers });
  },
};

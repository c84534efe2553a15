import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Finding } from "../../src/core/types";
import * as scenarios from "../support/scenarios";

// Every probe through recordings built from real captures: what each
// scenario finds, and the diagnosis's top cause.

const run = async (rec: Recording) => runFullChecklist(createReplayHost(parseRecording(JSON.stringify(rec))));
const byProbe = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.probe, f]));

describe("scenarios through recordings", () => {
  it("healthy Mac: everything passes and the diagnosis is none", async () => {
    const { findings, causes } = await run(scenarios.healthy());
    const f = byProbe(findings);
    expect(findings.map((x) => [x.probe, x.status]).filter(([, s]) => s !== "pass")).toEqual([]);
    expect(f["apple-hosts"].summary).toBe("All 6 sign-in servers answer");
    expect(f.dns.summary).toBe("All 6 sign-in hosts resolve");
    expect(f.dns.details[0]).toBe("Resolvers in use: 10.5.3.211, 10.5.3.210");
    expect(f["tls-inspection"].summary).toBe("Certificates come from Apple (6 checked)");
    expect(f.macos.summary).toBe("macOS 15.7.4 Sequoia (24G517) on Mac16,8");
    expect(f.firewall.summary).toMatch(/^Firewall on/);
    expect(f.vpn.summary).toBe("No VPN set up");
    expect(f.push.summary).toBe("Push service reachable on port 5223");
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "high" });
  });

  it("offline: top cause offline, and the consequences are explained away", async () => {
    const { findings, causes } = await run(scenarios.offline());
    const f = byProbe(findings);
    expect(f.internet.status).toBe("fail");
    expect(f.dns.status).toBe("fail");
    expect(f["apple-hosts"].status).toBe("fail");
    expect(causes[0].cause).toBe("offline");
    expect(causes.map((c) => c.cause)).not.toContain("dns");
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("DNS broken (system fails, public works): top cause dns with Flush DNS first", async () => {
    const { findings, causes } = await run(scenarios.dnsBroken());
    const f = byProbe(findings);
    expect(f.dns.status).toBe("fail");
    expect(f.dns.summary).toBe("This Mac's DNS can't find Apple's sign-in hosts, but 1.1.1.1 can");
    expect(f.internet.status).toBe("pass");
    expect(causes[0]).toMatchObject({
      cause: "dns",
      confidence: "high",
      fixes: ["flush-dns", "open-network-settings"],
    });
  });

  it("VPN that blocks sign-in hosts: top cause vpn", async () => {
    const { findings, causes } = await run(scenarios.vpnBlocking());
    const f = byProbe(findings);
    expect(f.vpn.status).toBe("warn");
    expect(f.vpn.summary).toMatch(/^VPN connected: Tailscale\./);
    expect(f.vpn.details).toContain("utun4 is up with 100.101.102.103");
    expect(f["apple-hosts"].summary).toBe("Can't reach idmsa.apple.com and gsa.apple.com (timed out)");
    expect(causes[0]).toMatchObject({ cause: "vpn", confidence: "high", fixes: ["open-vpn-settings"] });
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("a VPN that does no harm: a low-confidence lead, not none", async () => {
    const { causes } = await run(scenarios.vpnHarmless());
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ cause: "vpn", confidence: "low" });
    expect(causes[0].summary).toMatch(/VPN connected: Tailscale/);
  });

  it("HTTPS interception: top cause tls-inspection naming the issuer", async () => {
    const { findings, causes } = await run(scenarios.httpsInterception());
    expect(byProbe(findings)["tls-inspection"].status).toBe("fail");
    expect(causes[0].cause).toBe("tls-inspection");
    expect(causes[0].summary).toContain("Zscaler Intermediate Root CA");
  });

  it("/etc/hosts sends gsa.apple.com to 0.0.0.0: the hosts line is the top cause, DNS and blocking are its symptoms", async () => {
    const { findings, causes } = await run(scenarios.hostsFileBlocks());
    const f = byProbe(findings);
    expect(f["hosts-file"]).toMatchObject({
      status: "fail",
      summary: "Your /etc/hosts sends gsa.apple.com to 0.0.0.0 (line 53, written by Spybot Anti-Beacon)",
    });
    expect(f["hosts-file"].details[0]).toBe("line 53: 0.0.0.0 gsa.apple.com");
    expect(f.dns.status).toBe("fail");
    expect(f["apple-hosts"].status).toBe("fail");
    expect(causes[0]).toMatchObject({ cause: "hosts-file", confidence: "high", fixes: ["flush-dns"] });
    expect(causes[0].summary).toContain("delete line 53");
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
    expect(causes.map((c) => c.cause)).not.toContain("dns");
  });

  it("/etc/hosts with a sign-in line, while another host is blocked elsewhere: both causes stay", async () => {
    const r = scenarios.hostsFileBlocks();
    r.tls = r.tls.map((t) => (t.host === "idmsa.apple.com" ? { host: t.host, port: t.port, error: "ETIMEDOUT" } : t));
    const { causes } = await run(r);
    expect(causes[0].cause).toBe("hosts-file");
    expect(causes.map((c) => c.cause)).toContain("blocked");
  });

  it("a DNS filter on the router sinks setup.icloud.com: the cause names the server, the name and the false positive", async () => {
    const { findings, causes } = await run(scenarios.dnsFilter());
    expect(byProbe(findings).dns.details).toContain("This Mac asks your router or a Pi-hole at 10.5.3.211 first");
    expect(causes[0]).toMatchObject({ cause: "blocked", confidence: "high" });
    expect(causes[0].summary).toContain(
      "probably a DNS filter: this Mac's DNS server is your router or a Pi-hole at 10.5.3.211. Fix: allow setup.icloud.com in that filter (setup.icloud.com is a common false positive of blocklists)",
    );
  });

  it("MDM forbids account changes for this user: top cause restricted, no network fix", async () => {
    const { findings, causes } = await run(scenarios.restricted());
    expect(byProbe(findings).restrictions).toMatchObject({
      status: "fail",
      summary:
        "This Mac's administrator (its MDM) doesn't allow Apple Account changes (allowAccountModification is off for this user)",
    });
    expect(byProbe(findings).restrictions.details).toContain("This Mac is managed by MDM (test.example.com)");
    expect(causes[0]).toMatchObject({ cause: "restricted", confidence: "high", fixes: [] });
    expect(causes[0].summary).toContain("ask them to allow it");
  });

  it("LuLu active and sign-in servers timing out while the internet works: LuLu named, with what to allow", async () => {
    const { findings, causes } = await run(scenarios.networkFilter());
    expect(byProbe(findings)["network-filter"]).toMatchObject({
      status: "warn",
      summary: "LuLu is active and can block Apple's sign-in daemons (akd, accountsd)",
    });
    expect(causes[0]).toMatchObject({ cause: "network-filter", confidence: "high" });
    expect(causes[0].summary).toBe(
      "LuLu is active and the sign-in servers time out while the internet works: allow akd and accountsd (and apsd for push) in LuLu's rules.",
    );
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("LuLu installed but waiting for approval (the healthy Mac): not a filter", async () => {
    const { findings } = await run(scenarios.healthy());
    expect(byProbe(findings)["network-filter"]).toMatchObject({
      status: "pass",
      summary: "No content filter or firewall extension is active",
    });
  });

  it("push blocked: top cause push-blocked", async () => {
    const { findings, causes } = await run(scenarios.pushBlocked());
    expect(byProbe(findings).push.summary).toBe("Can't reach Apple's push service on port 5223 or 443");
    expect(causes[0]).toMatchObject({ cause: "push-blocked", confidence: "medium" });
  });

  it("captive portal: top cause captive-portal, blocked hosts explained", async () => {
    const { findings, causes } = await run(scenarios.captivePortal());
    expect(byProbe(findings)["captive-portal"].summary).toBe(
      "This network redirects to a login page (wifi.hotel.example)",
    );
    expect(causes[0].cause).toBe("captive-portal");
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("signed out, in the real `defaults` format (NSLog header, then the message): top cause signed-out", async () => {
    const { findings, causes } = await run(scenarios.signedOut());
    expect(byProbe(findings).account).toMatchObject({
      status: "warn",
      summary: "No Apple Account is signed in on this Mac",
      details: ["Domain MobileMeAccounts does not exist"],
    });
    expect(causes[0]).toMatchObject({ cause: "signed-out", fixes: ["open-apple-account-settings"] });
  });

  it("the signed-out recording file on disk replays to signed-out (npm run recordings keeps it current)", async () => {
    const text = readFileSync(join(__dirname, "..", "fixtures", "recordings", "signed-out.json"), "utf8");
    expect(text).toBe(JSON.stringify(scenarios.signedOut(), null, 2) + "\n");
    const { causes } = await runFullChecklist(createReplayHost(parseRecording(text)));
    expect(causes[0].cause).toBe("signed-out");
  });

  it("a recording with only recordedAt and platform: every probe skips, nothing crashes", async () => {
    const { findings, causes } = await run(scenarios.empty());
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(f.status, `${f.probe}: ${f.summary}`).toBe("skip");
      expect(f.summary.length).toBeGreaterThan(5);
    }
    expect(causes).toEqual([expect.objectContaining({ cause: "none", confidence: "low" })]);
  });

  it("on Linux, the macOS-only probes skip and the network ones still run", async () => {
    const rec = { ...scenarios.healthy(), platform: "linux" };
    const f = byProbe((await run(rec)).findings);
    for (const id of ["macos", "vpn", "firewall", "proxy"]) expect(f[id].status, id).toBe("skip");
    expect(f.dns.status).toBe("pass");
    expect(f["apple-hosts"].status).toBe("pass");
  });

  it("non-zero exits and missing binaries become calm skip/error findings", async () => {
    const rec = scenarios.healthy();
    rec.exec = rec.exec.map((e) =>
      e.command[0] === "/usr/bin/sw_vers"
        ? { command: e.command, stdout: "", stderr: "sw_vers: broken pipe\n", exitCode: 1 }
        : e.command[0].endsWith("socketfilterfw")
          ? { command: e.command, error: "ENOENT" }
          : e,
    );
    const f = byProbe((await run(rec)).findings);
    expect(f.macos).toMatchObject({
      status: "error",
      summary: "`sw_vers` failed (exit 1)",
      details: ["sw_vers: broken pipe"],
    });
    expect(f.firewall).toMatchObject({
      status: "skip",
      summary: "`socketfilterfw --getglobalstate` isn't available on this Mac",
    });
  });

  it("garbage command output never throws", async () => {
    const rec = scenarios.healthy();
    rec.exec = rec.exec.map((e) => ({ ...e, stdout: "<html><body>502 Bad Gateway</body></html>\u0000\uFFFD" }));
    const { findings } = await run(rec);
    for (const f of findings) expect(["pass", "warn", "fail", "skip", "error"]).toContain(f.status);
    expect(byProbe(findings).macos.status).toBe("error");
  });
});

describe("push: the numbered courier first, the bare name as a second witness", () => {
  const push = async (rec: ReturnType<typeof scenarios.healthy>) => byProbe((await run(rec)).findings).push;

  it("tries 1-courier.push.apple.com before courier.push.apple.com, on 5223 and 443", async () => {
    const f = await push(scenarios.healthy());
    expect(f.status).toBe("pass");
    expect(f.details.map((d) => d.replace(/ \(\d+ ms\)$/, ""))).toEqual([
      "1-courier.push.apple.com:5223 open",
      "courier.push.apple.com:5223 open",
      "1-courier.push.apple.com:443 open",
      "courier.push.apple.com:443 open",
    ]);
  });

  it("either name open on a port counts; an older recording with only the bare name still reads", async () => {
    const r = scenarios.healthy();
    r.tcp = r.tcp.map((t) => (t.host === "courier.push.apple.com" ? { ...t, result: "timeout" as const } : t));
    expect((await push(r)).summary).toBe("Push service reachable on port 5223");
    const old = scenarios.healthy();
    old.tcp = old.tcp.filter((t) => t.host !== "1-courier.push.apple.com");
    const f = await push(old);
    expect(f.summary).toBe("Push service reachable on port 5223");
    expect(f.details.every((d) => d.startsWith("courier.push.apple.com:"))).toBe(true);
  });

  it("5223 blocked on both names, 443 open: the fallback warning", async () => {
    const r = scenarios.healthy();
    r.tcp = r.tcp.map((t) =>
      t.port === 5223 && t.host.endsWith("courier.push.apple.com") ? { ...t, result: "refused" as const } : t,
    );
    expect((await push(r)).summary).toBe(
      "Port 5223 is blocked (connection refused); push falls back to 443, which is slower",
    );
  });
});

describe("vpn: a tunnel that shows only in DNS", () => {
  it("a Scoped resolver on utun0 (Tunnelblick/OpenVPN, real capture) is a VPN even with an empty --nc list", async () => {
    const r = scenarios.healthy();
    r.exec = r.exec.map((e) =>
      e.command.join(" ") === "/usr/sbin/scutil --dns"
        ? {
            ...e,
            stdout: readFileSync(join(__dirname, "..", "fixtures", "scutil-dns-openvpn-scoped-utun.txt"), "utf8"),
          }
        : e,
    );
    const f = byProbe((await run(r)).findings).vpn;
    expect(f.status).toBe("warn");
    expect(f.summary).toBe("A VPN tunnel is up (utun0). If sign-in fails, try once with it off");
    expect(f.details).toContain("A resolver (8.8.8.8, 8.8.4.4) is scoped to the tunnel utun0");
  });

  it("scoped resolvers on en0 only (the healthy capture) are not a VPN", async () => {
    expect(byProbe((await run(scenarios.healthy())).findings).vpn.summary).toBe("No VPN set up");
  });
});

describe("firewall: State = 2 is strict, block-all comes from its own line", () => {
  const withFirewall = (globalstate: string, blockall?: string) => {
    const r = scenarios.healthy();
    r.exec = r.exec
      .filter((e) => blockall !== undefined || e.command[1] !== "--getblockall")
      .map((e) =>
        e.command[1] === "--getglobalstate"
          ? { ...e, stdout: globalstate }
          : e.command[1] === "--getblockall"
            ? { ...e, stdout: blockall ?? "" }
            : e,
      );
    return r;
  };

  it("State = 2 with block-all disabled (real output): 'on (strict)', never 'blocks all'", async () => {
    const f = byProbe(
      (await run(withFirewall("Firewall is enabled. (State = 2)\n", "Firewall has block all state set to disabled.\n")))
        .findings,
    ).firewall;
    expect(f.summary).toBe("Firewall on (strict); it filters incoming connections only, so it can't block sign-in");
    expect(f.details).toEqual(["Firewall is enabled. (State = 2)", "Firewall has block all state set to disabled."]);
  });

  it("block-all enabled on its own line: says it blocks all incoming connections", async () => {
    const f = byProbe(
      (await run(withFirewall("Firewall is enabled. (State = 2)\n", "Firewall has block all state set to enabled.\n")))
        .findings,
    ).firewall;
    expect(f.summary).toBe("Firewall blocks all incoming connections; sign-in is outgoing, so it isn't affected");
  });
});

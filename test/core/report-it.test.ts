import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { buildReport } from "../../src/core/report";
import { blockerSentence } from "../../src/core/report-it";
import * as scenarios from "../support/scenarios";

// The report's "For IT" section: who is in the way, Apple's requirements, what failed here and how.

async function report(rec: Recording, format: "markdown" | "plain" = "markdown") {
  const r = await runFullChecklist(createReplayHost(parseRecording(JSON.stringify(rec))));
  const text = buildReport({ ...r, history: [], appVersion: "1.0.0", platform: r.platform }, { format, redact: true });
  return text.split(format === "markdown" ? "## For IT" : "For IT\n------")[1].split(/\n## |\nChecks\n/)[0];
}

describe("report: For IT", () => {
  it("a hosts line: names it as what is in the way, and DNS as answered from /etc/hosts", async () => {
    const it = await report(scenarios.hostsFileBlocks());
    expect(it).toContain(
      "- **In the way:** Hosts File Blocks Apple: Your /etc/hosts sends gsa.apple.com to 0.0.0.0 (line 53, written by Spybot Anti-Beacon).",
    );
    expect(it).toContain("  - DNS: gsa.apple.com answered from /etc/hosts, before any DNS server");
    expect(it).toContain("  - gsa.apple.com TCP 443 (TLS handshake): connection refused");
    expect(it).toContain("gsa.apple.com on TCP 443");
    expect(it).toContain("support.apple.com/101555");
  });

  it("a block page answering the sign-in lookup, and broken IPv6: what no handshake shows", async () => {
    expect(await report(scenarios.blockPage(), "plain")).toContain(
      'Sign-in service: gsa.apple.com answers, but not as Apple\'s sign-in service: its lookup returned a web page titled "Web Page Blocked" (HTTP 403)',
    );
    expect(await report(scenarios.brokenIpv6(), "plain")).toContain(
      "Sign-in service: Sign-in servers answer over IPv4, but over IPv6 gsa.apple.com fails (timed out)",
    );
  });

  it("a resolver file: names /etc/resolver, not /etc/hosts, and DNS as asked of its server", async () => {
    const it = await report(scenarios.resolverFile());
    expect(it).toContain("- **In the way:** Hosts File Blocks Apple: /etc/resolver/apple.com sends apple.com to");
    expect(it).toContain("  - /etc/resolver on this Mac: /etc/resolver/apple.com sends apple.com to");
    expect(it).not.toContain("/etc/hosts on this Mac");
    expect(it).toContain(
      "  - DNS: appleid.apple.com, idmsa.apple.com, gsa.apple.com, account.apple.com asked of the server in /etc/resolver, not the network's",
    );
  });

  it("a filter agent from the process list: the product named as what is in the way", async () => {
    const it = await report(scenarios.filterAgent(), "plain");
    expect(it).toContain("In the way: Network Filter In The Way: Zscaler is running and the sign-in servers time out");
  });

  it("HTTPS interception: the issuer, and Apple's word on interception", async () => {
    const it = await report(scenarios.httpsInterception());
    expect(it).toMatch(/In the way:\*\* HTTPS Inspection: .*Zscaler Intermediate Root CA/);
    expect(it).toMatch(/- Certificates: .*Zscaler/);
    expect(it).toContain("Apple says its services fail any connection that uses HTTPS interception");
  });

  it("a VPN blocking two hosts: each handshake that failed, with how", async () => {
    const it = await report(scenarios.vpnBlocking(), "plain");
    expect(it).toContain("idmsa.apple.com TCP 443 (TLS handshake): timed out");
    expect(it).toContain("gsa.apple.com TCP 443 (TLS handshake): timed out");
    expect(it).toContain("In the way: VPN In Use: VPN connected: [vpn].");
  });

  it("a healthy Mac: nothing in the way, nothing failed", async () => {
    const it = await report(scenarios.healthy());
    expect(it).toContain("**In the way:** nothing found from this Mac");
    expect(it).toContain("**Failed from this Mac:** nothing of the above");
  });

  it("the blocker is outside text: escaped in Markdown like every summary", async () => {
    expect(
      blockerSentence([
        {
          cause: "proxy",
          confidence: "high",
          summary: "Proxy [x](http://e.example) on. More.",
          evidence: [],
          fixes: [],
        },
      ]),
    ).toBe("Proxy In Use: Proxy [x](http://e.example) on.");
    const rec = scenarios.httpsInterception();
    rec.tls = rec.tls.map((t) => ({ ...t, issuer: "Evil [CA](http://e.example) <b>" }));
    const it = await report(rec);
    expect(it).toContain('"Evil \\[CA\\](http\\://e.example) \\<b\\>"');
    expect(it).not.toContain("<b>");
  });
});

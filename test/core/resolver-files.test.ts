import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Finding } from "../../src/core/types";
import * as scenarios from "../support/scenarios";

// /etc/resolver, read by the hosts-file check: a per-domain resolver file for
// apple.com is named with its server, weighed against the DNS results, and a
// recording made before the folder was listed replays exactly as before.

const run = async (rec: Recording) => runFullChecklist(createReplayHost(parseRecording(JSON.stringify(rec))));
const hostsFinding = (findings: Finding[]) => findings.find((f) => f.probe === "hosts-file")!;
type Mutable = ReturnType<typeof scenarios.healthy>;
const withResolver = (r: Mutable, files: Record<string, string>) => {
  r.files = [
    ...r.files.filter((f) => !f.path.startsWith("/etc/resolver")),
    { path: "/etc/resolver", entries: Object.keys(files) },
    ...Object.entries(files).map(([name, text]) => ({ path: `/etc/resolver/${name}`, text })),
  ];
  return r;
};

describe("/etc/resolver files", () => {
  it("/etc/resolver/apple.com sends Apple's names to a silent server: the file is the top cause, DNS its symptom", async () => {
    const { findings, causes } = await run(scenarios.resolverFile());
    expect(hostsFinding(findings)).toMatchObject({
      status: "warn",
      summary:
        "/etc/resolver/apple.com sends apple.com to 10.0.0.53, so this Mac asks that server for Apple's sign-in hosts, whatever the network's DNS is",
      fixes: ["flush-dns"],
    });
    expect(hostsFinding(findings).details).toContain(
      "/etc/resolver/apple.com: apple.com → 10.0.0.53 (catches appleid.apple.com, idmsa.apple.com, gsa.apple.com, account.apple.com, 1-courier.push.apple.com and courier.push.apple.com …); scutil --dns lists it in use",
    );
    expect(causes[0]).toMatchObject({ cause: "hosts-file", confidence: "high", fixes: ["flush-dns"] });
    expect(causes[0].summary).toMatch(/^\/etc\/resolver\/apple\.com sends apple\.com to 10\.0\.0\.53, and /);
    expect(causes[0].summary).toContain("`sudo rm /etc/resolver/apple.com`");
    expect(causes.map((c) => c.cause)).not.toContain("dns");
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("the same file while every lookup works: a low-confidence lead, never the blocker", async () => {
    const r = withResolver(scenarios.healthy(), { "apple.com": scenarios.RESOLVER_APPLE_COM });
    const { findings, causes } = await run(r);
    expect(hostsFinding(findings).status).toBe("warn");
    expect(hostsFinding(findings).details.at(-1)).toMatch(/scutil --dns lists no resolver for it$/);
    expect(causes[0]).toMatchObject({ cause: "hosts-file", confidence: "low" });
    expect(causes[0].summary).toContain("Nothing failed now");
  });

  it("a `domain` line decides, not the file name (apple/container#1407); a developer's .test file is not Apple's", async () => {
    const r = withResolver(scenarios.healthy(), {
      "containerization.vm": "domain icloud.com\nnameserver 127.0.0.1\nport 2053\n",
      test: "domain test\nnameserver 127.0.0.1\nsearch_order 1\n",
    });
    const f = hostsFinding((await run(r)).findings);
    expect(f.summary).toBe(
      "/etc/resolver/containerization.vm sends icloud.com to 127.0.0.1 port 2053, so this Mac asks that server for Apple's sign-in hosts, whatever the network's DNS is",
    );
    expect(f.details).toContain("1 other resolver file in /etc/resolver, for names sign-in doesn't use");
  });

  it("a file for a parent domain sign-in doesn't dial (mzstatic.com): a warning, no cause", async () => {
    const r = withResolver(scenarios.healthy(), { "mzstatic.com": "nameserver 192.168.1.2\n" });
    const { findings, causes } = await run(r);
    expect(hostsFinding(findings)).toMatchObject({
      status: "warn",
      summary:
        "/etc/resolver/mzstatic.com sends mzstatic.com to 192.168.1.2; it catches no sign-in host, but other Apple services under it",
    });
    expect(causes.map((c) => c.cause)).not.toContain("hosts-file");
  });

  it("/etc/hosts blocking gsa.apple.com still leads, and the cause adds the resolver file", async () => {
    const r = withResolver(scenarios.hostsFileBlocks(), { "icloud.com": "nameserver 10.0.0.53\n" });
    const { findings, causes } = await run(r);
    expect(hostsFinding(findings).status).toBe("fail");
    expect(hostsFinding(findings).summary).toMatch(/^Your \/etc\/hosts sends gsa\.apple\.com to 0\.0\.0\.0/);
    expect(causes[0].cause).toBe("hosts-file");
    expect(causes[0].summary).toContain(
      "Also, /etc/resolver/icloud.com sends icloud.com to 10.0.0.53: delete that too.",
    );
  });

  it("scutil's resolver for apple.com is no identifier (redacting it blanked every Apple host name); a company's split-DNS domain still is", async () => {
    const { findings } = await run(scenarios.resolverFile());
    const dns = findings.find((f) => f.probe === "dns")!;
    expect((dns.identifiers ?? []).map((i) => i.value)).not.toContain("apple.com");
    const r = scenarios.healthy();
    r.exec = r.exec.map((e) =>
      e.command.join(" ") === "/usr/sbin/scutil --dns"
        ? { ...e, stdout: readFileSync(join(__dirname, "..", "fixtures", "scutil-dns-split-utun-ipv6.txt"), "utf8") }
        : e,
    );
    const split = (await run(r)).findings.find((f) => f.probe === "dns")!;
    expect((split.identifiers ?? []).map((i) => i.value)).toContain("example.com");
  });

  it("a folder that can't be listed, or a file that can't be read, is said, not guessed", async () => {
    const denied = scenarios.healthy();
    denied.files = denied.files.map((f) => (f.path === "/etc/resolver" ? { path: f.path, error: "EACCES" } : f));
    expect(hostsFinding((await run(denied)).findings).details).toContain(
      "Couldn't list /etc/resolver: permission denied",
    );
    const unreadable = withResolver(scenarios.healthy(), { "apple.com": "" });
    unreadable.files = unreadable.files.map((f) =>
      f.path === "/etc/resolver/apple.com" ? { path: f.path, error: "EACCES" } : f,
    );
    const f = hostsFinding((await run(unreadable)).findings);
    expect(f.status).toBe("pass");
    expect(f.details).toContain("Couldn't read /etc/resolver/apple.com: permission denied");
  });

  it.each(Object.entries(scenarios.SCENARIOS))(
    "%s: without the /etc/resolver listing (an older recording) the finding is what an empty folder gives",
    async (_name, build) => {
      const rec = build() as Mutable;
      const before = { ...rec, files: (rec.files ?? []).filter((f) => !f.path.startsWith("/etc/resolver")) };
      const none = { ...rec, files: [...before.files, { path: "/etc/resolver", error: "ENOENT" }] };
      const a = hostsFinding((await run(before)).findings);
      const b = hostsFinding((await run(none)).findings);
      expect({ ...a, durationMs: 0 }).toEqual({ ...b, durationMs: 0 });
      expect(a.details.join("\n")).not.toContain("/etc/resolver");
    },
  );
});

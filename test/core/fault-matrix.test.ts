import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { CHECKLIST_PROBES } from "../../src/core/probes";
import type { Probe } from "../../src/core/probes/types";
import { buildReport } from "../../src/core/report";
import { runChecklist } from "../../src/core/run";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import type { Finding, Status } from "../../src/core/types";
import {
  blockPage,
  brokenIpv6,
  healthy,
  ipv6Nat64,
  ipv6OnlyNoClat,
  LOOKUP_URL,
  RESOLVER_APPLE_COM,
} from "../support/scenarios";

// Every probe × every way its inputs fail. Each case starts from the
// healthy Mac's recording, breaks one input (or all of one kind) the way a
// real Mac or network breaks it, replays it and checks the finding stays
// something a person can read: an allowed status, a sentence without
// "undefined" or a stack trace, no crash, no unhandled rejection, and the
// run back within its deadline.

type Rec = ReturnType<typeof healthy>;
type Kind = "exec" | "http" | "dns" | "tcp" | "tls" | "ntp" | "files" | "env";
type Entry = Record<string, unknown>;

const DEADLINE_MS = 200;
/** Generous: the deadline holds or it doesn't; this only absorbs a busy CI machine. */
const SLACK_MS = 500;
/** A hang outlasts the deadline, and settles before the file ends so late rejections are seen. */
const HANG_MS = 800;

/** Output a broken tool could print: control bytes, half a plist, no words (or spacing) the checks flag. */
const GARBAGE =
  "\u0000\u0001\u00ff\u00fe<<\u0007binary>>}{:::0xZZ\uFFFD\uFFFD[[(State=x)+/-\r\n\tresolver#x\n<plist><dict><key>";
const HTML =
  '<!DOCTYPE html><html><head><title>Wi-Fi Login</title></head><body><form action="/login"></form></body></html>';

// ------------------------------------------------------------------ modes

interface Mode {
  name: string;
  /** Applies to one entry; `undefined` removes it (ENOTRECORDED). */
  apply: (entry: Entry) => Entry | undefined;
  /** Waits past the deadline. */
  hang?: boolean;
}

const keep = <K extends string>(e: Entry, ...keys: K[]) =>
  Object.fromEntries(Object.entries(e).filter(([k]) => keys.includes(k as K)));
const id = (e: Entry) => keep(e, "command", "url", "name", "server", "host", "port", "family", "path");
const missing: Mode = { name: "ENOTRECORDED", apply: () => undefined };
const failing = (code: string): Mode => ({ name: code, apply: (e) => ({ ...id(e), error: code }) });
const hang = (key = "delayMs"): Mode => ({ name: "hang", hang: true, apply: (e) => ({ ...e, [key]: HANG_MS }) });

const MODES: Record<Kind, Mode[]> = {
  exec: [
    { name: "garbage output", apply: (e) => ({ ...e, stdout: GARBAGE, stderr: "", exitCode: 0 }) },
    { name: "empty output", apply: (e) => ({ ...e, stdout: "", stderr: "", exitCode: 0 }) },
    {
      name: "exit 1 with stderr",
      apply: (e) => ({
        ...e,
        stdout: "",
        stderr: "error: the operation couldn’t be completed\nsecond line",
        exitCode: 1,
      }),
    },
    { name: "exit 70, silent", apply: (e) => ({ ...e, stdout: "", stderr: "", exitCode: 70 }) },
    failing("ENOENT"),
    failing("EACCES"),
    failing("ETIMEDOUT"),
    missing,
    hang(),
  ],
  http: [
    failing("ECONNREFUSED"),
    failing("ETIMEDOUT"),
    failing("EHOSTUNREACH"),
    failing("ENOTFOUND"),
    failing("ECONNRESET"),
    { name: "HTTP 500", apply: (e) => ({ ...id(e), status: 500, headers: {}, body: "Internal Server Error" }) },
    { name: "HTML page", apply: (e) => ({ ...e, status: 200, headers: { "content-type": "text/html" }, body: HTML }) },
    { name: "empty body", apply: (e) => ({ ...id(e), status: 200, headers: {}, body: "" }) },
    { name: "garbage body", apply: (e) => ({ ...e, status: 200, body: GARBAGE }) },
    { name: "bad date header", apply: (e) => ({ ...e, headers: { date: "yesterday-ish" } }) },
    missing,
    hang(),
  ],
  dns: [
    failing("ECONNREFUSED"),
    failing("ETIMEDOUT"),
    failing("EHOSTUNREACH"),
    failing("ENOTFOUND"),
    failing("ESERVFAIL"),
    { name: "empty answer", apply: (e) => ({ ...id(e), addresses: [] }) },
    { name: "garbage answer", apply: (e) => ({ ...id(e), addresses: ["not-an-ip", "", GARBAGE] }) },
    missing,
    hang(),
  ],
  tcp: [
    { name: "refused", apply: (e) => ({ ...id(e), result: "refused" }) },
    { name: "timeout", apply: (e) => ({ ...id(e), result: "timeout" }) },
    { name: "unreachable", apply: (e) => ({ ...id(e), result: "unreachable" }) },
    failing("ECONNREFUSED"),
    failing("EHOSTUNREACH"),
    { name: "garbage result", apply: (e) => ({ ...id(e), result: "banana" }) },
    missing,
    hang(),
  ],
  tls: [
    failing("ECONNREFUSED"),
    failing("ETIMEDOUT"),
    failing("EHOSTUNREACH"),
    failing("ECONNRESET"),
    failing("ENOTFOUND"),
    { name: "expired certificate", apply: (e) => ({ ...e, authorized: false, error: "CERT_HAS_EXPIRED" }) },
    {
      name: "foreign issuer",
      apply: (e) => ({ ...e, authorized: false, error: "SELF_SIGNED_CERT_IN_CHAIN", issuer: "Contoso Web Shield CA" }),
    },
    {
      name: "garbage certificate",
      apply: (e) => ({ ...id(e), authorized: false, issuer: GARBAGE, validFrom: "not a date", validTo: "" }),
    },
    { name: "empty handshake", apply: (e) => id(e) },
    missing,
    hang(),
  ],
  ntp: [
    failing("ETIMEDOUT"),
    failing("ECONNREFUSED"),
    failing("EHOSTUNREACH"),
    { name: "garbage sample", apply: (e) => ({ ...id(e), offsetMs: "soon", delayMs: -5 }) },
    { name: "absurd offset", apply: (e) => ({ ...id(e), offsetMs: 1e300, delayMs: 1e300 }) },
    missing,
    hang("waitMs"),
  ],
  files: [
    failing("ENOENT"),
    failing("EACCES"),
    { name: "empty", apply: (e) => id(e) },
    // A listing's names too (/etc/resolver): path tricks, control bytes, an empty name.
    {
      name: "garbage",
      apply: (e) => ({ ...id(e), link: GARBAGE, text: GARBAGE, entries: [GARBAGE, "../../etc/passwd", "", ".hidden"] }),
    },
    missing,
    hang(),
  ],
  env: [
    { name: "garbage proxy variable", apply: () => ({ HTTPS_PROXY: "::::", http_proxy: GARBAGE }) },
    { name: "empty proxy variable", apply: () => ({ HTTPS_PROXY: "", ALL_PROXY: "http://" }) },
    { name: "proxy variable with credentials", apply: () => ({ HTTPS_PROXY: "http://u:p@[::1" }) },
  ],
};

// ------------------------------------------------------------------ inputs per probe

interface Input {
  label: string;
  kind: Kind;
  /** Which entries of that kind in the recording this input is. */
  match: (e: Entry) => boolean;
  /** Done first: e.g. NTP removed, so the clock falls back to HTTP dates. */
  before?: (r: Rec) => void;
  /**
   * Everything the probe judges by: broken, it can't honestly say `pass`, except in the modes
   * listed (an expired certificate still proves the host answers; a garbage body still has a date).
   */
  sole?: { passOk: string[] };
  /** The recording to break, when the input isn't in the healthy Mac's (the inputs added later). */
  base?: () => Rec;
}

const execOf =
  (...command: string[]) =>
  (e: Entry) =>
    JSON.stringify(e.command) === JSON.stringify(command);
const urlIs = (url: string) => (e: Entry) => e.url === url;
const all = () => true;
const T = DEFAULT_TARGETS;

const INPUTS: Record<Probe["id"], Input[]> = {
  "apple-status": [
    {
      label: "consumer status feed",
      kind: "http",
      match: urlIs(T.statusFeeds.consumer),
      sole: { passOk: ["bad date header"] },
    },
  ],
  "apple-hosts": [
    {
      label: "every sign-in handshake",
      kind: "tls",
      match: all,
      sole: { passOk: ["expired certificate", "foreign issuer", "garbage certificate", "empty handshake"] },
    },
    { label: "gsa.apple.com handshake", kind: "tls", match: (e) => e.host === "gsa.apple.com" && !e.family },
    { label: "IPv6 handshakes (broken IPv6)", kind: "tls", match: (e) => e.family === 6, base: brokenIpv6 },
    { label: "IPv4 handshakes (broken IPv6)", kind: "tls", match: (e) => e.family === 4, base: brokenIpv6 },
    { label: "netstat -rn (broken IPv6)", kind: "exec", match: execOf("/usr/sbin/netstat", "-rn"), base: brokenIpv6 },
    { label: "GrandSlam lookup (block page)", kind: "http", match: urlIs(LOOKUP_URL), base: blockPage },
    { label: "GrandSlam lookup (Apple's plist)", kind: "http", match: urlIs(LOOKUP_URL), base: ipv6Nat64 },
  ],
  push: [
    {
      label: "courier.push.apple.com:5223 (both names)",
      kind: "tcp",
      match: (e) => String(e.host).endsWith(T.pushHost) && e.port === 5223,
    },
    {
      label: "1-courier.push.apple.com only (the bare name still answers)",
      kind: "tcp",
      match: (e) => e.host === "1-courier.push.apple.com",
    },
    {
      label: "both push ports",
      kind: "tcp",
      match: (e) => String(e.host).endsWith(T.pushHost),
      sole: { passOk: [] },
    },
  ],
  internet: [
    { label: "1.1.1.1:443", kind: "tcp", match: (e) => e.host === "1.1.1.1" },
    { label: "captive page", kind: "http", match: urlIs(T.captiveUrl) },
    { label: "netstat -rn (NAT64)", kind: "exec", match: execOf("/usr/sbin/netstat", "-rn"), base: ipv6Nat64 },
    { label: "ifconfig (CLAT)", kind: "exec", match: execOf("/sbin/ifconfig"), base: ipv6Nat64 },
    { label: "ipv4only.arpa (NAT64)", kind: "dns", match: (e) => e.name === "ipv4only.arpa", base: ipv6Nat64 },
    { label: "1.1.1.1 through NAT64", kind: "tcp", match: (e) => e.host === "64:ff9b::101:101", base: ipv6OnlyNoClat },
  ],
  "captive-portal": [
    { label: "captive page", kind: "http", match: urlIs(T.captiveUrl), sole: { passOk: ["bad date header"] } },
  ],
  dns: [
    { label: "system resolver", kind: "dns", match: (e) => e.server === "system" },
    // Node's resolvers only ever answer with addresses: a non-address answer exists only in a hand-edited recording.
    { label: "every resolver", kind: "dns", match: all, sole: { passOk: ["garbage answer"] } },
    { label: "scutil --dns", kind: "exec", match: execOf("/usr/sbin/scutil", "--dns") },
  ],
  "tls-inspection": [
    { label: "every sign-in handshake", kind: "tls", match: all, sole: { passOk: [] } },
    { label: "appleid.apple.com handshake", kind: "tls", match: (e) => e.host === "appleid.apple.com" },
  ],
  clock: [
    { label: "NTP", kind: "ntp", match: all },
    {
      label: "HTTP dates (NTP unrecorded)",
      kind: "http",
      match: all,
      before: (r) => {
        r.ntp = [];
      },
      sole: { passOk: ["garbage body"] },
    },
  ],
  "network-filter": [
    { label: "systemextensionsctl list", kind: "exec", match: execOf("/usr/bin/systemextensionsctl", "list") },
    { label: "ps -axo comm=", kind: "exec", match: execOf("/bin/ps", "-axo", "comm=") },
    {
      label: "both witnesses",
      kind: "exec",
      match: (e) => ["/usr/bin/systemextensionsctl", "/bin/ps"].includes(String((e.command as string[])[0])),
      sole: { passOk: ["garbage output", "empty output"] },
    },
  ],
  restrictions: [
    {
      label: "defaults read managed applicationaccess",
      kind: "exec",
      match: execOf(
        "/usr/bin/defaults",
        "read",
        "/Library/Managed Preferences/com.apple.applicationaccess",
        "allowAccountModification",
      ),
    },
    {
      label: "profiles status -type enrollment",
      kind: "exec",
      match: execOf("/usr/bin/profiles", "status", "-type", "enrollment"),
    },
  ],
  "hosts-file": [
    { label: "/etc/hosts", kind: "files", match: (e) => e.path === "/etc/hosts" },
    { label: "/etc/resolver listing", kind: "files", match: (e) => e.path === "/etc/resolver" },
    {
      label: "/etc/resolver/apple.com (a resolver file)",
      kind: "files",
      match: (e) => e.path === "/etc/resolver/apple.com",
      before: (r) => {
        r.files = [
          ...r.files.filter((f) => !f.path.startsWith("/etc/resolver")),
          { path: "/etc/resolver", entries: ["apple.com"] },
          { path: "/etc/resolver/apple.com", text: RESOLVER_APPLE_COM },
        ];
      },
    },
  ],
  "time-settings": [
    { label: "/etc/localtime", kind: "files", match: (e) => e.path === "/etc/localtime" },
    { label: "/etc/ntp.conf", kind: "files", match: (e) => e.path === "/etc/ntp.conf" },
    {
      label: "defaults read timezone.auto",
      kind: "exec",
      match: execOf("/usr/bin/defaults", "read", "/Library/Preferences/com.apple.timezone.auto", "Active"),
    },
    {
      label: "defaults read com.apple.timed",
      kind: "exec",
      match: execOf(
        "/usr/bin/defaults",
        "read",
        "/private/var/db/timed/Library/Preferences/com.apple.timed",
        "TMAutomaticTimeOnlyEnabled",
      ),
    },
    { label: "pgrep -x timed", kind: "exec", match: execOf("/usr/bin/pgrep", "-x", "timed") },
  ],
  proxy: [
    { label: "scutil --proxy", kind: "exec", match: execOf("/usr/sbin/scutil", "--proxy") },
    { label: "environment", kind: "env", match: all },
  ],
  vpn: [
    { label: "scutil --nc list", kind: "exec", match: execOf("/usr/sbin/scutil", "--nc", "list") },
    { label: "ifconfig", kind: "exec", match: execOf("/sbin/ifconfig") },
    { label: "scutil --dns", kind: "exec", match: execOf("/usr/sbin/scutil", "--dns") },
    {
      label: "all three commands",
      kind: "exec",
      match: (e) => ["scutil", "ifconfig"].some((b) => String((e.command as string[])[0]).endsWith(b)),
    },
  ],
  firewall: [
    {
      label: "socketfilterfw",
      kind: "exec",
      match: execOf("/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate"),
      sole: { passOk: [] },
    },
    {
      label: "socketfilterfw --getblockall",
      kind: "exec",
      match: execOf("/usr/libexec/ApplicationFirewall/socketfilterfw", "--getblockall"),
    },
  ],
  account: [
    {
      label: "defaults export",
      kind: "exec",
      match: execOf("/usr/bin/defaults", "export", "MobileMeAccounts", "-"),
      sole: { passOk: [] },
    },
  ],
  macos: [
    { label: "sw_vers", kind: "exec", match: execOf("/usr/bin/sw_vers"), sole: { passOk: [] } },
    { label: "sysctl hw.model", kind: "exec", match: execOf("/usr/sbin/sysctl", "-n", "hw.model") },
    {
      label: "sysctl kern.hv_vmm_present",
      kind: "exec",
      match: execOf("/usr/sbin/sysctl", "-n", "kern.hv_vmm_present"),
    },
  ],
};

/** A recording's entries of one kind, as plain records the modes can rewrite. */
const entries = (r: Rec, kind: Exclude<Kind, "env">) => r[kind] as unknown as Entry[];

function breakInput(r: Rec, input: Input, mode: Mode): void {
  input.before?.(r);
  if (input.kind === "env") {
    r.env = mode.apply(r.env) as Record<string, string>;
    return;
  }
  const list = entries(r, input.kind);
  const hit = list.filter(input.match);
  if (hit.length === 0) throw new Error(`${input.label}: no such input in the healthy recording`);
  r[input.kind] = list.flatMap((e) => (input.match(e) ? (mode.apply(e) ?? []) : [e])) as never;
}

/** Through JSON and the recording reader, as `--replay` does. */
const replay = (r: Rec | Recording) => createReplayHost(parseRecording(JSON.stringify(r)));

// ------------------------------------------------------------------ checks

const STATUSES: Status[] = ["pass", "warn", "fail", "skip", "error"];
const STACK = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules|\.ts:\d+/;

/** What a person reads must never show a program's internals. */
function expectReadable(text: string, where: string): void {
  expect(text, where).not.toMatch(/\bundefined\b/);
  expect(text, where).not.toContain("[object");
  expect(text, where).not.toMatch(/\bNaN\b/);
  expect(text, where).not.toMatch(STACK);
}

function expectSound(f: Finding | undefined, probeId: string): asserts f is Finding {
  expect(f, "a finding").toBeDefined();
  expect(f!.probe).toBe(probeId);
  expect(STATUSES).toContain(f!.status);
  expect(typeof f!.summary).toBe("string");
  expect(f!.summary.trim(), "summary").not.toBe("");
  // A crashed probe is the runner's safety net, not a way to report broken input.
  expect(f!.summary, "summary").not.toMatch(/^The check itself failed/);
  expectReadable(f!.summary, `${probeId} summary`);
  // Signs of a value that came out empty: "Clock is  behind", "reachable ()", "on , and".
  expect(f!.summary, "summary").not.toMatch(/\S {2,}\S|\(\s*\)|\s[,.:;]|^\s|\s$/);
  for (const d of f!.details) expectReadable(d, `${probeId} detail`);
}

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
/** `checklist --json` owns stdout: a probe (or a library under it) must never print there. */
const stdoutWrites: unknown[][] = [];
beforeAll(() => {
  process.on("unhandledRejection", onRejection);
  for (const level of ["log", "info", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void stdoutWrites.push(args));
  // A parser may report damaged input on stderr (plist's xmldom did); that is allowed, and noisy here.
  for (const level of ["error", "warn"] as const) vi.spyOn(console, level).mockImplementation(() => {});
});
afterAll(async () => {
  // Hung reads settle after their runs returned: give them time, then look for late rejections.
  await new Promise((resolve) => setTimeout(resolve, HANG_MS + 200));
  process.off("unhandledRejection", onRejection);
  vi.restoreAllMocks();
  expect(rejections).toEqual([]);
  expect(stdoutWrites).toEqual([]);
}, HANG_MS + 5000);

// ------------------------------------------------------------------ the matrix

interface Case {
  probe: Probe;
  input: Input;
  mode: Mode;
}

const CASES: Case[] = CHECKLIST_PROBES.flatMap((probe) =>
  INPUTS[probe.id].flatMap((input) => MODES[input.kind].map((mode) => ({ probe, input, mode }))),
);

async function timedRun<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe("fault matrix: one probe, one broken input", () => {
  it("covers every probe of the checklist", () => {
    expect(Object.keys(INPUTS).sort()).toEqual(CHECKLIST_PROBES.map((p) => p.id).sort());
    expect(CASES.length).toBeGreaterThan(200);
  });

  describe.concurrent.each(CASES.map((c) => [c.probe.id, c.input.label, c.mode.name, c] as const))(
    "%s · %s · %s",
    (probeId, _label, _mode, { probe, input, mode }) => {
      it("gives a readable finding within the deadline", async () => {
        const r = input.base?.() ?? healthy();
        breakInput(r, input, mode);
        const { value: findings, ms } = await timedRun(() =>
          runChecklist([probe], replay(r), { deadlineMs: DEADLINE_MS }),
        );
        expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
        const [f] = findings;
        expectSound(f, probeId);
        if (mode.name === "ENOTRECORDED") expect(f.status, "a missing input is never an error").not.toBe("error");
        if (input.sole && !input.sole.passOk.includes(mode.name))
          expect(f.status, `"${f.summary}" on a broken input`).not.toBe("pass");
        if (f.status === "error" && mode.hang)
          expect(f.summary).toMatch(/^(Still waiting on .+ after 0\.2 s|Did not finish within 0\.2 s)$/);
      });
    },
  );

  it.each(CHECKLIST_PROBES.map((p) => [p.id, p] as const))(
    "%s: every input unrecorded is a skip",
    async (probeId, probe) => {
      const r = healthy();
      for (const input of INPUTS[probe.id]) {
        input.before?.(r);
        if (input.kind === "env") r.env = {};
        else r[input.kind] = entries(r, input.kind).filter((e) => !input.match(e)) as never;
      }
      const [f] = await runChecklist([probe], replay(r), { deadlineMs: DEADLINE_MS });
      expectSound(f, probeId);
      expect(f.status).toBe("skip");
    },
  );
});

// ------------------------------------------------------------------ the whole checklist, one failure everywhere

/** One mode applied to every input of its kind at once: the whole Mac (or network) broken one way. */
const EVERYWHERE: { name: string; modes: Partial<Record<Kind, string>> }[] = [
  {
    name: "nothing recorded",
    modes: {
      exec: "ENOTRECORDED",
      http: "ENOTRECORDED",
      dns: "ENOTRECORDED",
      tcp: "ENOTRECORDED",
      tls: "ENOTRECORDED",
      ntp: "ENOTRECORDED",
      files: "ENOTRECORDED",
    },
  },
  {
    name: "every command prints garbage",
    modes: { exec: "garbage output", http: "garbage body", env: "garbage proxy variable" },
  },
  { name: "every command prints nothing", modes: { exec: "empty output", http: "empty body", files: "empty" } },
  { name: "every command fails", modes: { exec: "exit 1 with stderr", files: "EACCES" } },
  { name: "no command installed", modes: { exec: "ENOENT", files: "ENOENT" } },
  { name: "permission denied everywhere", modes: { exec: "EACCES", files: "EACCES" } },
  {
    name: "network refuses everything",
    modes: { http: "ECONNREFUSED", dns: "ECONNREFUSED", tcp: "refused", tls: "ECONNREFUSED", ntp: "ECONNREFUSED" },
  },
  {
    name: "network unreachable",
    modes: { http: "EHOSTUNREACH", dns: "EHOSTUNREACH", tcp: "unreachable", tls: "EHOSTUNREACH", ntp: "EHOSTUNREACH" },
  },
  {
    name: "network times out",
    modes: { http: "ETIMEDOUT", dns: "ETIMEDOUT", tcp: "timeout", tls: "ETIMEDOUT", ntp: "ETIMEDOUT" },
  },
  {
    name: "everything hangs",
    modes: { exec: "hang", http: "hang", dns: "hang", tcp: "hang", tls: "hang", ntp: "hang", files: "hang" },
  },
  {
    name: "server errors and odd answers",
    modes: { http: "HTTP 500", dns: "garbage answer", tls: "garbage certificate", ntp: "garbage sample" },
  },
];

describe("fault matrix: the full checklist with one failure everywhere", () => {
  describe.concurrent.each(EVERYWHERE.map((e) => [e.name, e] as const))("%s", (_name, { modes }) => {
    it("every probe gives a readable finding, a diagnosis and a report within the deadline", async () => {
      const r = healthy();
      for (const [kind, modeName] of Object.entries(modes) as [Kind, string][]) {
        const mode = MODES[kind].find((m) => m.name === modeName);
        if (!mode) throw new Error(`no mode ${modeName} for ${kind}`);
        breakInput(r, { label: kind, kind, match: all }, mode);
      }
      const { value: result, ms } = await timedRun(() => runFullChecklist(replay(r), { deadlineMs: DEADLINE_MS }));
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      expect(result.findings.map((f) => f.probe)).toEqual(CHECKLIST_PROBES.map((p) => p.id));
      for (const f of result.findings) expectSound(f, f.probe);
      if (modes.exec === "ENOTRECORDED") {
        const notSkipped = result.findings.filter((f) => f.status !== "skip").map((f) => `${f.probe}: ${f.summary}`);
        expect(notSkipped).toEqual([]);
      }
      expect(result.causes.length).toBeGreaterThan(0);
      for (const c of result.causes) expectReadable(c.summary, `cause ${c.cause}`);
      for (const format of ["markdown", "plain"] as const) {
        for (const redact of [true, false]) {
          const report = buildReport({ ...result, history: [], appVersion: "1.0.0" }, { format, redact });
          expect(report).toContain("Apple ID Doctor");
          expect(report).not.toContain("[object");
          expect(report).not.toMatch(/\bundefined\b|\bNaN\b/);
        }
      }
    });
  });
});

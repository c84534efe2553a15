import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { agentProduct } from "../../src/core/filter-products";
import { findAppleLines } from "../../src/core/parse/etc-hosts";
import { readLookup } from "../../src/core/parse/grandslam-lookup";
import { clatState, parseIfconfig, tunnelInterfaces } from "../../src/core/parse/ifconfig";
import { nat64Prefixes } from "../../src/core/parse/nat64";
import { parseNetstatRoutes } from "../../src/core/parse/netstat-routes";
import { parseProcessCommands } from "../../src/core/parse/ps";
import { parseMobileMeExport } from "../../src/core/parse/mobileme";
import { parseResolverFile } from "../../src/core/parse/resolver-file";
import { parseScutilDns } from "../../src/core/parse/scutil-dns";
import { parseScutilNcList } from "../../src/core/parse/scutil-nc";
import { parseScutilProxy } from "../../src/core/parse/scutil-proxy";
import { parseSntp } from "../../src/core/parse/sntp";
import { parseFirewallState } from "../../src/core/parse/socketfilterfw";
import { parseStatusFeed } from "../../src/core/parse/status-feed";
import { isVirtualMac, parseHwModel, parseSwVers } from "../../src/core/parse/sw-vers";
import { redact } from "../../src/core/redact";
import {
  anyText,
  bulky,
  feedFixtureMutated,
  feedNow,
  feedSource,
  firewallText,
  fixture,
  hostsLines,
  hwModelText,
  ifconfigLines,
  lookupBodies,
  mobileMeXml,
  nat64Answers,
  netstatLines,
  mutated,
  ncListLines,
  notText,
  psLines,
  resolverLines,
  scutilDnsLines,
  scutilProxyLines,
  sntpLines,
  statusFeedText,
  swVersLines,
} from "./arbitraries";
import {
  checkClat,
  checkAgent,
  checkFirewall,
  checkHostsLines,
  checkLookup,
  checkNat64,
  checkRoutes,
  checkHwModel,
  checkIfconfig,
  checkMobileMe,
  checkNcList,
  checkProcessCommands,
  checkResolverFile,
  checkScutilDns,
  checkScutilProxy,
  checkSntp,
  checkStatusFeed,
  checkSwVers,
  checkTunnels,
} from "./shapes";
import { fuzzSeed } from "../support/fuzz-seed";

// Every parser against generated and damaged input: it never throws, and
// what it returns is within its declared types. `npm test` runs these at
// FUZZ_RUNS (default 300) per property; `npm run test:fuzz` at 10,000.
// The seed is fixed in `npm test` (test/support/fuzz-seed.ts); a failure prints it with the
// path and shrunk input: rerun with FUZZ_SEED=<seed> to reproduce.

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Long inputs are slow to build: a fiftieth of the runs, at least 5. */
const BULK_RUNS = Math.max(5, Math.round(RUNS / 50));
/** Generous: a linear parser reads 200 KB in a few ms; a backtracking one takes seconds. */
const BULK_MS = 500;
const SEED = fuzzSeed();
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ numRuns, seed: SEED, endOnFailure: false });
const testTimeout = Math.max(20_000, RUNS * 12);

/** The three kinds of text input, plus non-strings: each parser gets all four. */
function inputs(lines: fc.Arbitrary<string>, fixtures: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: lines },
    { weight: 3, arbitrary: mutated(fixtures) },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: notText },
  );
}

function timed<T>(run: () => T): T {
  const start = performance.now();
  const out = run();
  const ms = performance.now() - start;
  if (ms > BULK_MS) throw new Error(`took ${Math.round(ms)} ms on a long input (bound ${BULK_MS} ms)`);
  return out;
}

interface Subject {
  name: string;
  input: fc.Arbitrary<unknown>;
  /** Long inputs for the speed bound. */
  bulk: fc.Arbitrary<unknown>;
  check: (input: unknown) => void;
}

const FEEDS = [
  fixture("status-consumer-no-issues.json"),
  fixture("status-consumer-one-ongoing.json"),
  fixture("status-developer-one-ongoing.json"),
];
const MOBILEME = fixture("defaults-export-mobilemeaccounts.xml");

const SUBJECTS: Subject[] = [
  {
    name: "status feed (parseStatusFeed)",
    input: fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: statusFeedText },
        { weight: 3, arbitrary: fc.oneof(...FEEDS.map(feedFixtureMutated)) },
        { weight: 2, arbitrary: mutated(FEEDS) },
        { weight: 1, arbitrary: anyText },
        { weight: 1, arbitrary: notText },
      ),
      feedNow,
      feedSource,
    ),
    bulk: fc.tuple(
      bulky(
        fc.constantFrom(
          '{"services":[',
          "[",
          "{",
          '"\\',
          "&amp;",
          "jsonCallback(",
          '{"services":[{"serviceName":"a"},',
        ),
      ),
      feedNow,
      feedSource,
    ),
    check: (input) => {
      const [body, now, source] = input as [string, Date, "consumer"];
      checkStatusFeed(parseStatusFeed(body, now, source));
    },
  },
  {
    name: "scutil --dns (parseScutilDns)",
    input: inputs(scutilDnsLines, [fixture("scutil-dns-modern.txt"), fixture("scutil-dns-legacy.txt")]),
    bulk: bulky(
      fc.constantFrom("resolver #1\n  nameserver[0] : 10.0.0.1", "  if_index : ((((", "  reach : 0x1 (", ":"),
    ),
    check: (text) => checkScutilDns(parseScutilDns(text as string)),
  },
  {
    name: "scutil --proxy (parseScutilProxy)",
    input: inputs(scutilProxyLines, [fixture("scutil-proxy-none.txt"), fixture("scutil-proxy-http-8118.txt")]),
    bulk: bulky(fc.constantFrom("<dictionary> {", "  ExceptionsList : <array> {", "  HTTPSProxy : a", "}")),
    check: (text) => checkScutilProxy(parseScutilProxy(text as string)),
  },
  {
    name: "scutil --nc list (parseScutilNcList)",
    input: inputs(ncListLines, [fixture("scutil-nc-list-tailscale-protonvpn.txt")]),
    bulk: bulky(fc.constantFrom('* (Connected) X VPN "', '"', " ", "[", '* (Connected) X "a" "b" [VPN')),
    check: (text) => checkNcList(parseScutilNcList(text as string)),
  },
  {
    name: "ifconfig (parseIfconfig, tunnelInterfaces)",
    input: inputs(ifconfigLines, [fixture("ifconfig-utun-link-local.txt"), fixture("ifconfig-en0-clat46-ventura.txt")]),
    bulk: bulky(
      fc.constantFrom(
        "utun0: flags=8051<UP> mtu 1380",
        "\tinet6 fe80::1%utun0 prefixlen 64",
        "a: flags=1<",
        " ",
        "\tnat64 prefix 64:ff9b:: prefixlen 96",
        "\tinet6 x prefixlen 64 clat46",
      ),
    ),
    check: (text) => {
      const list = parseIfconfig(text as string);
      checkIfconfig(list);
      checkTunnels(list, tunnelInterfaces(list));
      checkClat(list, clatState(list));
    },
  },
  {
    name: "sw_vers (parseSwVers)",
    input: inputs(swVersLines, [fixture("sw_vers-15.7.4.txt"), fixture("sw_vers-10.15.7.txt")]),
    bulk: bulky(fc.constantFrom("ProductVersion:\t1", ":", "a".repeat(40) + ":")),
    check: (text) => checkSwVers(parseSwVers(text as string)),
  },
  {
    name: "sysctl hw.model (parseHwModel, isVirtualMac)",
    input: fc.oneof(hwModelText, mutated(["Mac16,8\n", "hw.model: MacBookPro18,2\n"]), anyText, notText),
    bulk: bulky(fc.constantFrom("a", "a1,", "1,1")),
    check: (text) => {
      const model = parseHwModel(text as string);
      checkHwModel(model);
      if (typeof isVirtualMac(model as string) !== "boolean") throw new Error("isVirtualMac: not a boolean");
    },
  },
  {
    name: "sntp (parseSntp)",
    input: inputs(sntpLines, [fixture("sntp-success.txt"), fixture("sntp-timeout.txt")]),
    bulk: bulky(fc.constantFrom(" +/- ", "sntp: ", "+0.1 +/- 0.1 time.apple.com 17.253.60.45")),
    check: (text) => checkSntp(parseSntp(text as string)),
  },
  {
    name: "MobileMe export (parseMobileMeExport)",
    input: fc.oneof(
      { weight: 3, arbitrary: mobileMeXml },
      { weight: 3, arbitrary: mutated(MOBILEME) },
      { weight: 1, arbitrary: mobileMeXml.chain((xml) => mutated(xml)) },
      { weight: 1, arbitrary: anyText.map((t) => `<plist>${t}`) },
      { weight: 1, arbitrary: anyText },
      { weight: 1, arbitrary: notText },
    ),
    bulk: bulky(fc.constantFrom("<plist>", "<dict>", "<array>", "<key>a</key><string>b</string>", "{", "(")),
    check: (xml) => checkMobileMe(parseMobileMeExport(xml as string)),
  },
  {
    name: "socketfilterfw (parseFirewallState)",
    input: inputs(firewallText, [
      fixture("socketfilterfw-enabled.txt"),
      fixture("socketfilterfw-disabled.txt"),
      fixture("socketfilterfw-block-all.txt"),
    ]),
    bulk: bulky(fc.constantFrom("State = ", "Firewall is ", " ")),
    check: (text) => checkFirewall(parseFirewallState(text as string)),
  },
  {
    name: "/etc/hosts (findAppleLines)",
    input: inputs(hostsLines, [
      fixture("etc-hosts-macos-dagpenger.txt"),
      fixture("etc-hosts-spybot-anti-beacon-apple.txt"),
    ]),
    bulk: bulky(fc.constantFrom("0.0.0.0 ", "gsa.apple.com ", "#", "\t", " ")),
    check: (text) => checkHostsLines(findAppleLines(text as string, ["gsa.apple.com"], ["apple.com", "icloud.com"])),
  },
  {
    name: "netstat -rn (parseNetstatRoutes)",
    input: inputs(netstatLines, [
      fixture("netstat-rn-ipv4-only-utun.txt"),
      fixture("netstat-f-inet-rn-clat-ventura.txt"),
    ]),
    bulk: bulky(fc.constantFrom("Internet:\n", "default ", "link#5 ", "UGScg ", "en0", " ")),
    check: (text) => checkRoutes(parseNetstatRoutes(text)),
  },
  {
    name: "ipv4only.arpa answers (nat64Prefixes)",
    input: fc.oneof(nat64Answers, notText),
    bulk: bulky(fc.constantFrom("64:ff9b::", "c000:aa", ":", "192.0.0.170", "%")).map((t) => [t]),
    check: (answers) => checkNat64(nat64Prefixes(answers)),
  },
  {
    name: "GrandSlam lookup (readLookup)",
    input: inputs(lookupBodies, [fixture("grandslam-lookup-handmade.xml"), fixture("block-page-handmade.html")]),
    bulk: bulky(fc.constantFrom("<key>urls</key><dict>", "<key>a</key><string>https://x", "<title>", "<html", " ")),
    check: (body) => checkLookup(readLookup(body)),
  },
  {
    name: "/etc/resolver files (parseResolverFile)",
    input: inputs(resolverLines, [fixture("resolver-containerization-vm.txt"), fixture("resolver-consul.txt")]),
    bulk: bulky(fc.constantFrom("nameserver ", "10.0.0.17.", "domain ", "#", "\t", " ")),
    check: (text) => checkResolverFile(parseResolverFile(text as string)),
  },
  {
    name: "ps -axo comm= (parseProcessCommands, agentProduct)",
    input: inputs(psLines, [fixture("ps-axu-10.14.6-jc.txt")]),
    bulk: bulky(fc.constantFrom("/Applications/", "Little Snitch ", "COMMAND ", "/", " ", "ZscalerTunnel")),
    check: (text) => {
      const commands = parseProcessCommands(text as string);
      checkProcessCommands(commands);
      for (const c of commands) checkAgent(agentProduct(c));
    },
  },
];

// A plist parser may report each damaged document on the console (xmldom did); thousands of runs would drown the output.
beforeAll(() => {
  for (const level of ["error", "warn", "log"] as const) vi.spyOn(console, level).mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe.each(SUBJECTS)("$name", ({ input, bulk, check }) => {
  it(`never throws and stays within its types (${RUNS} runs)`, { timeout: testTimeout }, () => {
    fc.assert(fc.property(input, check), params());
  });

  it(`reads long inputs in bounded time (${BULK_RUNS} runs)`, { timeout: testTimeout }, () => {
    fc.assert(
      fc.property(bulk, (text) => timed(() => check(text))),
      params(BULK_RUNS),
    );
  });
});

// Metamorphic: a capture saved with Windows line ends (an editor, git's autocrlf) reads the same.
describe("line ends: CRLF reads like LF", () => {
  const lf = (lines: fc.Arbitrary<string>, fixtures: string[]) =>
    fc.oneof(lines, mutated(fixtures)).filter((t) => !t.includes("\r"));
  const cases: [string, fc.Arbitrary<string>, (text: string) => unknown][] = [
    ["scutil --dns", lf(scutilDnsLines, [fixture("scutil-dns-modern.txt")]), parseScutilDns],
    ["scutil --proxy", lf(scutilProxyLines, [fixture("scutil-proxy-http-8118.txt")]), parseScutilProxy],
    ["scutil --nc list", lf(ncListLines, [fixture("scutil-nc-list-tailscale-protonvpn.txt")]), parseScutilNcList],
    ["ifconfig", lf(ifconfigLines, [fixture("ifconfig-utun-link-local.txt")]), parseIfconfig],
    ["sw_vers", lf(swVersLines, [fixture("sw_vers-15.7.4.txt")]), parseSwVers],
    ["netstat -rn", lf(netstatLines, [fixture("netstat-rn-ipv4-only-utun.txt")]), parseNetstatRoutes],
    ["sntp", lf(sntpLines, [fixture("sntp-success.txt"), fixture("sntp-timeout.txt")]), parseSntp],
    [
      "/etc/hosts",
      lf(hostsLines, [fixture("etc-hosts-macos-dagpenger.txt")]),
      (t) => findAppleLines(t, ["gsa.apple.com"], ["apple.com"]),
    ],
    ["socketfilterfw", lf(firewallText, [fixture("socketfilterfw-enabled.txt")]), (t) => parseFirewallState(t).state],
    ["/etc/resolver", lf(resolverLines, [fixture("resolver-consul.txt")]), parseResolverFile],
    ["ps -axo comm=", lf(psLines, [fixture("ps-axu-10.14.6-jc.txt")]), parseProcessCommands],
  ];
  it.each(cases)(`%s (${RUNS} runs)`, { timeout: testTimeout }, (_name, texts, parse) => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(parse(text.replace(/\n/g, "\r\n"))).toEqual(parse(text));
      }),
      params(),
    );
  });
});

describe("redact (the report's last step)", () => {
  const texts = fc.oneof(
    anyText,
    mutated([fixture("scutil-dns-legacy.txt"), fixture("scutil-nc-list-tailscale-protonvpn.txt")]),
  );
  it(`never throws, and redacting twice changes nothing (${RUNS} runs)`, { timeout: testTimeout }, () => {
    fc.assert(
      fc.property(texts, (text) => {
        const once = redact(text);
        if (typeof once !== "string") throw new Error("not a string");
        if (redact(once) !== once) throw new Error(`not idempotent: ${JSON.stringify(once).slice(0, 200)}`);
      }),
      params(),
    );
  });
});

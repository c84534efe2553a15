import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import type { TestCerts } from "./certs";

// One private network for one run of the CLI, made of real server software:
// unbound as this Mac's router resolver, dnsmasq as 1.1.1.1 and 8.8.8.8,
// chronyd (under libfaketime when its clock should be wrong) as
// time.apple.com, nginx for every HTTP and HTTPS endpoint, iptables for
// drops and rejects. All of it lives in `unshare -n -m -p -f`: a network
// namespace with only `lo` (asserted before anything starts), our own
// /etc/resolv.conf and /etc/hosts, and a PID namespace so every daemon dies
// with the scenario.

export const ROOT = join(__dirname, "..", "..");

/** Where each name lives on `lo`, grouped as Apple groups its services. */
export const ADDR = {
  router: "192.168.1.1",
  public: ["1.1.1.1", "8.8.8.8"],
  web: "17.253.144.10", // www.apple.com, captive.apple.com
  signIn: "17.32.194.99", // the sign-in hosts
  push: "17.57.146.20", // 1-courier.push.apple.com, courier.push.apple.com
  time: "17.253.14.125", // time.apple.com, time-macos.apple.com
};

// Every name the probes dial comes from the targets, so a host added there is served here too.
const SIGN_IN = [...DEFAULT_TARGETS.signInHosts];
const PUSH = DEFAULT_TARGETS.pushHosts?.length ? DEFAULT_TARGETS.pushHosts : [DEFAULT_TARGETS.pushHost];
const NAMES: Record<string, string> = {
  "www.apple.com": ADDR.web,
  "captive.apple.com": ADDR.web,
  ...Object.fromEntries(SIGN_IN.map((n) => [n, ADDR.signIn])),
  ...Object.fromEntries(PUSH.map((n) => [n, ADDR.push])),
  "time.apple.com": ADDR.time,
  "time-macos.apple.com": ADDR.time,
};
/** The zones those names live in (appleid.cdn-apple.com is not under apple.com). */
export const ZONES = [...new Set(Object.keys(NAMES).map((n) => n.split(".").slice(-2).join(".") + "."))];

export interface World {
  /** How the router's resolver (this Mac's DNS) behaves. */
  router?: "healthy" | "servfail" | "nxdomain" | "silent" | "sinkhole";
  /** The public resolvers fail the same way (nobody answers for Apple's names). */
  publicDown?: boolean;
  /** libfaketime offset ("-540s") for the time server's clock. */
  ntpClock?: string;
  /** libfaketime offset for this Mac's own clock: the CLI (and the timing around it) runs under it. */
  macClock?: string;
  /** Certificates the sign-in hosts (and www.apple.com) present. */
  tls?: "apple" | "inspected" | "expired";
  /** captive.apple.com: Apple's "Success", or a hotel's redirect to its login page. */
  captive?: "success" | "login";
  /** iptables rules, appended to INPUT. */
  iptables?: string[][];
  /** No network at all: no addresses but 127.0.0.1, nothing listening. */
  offline?: boolean;
  /** Lines appended to this Mac's /etc/hosts (bind-mounted in the namespace). */
  hostsLines?: string[];
  /** What answers GrandSlam's lookup on gsa.apple.com: Apple's plist, or a web filter's block page (HTTP 403). */
  signInService?: "apple" | "blockPage";
  /**
   * An IPv6-only network with NAT64: unbound's dns64 module synthesizes AAAA records in
   * 64:ff9b::/96 (ipv4only.arpa too), every server listens only on its synthesized address, and
   * this Mac has no IPv4 address but loopback.
   */
  ipv6Only?: boolean;
}

/** An IPv4 address in NAT64's well-known prefix (RFC 6052), as DNS64 writes it. */
export function nat64(v4: string): string {
  const [a, b, c, d] = v4.split(".").map(Number);
  return `64:ff9b::${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
/** In the IPv6-only world: the router's resolver, and where it asks for A records (an IPv4 upstream only it sees). */
const V6_ROUTER = "fd00::53";
const V4_UPSTREAM = "127.0.0.53";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The whole `npm run --silent cli` process, start to exit. */
  wallMs: number;
  /** From the end of the run the CLI reports (startedAt + durationMs) to the process's exit. */
  exitLagMs?: number;
  json?: CheckJson;
  /** Interfaces the namespace had before anything started. */
  links: string;
}

export interface CheckJson {
  startedAt: string;
  durationMs: number;
  findings: { probe: string; status: string; summary: string; details: string[]; fixes: string[] }[];
  diagnosis: { cause: string; confidence: string; summary: string; fixes: string[] }[];
}

const DAEMONS = ["unshare", "unbound", "dnsmasq", "chronyd", "faketime", "nginx", "iptables", "openssl", "ip"];

/** libfaketime's path (Debian puts it under the multiarch folder). */
export function libfaketime(): string {
  const found = spawnSync("sh", ["-c", "ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1"]);
  return String(found.stdout).trim();
}

/** Why the suite can't run here, or undefined when it can. */
export function unavailable(): string | undefined {
  const missing = DAEMONS.filter((d) => spawnSync("sh", ["-c", `command -v ${d}`]).status !== 0);
  if (!libfaketime()) missing.push("libfaketime");
  if (missing.length) return `missing ${missing.join(", ")} (.ci/run installs them)`;
  const probe = spawnSync("unshare", ["-n", "-m", "-p", "-f", "--mount-proc", "true"], { timeout: 10_000 });
  if (probe.status !== 0) return `unshare -n -m -p is not permitted here (${String(probe.stderr).trim() || "no root"})`;
  return undefined;
}

/** unbound in the foreground, as this test's process, with no files outside its own folder. */
function unboundServer(iface: string, dir: string, ip6: boolean): string[] {
  return [
    "server:",
    `  interface: ${iface}`,
    "  port: 53",
    "  do-daemonize: no",
    '  username: ""',
    '  chroot: ""',
    `  directory: "${dir}"`,
    '  pidfile: ""',
    "  use-syslog: no",
    '  logfile: ""',
    "  verbosity: 0",
    `  do-ip6: ${ip6 ? "yes" : "no"}`,
  ];
}

function unboundConf(dir: string, world: World): string {
  if (world.ipv6Only) return dns64Conf(dir);
  const lines = [
    ...unboundServer(ADDR.router, dir, false),
    "  access-control: 0.0.0.0/0 allow",
    '  module-config: "iterator"',
  ];
  const router = world.router ?? "healthy";
  if (router === "nxdomain") lines.push(...ZONES.map((z) => `  local-zone: "${z}" always_nxdomain`));
  else {
    lines.push(...ZONES.map((z) => `  local-zone: "${z}" static`));
    // RFC 7050's name answers as on any IPv4 network: A records only, so no NAT64 here.
    lines.push('  local-zone: "ipv4only.arpa." static', '  local-data: "ipv4only.arpa. 60 IN A 192.0.0.170"');
    // A Pi-hole-style blocklist answers 0.0.0.0 for the names it blocks.
    if (router === "sinkhole") for (const n of SIGN_IN) lines.push(`  local-zone: "${n}." always_null`);
    if (router !== "servfail") {
      for (const [name, ip] of Object.entries(NAMES)) lines.push(`  local-data: "${name}. 60 IN A ${ip}"`);
    }
  }
  if (router === "servfail") {
    // The router's upstream is gone: unbound answers SERVFAIL, as home routers do.
    lines.splice(lines.indexOf(`  local-zone: "${ZONES[0]}" static`), ZONES.length);
    for (const zone of ZONES) lines.push("forward-zone:", `  name: "${zone}"`, "  forward-addr: 127.0.0.9@53");
  }
  return lines.join("\n") + "\n";
}

/**
 * unbound with its dns64 module, as an IPv6-only network's resolver: it forwards to an upstream
 * that has only A records (dnsmasq, on an IPv4 loopback address the CLI can't use) and answers
 * AAAA queries with addresses synthesized in 64:ff9b::/96, ipv4only.arpa included (RFC 7050).
 */
function dns64Conf(dir: string): string {
  return (
    [
      ...unboundServer(V6_ROUTER, dir, true),
      "  do-not-query-localhost: no",
      "  access-control: ::/0 allow",
      '  module-config: "dns64 iterator"',
      "  dns64-prefix: 64:ff9b::/96",
      "forward-zone:",
      '  name: "."',
      `  forward-addr: ${V4_UPSTREAM}@53`,
    ].join("\n") + "\n"
  );
}

function dnsmasqArgs(world: World): string[] {
  const args = [
    "--keep-in-foreground",
    "--no-resolv",
    "--no-hosts",
    "--no-poll",
    "--bind-interfaces",
    "--user=root",
    "--port=53",
    ...ADDR.public.map((a) => `--listen-address=${a}`),
    "--pid-file=",
    "--log-facility=-",
  ];
  if (world.publicDown) return [...args, ...ZONES.map((z) => `--address=/${z.slice(0, -1)}/`)];
  const answers = Object.entries(NAMES).map(([name, ip]) => `--address=/${name}/${ip}`);
  // In the IPv6-only world dnsmasq is only the dns64 resolver's upstream (A records only).
  if (world.ipv6Only)
    return [
      ...args.filter((a) => !a.startsWith("--listen-address")),
      `--listen-address=${V4_UPSTREAM}`,
      ...answers,
      "--address=/ipv4only.arpa/192.0.0.170",
    ];
  return [...args, ...answers];
}

function chronyConf(dir: string, world: World): string {
  return [
    "local stratum 1",
    "allow all",
    `bindaddress ${world.ipv6Only ? nat64(ADDR.time) : ADDR.time}`,
    "port 123",
    "cmdport 0",
    `pidfile ${dir}/chronyd.pid`,
    "",
  ].join("\n");
}

function nginxConf(dir: string, world: World, certs: TestCerts): string {
  const pair = world.tls === "inspected" ? certs.inspected : world.tls === "expired" ? certs.expired : certs.apple;
  const ssl = `ssl_certificate ${pair.cert}; ssl_certificate_key ${pair.key};`;
  const captive =
    world.captive === "login"
      ? "return 302 http://portal.hotel-wifi.example/login?continue=captive.apple.com;"
      : "default_type text/html; return 200 '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>';";
  // GrandSlam's lookup on every HTTPS server (a sinkholed name lands on another): Apple's plist, or a filter's page.
  const lookup =
    world.signInService === "blockPage"
      ? `error_page 403 /blocked.html; location = /blocked.html { internal; root ${dir}/grandslam; default_type text/html; }
    location = /grandslam/GsService2/lookup { return 403; }`
      : `location = /grandslam/GsService2/lookup { root ${dir}/grandslam; try_files /lookup.xml =500; default_type text/x-xml-plist; }`;
  // The IPv6-only world's servers listen on their NAT64 addresses only.
  const at = (v4: string, port: number) => (world.ipv6Only ? `[${nat64(v4)}]:${port}` : `${v4}:${port}`);
  return `
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-tmp; proxy_temp_path ${dir}/nginx-tmp; fastcgi_temp_path ${dir}/nginx-tmp;
  uwsgi_temp_path ${dir}/nginx-tmp; scgi_temp_path ${dir}/nginx-tmp;
  server { listen ${at(ADDR.web, 80)}; location = /hotspot-detect.html { ${captive} } location / { return 404; } }
  server { listen ${at(ADDR.web, 443)} ssl; ${ssl} root ${dir}/www; default_type application/json; ${lookup} }
  server { listen ${at(ADDR.signIn, 443)} ssl; ${ssl} ${lookup} location / { return 200 'ok'; } }
  server { listen ${at(ADDR.push, 5223)}; listen ${at(ADDR.push, 443)}; location / { return 200 'ok'; } }
  server { listen ${at(ADDR.public[0], 443)} ssl; ${ssl} ${lookup} location / { return 200 'ok'; } }
}
`;
}

function script(dir: string, world: World, cli: string[], env: Record<string, string>): string {
  const servers = [ADDR.web, ADDR.signIn, ADDR.push, ADDR.time, ADDR.public[0]];
  const addresses = world.offline
    ? []
    : world.ipv6Only
      ? [`${V4_UPSTREAM}/32`, `${V6_ROUTER}/128`, ...servers.map((a) => `${nat64(a)}/128`)]
      : [ADDR.router, ...ADDR.public, ADDR.web, ADDR.signIn, ADDR.push, ADDR.time].map((a) => `${a}/32`);
  const listening = (v4: string) => (world.ipv6Only ? nat64(v4) : v4);
  // libfaketime preloaded by hand: the faketime wrapper names its semaphore by PID, and every
  // scenario's PID namespace has the same PIDs.
  const fake = (offset: string | undefined, cmd: string) =>
    offset ? `LD_PRELOAD=${libfaketime()} FAKETIME=${q(offset)} ${cmd}` : cmd;
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const exports = Object.entries(env)
    .map(([k, v]) => `export ${k}=${q(v)}`)
    .join("\n");
  const rules = (world.iptables ?? []).map((r) => `iptables -A INPUT ${r.map(q).join(" ")}`).join("\n");
  const waitFor = (kind: "t" | "u", addr: string) =>
    `for i in $(seq 1 100); do ss -Hln${kind} | grep -q ${q(addr)} && break; sleep 0.05; done`;
  return `#!/bin/bash
set -euo pipefail
cd ${q(dir)}
ip link set lo up
# No packet may leave: lo is the only interface, before anything starts.
ip -o link show | awk -F': ' '{print $2}' > links.txt
if [ "$(cat links.txt)" != "lo" ]; then echo "namespace has more than lo: $(cat links.txt)" >&2; exit 97; fi
${addresses.map((a) => `ip addr add ${a} dev lo${a.includes(":") ? " nodad" : ""}`).join("\n")}
mount --bind ${q(`${dir}/resolv.conf`)} /etc/resolv.conf
mount --bind ${q(`${dir}/hosts`)} /etc/hosts
${
  world.offline
    ? ""
    : `unbound -c unbound.conf > unbound.log 2>&1 &
dnsmasq ${dnsmasqArgs(world).map(q).join(" ")} > dnsmasq.log 2>&1 &
${fake(world.ntpClock, "chronyd -d -x -f chrony.conf")} > chrony.log 2>&1 &
nginx -e ${q(`${dir}/nginx-error.log`)} -c ${q(`${dir}/nginx.conf`)} -g 'daemon off;' > nginx.log 2>&1 &
${waitFor("u", world.ipv6Only ? `[${V6_ROUTER}]:53` : `${ADDR.router}:53`)}
${waitFor("u", world.ipv6Only ? `${V4_UPSTREAM}:53` : `${ADDR.public[1]}:53`)}
${waitFor("u", world.ipv6Only ? `[${listening(ADDR.time)}]:123` : `${ADDR.time}:123`)}
${waitFor("t", world.ipv6Only ? `[${listening(ADDR.signIn)}]:443` : `${ADDR.signIn}:443`)}`
}
${rules}
${exports}
${world.macClock ? `export LD_PRELOAD=${libfaketime()} FAKETIME=${q(world.macClock)} FAKETIME_DONT_FAKE_MONOTONIC=1` : ""}
cd ${q(ROOT)}
set +e
start=$(date +%s%3N)
${cli.map(q).join(" ")} > ${q(`${dir}/stdout`)} 2> ${q(`${dir}/stderr`)}
code=$?
end=$(date +%s%3N)
echo "$code $start $end" > ${q(`${dir}/result`)}
`;
}

/** Builds the world in `dir`, runs `cli` (argv, from the repository root) inside it, and reads back what happened. */
export async function runInWorld(
  dir: string,
  world: World,
  certs: TestCerts,
  cliArgs: string[],
  extraEnv: Record<string, string> = {},
  /** How the CLI is started: as a user does from source, or the bench's bundled copy. */
  command: string[] = ["npm", "run", "--silent", "cli", "--"],
): Promise<CliRun> {
  mkdirSync(join(dir, "www/support/systemstatus/data/developer"), { recursive: true });
  mkdirSync(join(dir, "nginx-tmp"), { recursive: true });
  const feed = join(ROOT, "test/fixtures/status-consumer-no-issues.json");
  copyFileSync(feed, join(dir, "www/support/systemstatus/data/system_status_en_US.js"));
  copyFileSync(feed, join(dir, "www/support/systemstatus/data/developer/system_status_en_US.js"));
  writeFileSync(
    join(dir, "resolv.conf"),
    `nameserver ${world.ipv6Only ? V6_ROUTER : ADDR.router}\noptions timeout:5 attempts:2\n`,
  );
  mkdirSync(join(dir, "grandslam"), { recursive: true });
  copyFileSync(join(ROOT, "test/fixtures/grandslam-lookup-handmade.xml"), join(dir, "grandslam/lookup.xml"));
  copyFileSync(join(ROOT, "test/fixtures/block-page-handmade.html"), join(dir, "grandslam/blocked.html"));
  writeFileSync(
    join(dir, "hosts"),
    ["127.0.0.1 localhost", "::1 localhost", ...(world.hostsLines ?? [])].join("\n") + "\n",
  );
  writeFileSync(join(dir, "unbound.conf"), unboundConf(dir, world));
  writeFileSync(join(dir, "chrony.conf"), chronyConf(dir, world));
  writeFileSync(join(dir, "nginx.conf"), nginxConf(dir, world, certs));
  const env = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    NODE_EXTRA_CA_CERTS: certs.rootPem,
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
    NO_COLOR: "1",
    // tsx keeps an IPC pipe at $TMPDIR/tsx-<uid>/<pid>.pipe: every PID namespace starts at the same
    // PIDs, so worlds running side by side (or another checkout's) would collide in a shared /tmp.
    TMPDIR: dir,
    ...extraEnv,
  };
  const cli = [...command, ...cliArgs];
  writeFileSync(join(dir, "run.sh"), script(dir, world, cli, env));
  const code = await new Promise<number>((resolve) => {
    const child = spawn("unshare", ["-n", "-m", "-p", "-f", "--mount-proc", "bash", join(dir, "run.sh")], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (c) => {
      if (c !== 0) writeFileSync(join(dir, "setup-error"), err);
      resolve(c ?? 1);
    });
  });
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), "utf8");
    } catch {
      return "";
    }
  };
  if (code !== 0) throw new Error(`scenario setup failed (${code}): ${read("setup-error")}`);
  const [exitCode, start, end] = read("result").trim().split(" ").map(Number);
  const stdout = read("stdout");
  let json: CheckJson | undefined;
  try {
    json = JSON.parse(stdout) as CheckJson;
  } catch {
    json = undefined;
  }
  const runEnd = json ? Date.parse(json.startedAt) + json.durationMs : undefined;
  return {
    exitCode,
    stdout,
    stderr: read("stderr"),
    wallMs: end - start,
    exitLagMs: runEnd !== undefined ? end - runEnd : undefined,
    json,
    links: read("links.txt").trim(),
  };
}

import dc from "node:diagnostics_channel";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRealHost, isLoopback, type RealHostOptions } from "../../src/core/host/real";
import { HostError } from "../../src/core/host/types";
import {
  closedPort,
  INSPECTION_CA,
  startDnsServer,
  startDroppingListener,
  startHttpServer,
  startNtpServer,
  startSilentServer,
  startTcpListener,
  startTlsServer,
  TEST_CA,
  type CertName,
  type TestServer,
} from "../support/servers";

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve<T extends TestServer>(started: Promise<T>): Promise<T> {
  const server = await started;
  servers.push(server);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

const local = (port: number) => `127.0.0.1:${port}`;
const abortAfter = (ms: number) => AbortSignal.timeout(ms);

describe("exec", () => {
  let dir: string;
  const host = createRealHost();
  const script = async (name: string, body: string, mode = 0o755) => {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, mode);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aidd-exec-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("returns stdout and stderr verbatim and a non-zero exit as a result", async () => {
    const path = await script("noisy", "printf 'out line\\n\\n'\nprintf 'err line\\n' >&2\nexit 3");
    expect(await host.exec([path])).toEqual({ stdout: "out line\n\n", stderr: "err line\n", exitCode: 3 });
  });

  it("passes each argument as one argv entry, never through a shell", async () => {
    const path = await script("args", `printf '[%s]\\n' "$@"`);
    const hostile = "x; rm -rf / $(id) `id`";
    expect((await host.exec([path, "--dns", hostile])).stdout).toBe(`[--dns]\n[${hostile}]\n`);
  });

  it("feeds input to stdin, and closes stdin when there is none", async () => {
    const path = await script("echo", "exec cat");
    expect((await host.exec([path], { input: "hello\nworld" })).stdout).toBe("hello\nworld");
    expect((await host.exec([path], { timeoutMs: 2000 })).stdout).toBe("");
  });

  it("fails with ENOENT for a missing binary", async () => {
    expect((await failure(host.exec([join(dir, "missing")]))).code).toBe("ENOENT");
  });

  it("fails with EACCES for a file that is not executable", async () => {
    const path = await script("plain", "echo hi", 0o644);
    expect((await failure(host.exec([path]))).code).toBe("EACCES");
  });

  it("refuses a bare command name", async () => {
    expect((await failure(host.exec(["sw_vers"]))).code).toBe("EINVAL");
    expect((await failure(host.exec([]))).code).toBe("EINVAL");
  });

  it("kills a slow binary at the timeout", async () => {
    const path = await script("sleeper", "exec sleep 10");
    const started = Date.now();
    expect((await failure(host.exec([path], { timeoutMs: 300 }))).code).toBe("ETIMEDOUT");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("reports death by signal as 128 + signal", async () => {
    const path = await script("killed", "kill -9 $$");
    expect((await host.exec([path])).exitCode).toBe(137);
  });

  it("cancels on abort", async () => {
    const path = await script("sleeper2", "exec sleep 10");
    expect((await failure(host.exec([path], { signal: abortAfter(100) }))).code).toBe("ECANCELLED");
  });
});

describe("http", () => {
  const routes = {
    "/hotspot-detect.html": {
      body: "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>",
      headers: { "content-type": "text/html", "set-cookie": ["a=1", "b=2"] },
    },
    "/portal": { status: 302, headers: { location: "http://portal.example/login" } },
    "/broken": { status: 500, body: "oops" },
    "/hang": { hang: true },
    "/drop": { destroy: true },
  };
  const captive = async (options: RealHostOptions = {}) => {
    const server = await serve(startHttpServer(routes));
    const host = createRealHost({
      ...options,
      redirect: { http: { "http://captive.apple.com": `http://${local(server.port)}` } },
    });
    return { server, host };
  };

  it("answers 200 with the body and the date header, keeping Apple's Host header", async () => {
    const { server, host } = await captive();
    const response = await host.http("http://captive.apple.com/hotspot-detect.html?probe=1");
    expect(response.status).toBe(200);
    expect(response.body).toContain("<BODY>Success</BODY>");
    expect(Date.parse(response.headers.date)).not.toBeNaN();
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
    expect(server.requests[0].headers.host).toBe("captive.apple.com");
    expect(server.requests[0].url).toBe("/hotspot-detect.html?probe=1");
  });

  it("does not follow a redirect: the 302 is the evidence", async () => {
    const { server, host } = await captive();
    const response = await host.http("http://captive.apple.com/portal");
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("http://portal.example/login");
    expect(server.requests).toHaveLength(1);
  });

  it("returns a 500 as a response", async () => {
    const server = await serve(startHttpServer(routes));
    // A redirect key written as a URL with a path still matches by origin.
    const host = createRealHost({
      redirect: { http: { "http://captive.apple.com/": `http://${local(server.port)}/` } },
    });
    expect(await host.http("http://captive.apple.com/broken")).toMatchObject({ status: 500, body: "oops" });
  });

  it("times out on a server that never answers", async () => {
    const { host } = await captive();
    const started = Date.now();
    const error = await failure(host.http("http://captive.apple.com/hang", { timeoutMs: 300 }));
    expect(error.code).toBe("ETIMEDOUT");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("fails with ECONNRESET when the connection drops, ECONNREFUSED when nobody listens", async () => {
    const { host } = await captive();
    expect((await failure(host.http("http://captive.apple.com/drop"))).code).toBe("ECONNRESET");
    const port = await closedPort();
    const refused = createRealHost({ redirect: { http: { "http://captive.apple.com": `http://${local(port)}` } } });
    expect((await failure(refused.http("http://captive.apple.com/hotspot-detect.html"))).code).toBe("ECONNREFUSED");
  });

  it("speaks https with the test CA, checking the certificate against Apple's name", async () => {
    const server = await serve(startHttpServer({ "*": { body: "ok" } }, { tls: "apple" }));
    const redirect = { http: { "https://appleid.apple.com": `https://${local(server.port)}` } };
    const trusting = createRealHost({ redirect, ca: [TEST_CA] });
    expect(await trusting.http("https://appleid.apple.com/")).toMatchObject({ status: 200, body: "ok" });
    expect(server.requests[0].headers.host).toBe("appleid.apple.com");
    const untrusting = createRealHost({ redirect });
    expect((await failure(untrusting.http("https://appleid.apple.com/"))).code).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
  });

  it("reads any certificate's answer only when asked to, and sends the extra headers", async () => {
    // GrandSlam's lookup: who answers is the question, so an untrusted certificate still gives its page.
    const server = await serve(startHttpServer({ "*": { body: "<html>blocked</html>" } }, { tls: "apple" }));
    const host = createRealHost({ redirect: { http: { "https://gsa.apple.com": `https://${local(server.port)}` } } });
    const url = "https://gsa.apple.com/grandslam/GsService2/lookup";
    expect((await failure(host.http(url))).code).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    const answer = await host.http(url, { anyCertificate: true, headers: { "accept-language": "en-US" } });
    expect(answer).toMatchObject({ status: 200, body: "<html>blocked</html>" });
    expect(server.requests.at(-1)!.headers).toMatchObject({ "accept-language": "en-US", host: "gsa.apple.com" });
  });

  it("cancels on abort", async () => {
    const { host } = await captive();
    const error = await failure(host.http("http://captive.apple.com/hang", { signal: abortAfter(100) }));
    expect(error.code).toBe("ECANCELLED");
  });
});

describe("tls over one address family", () => {
  it("connects to that family's address, and says ENODATA when the name has none", async () => {
    const tlsServer = await serve(startTlsServer("apple"));
    const dnsServer = await serve(startDnsServer({ records: { "gsa.apple.com": ["127.0.0.1"] } }));
    const host = createRealHost({
      loopbackOnly: false,
      ca: [TEST_CA],
      redirect: { dns: { system: local(dnsServer.port) } },
    });
    expect(await host.tls("gsa.apple.com", tlsServer.port, { family: 4 })).toMatchObject({
      issuer: expect.any(String),
    });
    const error = await failure(host.tls("gsa.apple.com", tlsServer.port, { family: 6 }));
    expect(error.code).toBe("ENODATA");
    expect(error.message).toContain("no IPv6 address");
  });
});

describe("dns", () => {
  const records = {
    "appleid.apple.com": ["17.32.194.99", "17.32.194.4", "2620:149:a44::4"],
    "gsa.apple.com": ["17.36.202.7"],
  };
  const sorted = (list: string[]) => [...list].sort();

  it("asks a redirected resolver for A and AAAA records", async () => {
    const server = await serve(startDnsServer({ records }));
    const host = createRealHost({ redirect: { dns: { "1.1.1.1": local(server.port) } } });
    const answer = await host.dns("appleid.apple.com", "1.1.1.1");
    expect(sorted(answer.addresses)).toEqual(sorted(records["appleid.apple.com"]));
    expect(server.queries.map((q) => q.type).sort()).toEqual([1, 28]);
    // A name with only A records answers AAAA with no data: still a success.
    expect((await host.dns("gsa.apple.com", "1.1.1.1")).addresses).toEqual(["17.36.202.7"]);
  });

  it("routes the system resolver to its redirect", async () => {
    const server = await serve(startDnsServer({ records }));
    const host = createRealHost({ redirect: { dns: { system: local(server.port) } } });
    expect((await host.dns("gsa.apple.com", "system")).addresses).toEqual(["17.36.202.7"]);
  });

  it("fails with ENOTFOUND for NXDOMAIN", async () => {
    const server = await serve(startDnsServer({ records }));
    const host = createRealHost({ redirect: { dns: { "8.8.8.8": local(server.port) } } });
    expect((await failure(host.dns("idmsa.apple.com", "8.8.8.8"))).code).toBe("ENOTFOUND");
  });

  it("fails with ESERVFAIL when the resolver fails", async () => {
    const server = await serve(startDnsServer({ records, rcode: 2 }));
    const host = createRealHost({ redirect: { dns: { "8.8.8.8": local(server.port) } } });
    expect((await failure(host.dns("appleid.apple.com", "8.8.8.8"))).code).toBe("ESERVFAIL");
  });

  it("times out on a silent resolver", async () => {
    const server = await serve(startDnsServer({ silent: true }));
    const host = createRealHost({ redirect: { dns: { "1.1.1.1": local(server.port) } } });
    const started = Date.now();
    expect((await failure(host.dns("appleid.apple.com", "1.1.1.1", { timeoutMs: 300 }))).code).toBe("ETIMEDOUT");
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.queries.length).toBeGreaterThan(0);
  });

  it("cancels on abort", async () => {
    const server = await serve(startDnsServer({ silent: true }));
    const host = createRealHost({ redirect: { dns: { "1.1.1.1": local(server.port) } } });
    expect((await failure(host.dns("appleid.apple.com", "1.1.1.1", { signal: abortAfter(100) }))).code).toBe(
      "ECANCELLED",
    );
  });

  it("uses the OS resolver for localhost", async () => {
    const answer = await createRealHost().dns("localhost", "system");
    expect(answer.addresses.some((a) => a === "127.0.0.1" || a === "::1")).toBe(true);
  });
});

describe("tcp", () => {
  const hostTo = (port: number) =>
    createRealHost({ redirect: { connect: { "courier.push.apple.com:5223": local(port) } } });

  it("is open when the server accepts", async () => {
    const server = await serve(startTcpListener());
    expect(await hostTo(server.port).tcp("courier.push.apple.com", 5223)).toBe("open");
    expect(await createRealHost().tcp("127.0.0.1", server.port)).toBe("open");
  });

  it("is refused when nobody listens", async () => {
    expect(await hostTo(await closedPort()).tcp("courier.push.apple.com", 5223)).toBe("refused");
  });

  it("times out when SYNs are dropped", async () => {
    const server = await serve(startDroppingListener());
    const started = Date.now();
    expect(await hostTo(server.port).tcp("courier.push.apple.com", 5223, { timeoutMs: 300 })).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("throws ECANCELLED on abort rather than inventing a result", async () => {
    const server = await serve(startDroppingListener());
    const error = await failure(hostTo(server.port).tcp("courier.push.apple.com", 5223, { signal: abortAfter(100) }));
    expect(error.code).toBe("ECANCELLED");
  });
});

describe("tls", () => {
  const handshakeWith = async (cert: CertName, ca: string[] | undefined, name = "appleid.apple.com") => {
    const server = await serve(startTlsServer(cert));
    const host = createRealHost({ redirect: { connect: { [`${name}:443`]: local(server.port) } }, ca });
    return { server, result: await host.tls(name, 443) };
  };

  it("trusts Apple's name signed by a trusted CA, sending SNI = the original host", async () => {
    const { server, result } = await handshakeWith("apple", [TEST_CA], "gsa.apple.com");
    expect(result).toEqual({
      authorized: true,
      issuer: "Apple ID Doctor Test CA",
      subject: "appleid.apple.com",
      validFrom: "2024-01-01T00:00:00.000Z",
      validTo: "2099-12-31T23:59:59.000Z",
    });
    expect(server.servernames).toEqual(["gsa.apple.com"]);
  });

  it("reports an unknown issuer without the CA", async () => {
    const { result } = await handshakeWith("apple", undefined);
    expect(result).toMatchObject({ authorized: false, error: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
  });

  it("reports a self-signed certificate", async () => {
    const { result } = await handshakeWith("self-signed", [TEST_CA]);
    expect(result).toMatchObject({
      authorized: false,
      error: "DEPTH_ZERO_SELF_SIGNED_CERT",
      issuer: "appleid.apple.com",
    });
  });

  it("reports an expired certificate with its dates", async () => {
    const { result } = await handshakeWith("expired", [TEST_CA]);
    expect(result).toMatchObject({
      authorized: false,
      error: "CERT_HAS_EXPIRED",
      issuer: "Apple ID Doctor Test CA",
      validTo: "2021-01-01T00:00:00.000Z",
    });
  });

  it("reports a certificate that is not yet valid", async () => {
    const { result } = await handshakeWith("not-yet-valid", [TEST_CA]);
    expect(result).toMatchObject({
      authorized: false,
      error: "CERT_NOT_YET_VALID",
      validFrom: "2090-01-01T00:00:00.000Z",
    });
  });

  it("names an interceptor's issuer, trusted or not", async () => {
    const untrusted = await handshakeWith("inspected", [TEST_CA]);
    expect(untrusted.result).toMatchObject({
      authorized: false,
      error: "SELF_SIGNED_CERT_IN_CHAIN",
      issuer: "Corp SSL Inspection CA",
    });
    // A managed Mac trusts its company's inspection CA: the chain verifies, the issuer still tells.
    const trusted = await handshakeWith("inspected", [TEST_CA, INSPECTION_CA]);
    expect(trusted.result).toMatchObject({ authorized: true, issuer: "Corp SSL Inspection CA" });
  });

  it("does not authorize a trusted certificate for another name", async () => {
    const { result } = await handshakeWith("apple", [TEST_CA], "courier.push.apple.com");
    expect(result).toMatchObject({ authorized: false, error: "ERR_TLS_CERT_ALTNAME_INVALID" });
  });

  it("times out on a server that never answers the ClientHello", async () => {
    const server = await serve(startSilentServer());
    const host = createRealHost({ redirect: { connect: { "idmsa.apple.com:443": local(server.port) } } });
    const started = Date.now();
    expect((await failure(host.tls("idmsa.apple.com", 443, { timeoutMs: 300 }))).code).toBe("ETIMEDOUT");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("fails with the connection's code when refused or reset", async () => {
    const port = await closedPort();
    const refused = createRealHost({ redirect: { connect: { "idmsa.apple.com:443": local(port) } } });
    expect((await failure(refused.tls("idmsa.apple.com", 443))).code).toBe("ECONNREFUSED");
    const server = await serve(startTcpListener());
    const reset = createRealHost({ redirect: { connect: { "idmsa.apple.com:443": local(server.port) } } });
    expect((await failure(reset.tls("idmsa.apple.com", 443))).code).toBe("ECONNRESET");
  });

  it("cancels on abort", async () => {
    const server = await serve(startSilentServer());
    const host = createRealHost({ redirect: { connect: { "idmsa.apple.com:443": local(server.port) } } });
    expect((await failure(host.tls("idmsa.apple.com", 443, { signal: abortAfter(100) }))).code).toBe("ECANCELLED");
  });
});

describe("ntp", () => {
  it("asks a redirected time server: negative offset = this Mac is ahead", async () => {
    const server = await serve(startNtpServer({ skewMs: -541_000 }));
    const host = createRealHost({ redirect: { ntp: { "time.apple.com": local(server.port) } } });
    const sample = await host.ntp("time.apple.com");
    expect(Math.abs(sample.offsetMs + 541_000)).toBeLessThan(50);
  });

  it("times out on silence and cancels on abort", async () => {
    const server = await serve(startNtpServer({ fault: "silent" }));
    const host = createRealHost({ redirect: { ntp: { "time.apple.com": local(server.port) } } });
    expect((await failure(host.ntp("time.apple.com", { timeoutMs: 300 }))).code).toBe("ETIMEDOUT");
    expect((await failure(host.ntp("time.apple.com", { signal: abortAfter(100) }))).code).toBe("ECANCELLED");
  });
});

describe("loopback-only mode", () => {
  const created: string[] = [];
  const channels = ["net.client.socket", "udp.socket", "http.client.request.created"];
  const note = (_message: unknown, name: string | symbol) => created.push(String(name));
  beforeAll(() => channels.forEach((name) => dc.subscribe(name, note)));
  afterAll(() => channels.forEach((name) => dc.unsubscribe(name, note)));

  it("is on under vitest", () => {
    expect(process.env.APPLE_ID_DOCTOR_LOOPBACK_ONLY).toBe("1");
  });

  it("refuses every non-loopback target before a socket exists", async () => {
    created.length = 0;
    const host = createRealHost({ redirect: { connect: { "gsa.apple.com:443": "10.0.0.1:443" } } });
    const attempts: Promise<unknown>[] = [
      host.tcp("1.1.1.1", 443),
      host.tcp("courier.push.apple.com", 5223),
      host.tls("appleid.apple.com", 443),
      host.tls("gsa.apple.com", 443),
      host.http("https://www.apple.com/support/systemstatus/data/system_status_en_US.js"),
      host.http("http://captive.apple.com/hotspot-detect.html"),
      host.dns("appleid.apple.com", "system"),
      host.dns("appleid.apple.com", "1.1.1.1"),
      host.dns("appleid.apple.com", "8.8.8.8"),
      host.ntp("time.apple.com"),
    ];
    for (const attempt of attempts) expect((await failure(attempt)).code).toBe("ELOOPBACKONLY");
    expect(created).toEqual([]);
  });

  it("knows loopback when it sees it", () => {
    for (const yes of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"]) {
      expect(isLoopback(yes)).toBe(true);
    }
    for (const no of ["1.1.1.1", "10.0.0.1", "::2", "appleid.apple.com", "localhost.example.com", "128.0.0.1"]) {
      expect(isLoopback(no)).toBe(false);
    }
  });
});

describe("files, clock, environment", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aidd-files-"));
    await writeFile(join(dir, "ntp.conf"), "server time.apple.com.\n");
    await symlink("/var/db/timezone/zoneinfo/Europe/Berlin", join(dir, "localtime"));
    await mkdir(join(dir, "folder"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a link's target, a file's text, and fails for the rest", async () => {
    const host = createRealHost();
    expect(await host.readFile(join(dir, "localtime"))).toEqual({ link: "/var/db/timezone/zoneinfo/Europe/Berlin" });
    expect(await host.readFile(join(dir, "ntp.conf"))).toEqual({ text: "server time.apple.com.\n" });
    expect((await failure(host.readFile(join(dir, "missing")))).code).toBe("ENOENT");
    expect((await failure(host.readFile(join(dir, "folder")))).code).toBe("EISDIR");
  });

  it("lists a folder's names sorted, and fails for a missing path or a file", async () => {
    const host = createRealHost();
    expect(await host.listDir!(dir)).toEqual(["folder", "localtime", "ntp.conf"]);
    expect(await host.listDir!(join(dir, "folder"))).toEqual([]);
    expect((await failure(host.listDir!(join(dir, "missing")))).code).toBe("ENOENT");
    expect((await failure(host.listDir!(join(dir, "ntp.conf")))).code).toBe("ENOTDIR");
  });

  it.skipIf(process.getuid?.() === 0)("fails with EACCES for an unreadable file", async () => {
    const path = join(dir, "secret");
    await writeFile(path, "x", { mode: 0o000 });
    expect((await failure(createRealHost().readFile(path))).code).toBe("EACCES");
  });

  it("takes its clock, environment and platform from the options", () => {
    const fixed = new Date("2026-11-21T10:00:00.000Z");
    const host = createRealHost({ now: () => fixed, env: { HTTPS_PROXY: "http://proxy:8080" }, platform: "darwin" });
    expect(host.now()).toBe(fixed);
    expect(host.env("HTTPS_PROXY")).toBe("http://proxy:8080");
    expect(host.env("HTTP_PROXY")).toBeUndefined();
    expect(host.platform).toBe("darwin");
    expect(Math.abs(createRealHost().now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("fails at once when the signal is already aborted", async () => {
    const host = createRealHost();
    const signal = AbortSignal.abort();
    expect((await failure(host.exec([process.execPath, "--version"], { signal }))).code).toBe("ECANCELLED");
    expect((await failure(host.tcp("127.0.0.1", 9, { signal }))).code).toBe("ECANCELLED");
  });
});

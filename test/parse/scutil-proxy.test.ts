import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseScutilProxy, type ProxySettings } from "../../src/core/parse/scutil-proxy";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const NONE = fixture("scutil-proxy-none.txt");
const HTTP_8118 = fixture("scutil-proxy-http-8118.txt");

// PAC file (REFERENCE c); the disabled HTTP entry keeps its host, as macOS does.
const PAC = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  ExcludeSimpleHostnames : 1
  FTPPassive : 1
  HTTPEnable : 0
  HTTPProxy : old-proxy.example.com
  HTTPSEnable : 0
  ProxyAutoConfigEnable : 1
  ProxyAutoConfigURLString : http://wpad.corp.example.com:8080/proxy.pac
  ProxyAutoDiscoveryEnable : 0
  SOCKSEnable : 0
}
`;

// VPN client pointing HTTP, HTTPS and SOCKS at localhost on one high port.
const VPN_LOCALHOST = `<dictionary> {
  ExceptionsList : <array> {
    0 : 127.0.0.1
    1 : localhost
    2 : *.local
    3 : fe80::/10
  }
  HTTPEnable : 1
  HTTPPort : 51732
  HTTPProxy : 127.0.0.1
  HTTPSEnable : 1
  HTTPSPort : 51732
  HTTPSProxy : 127.0.0.1
  SOCKSEnable : 1
  SOCKSPort : 51732
  SOCKSProxy : 127.0.0.1
}
`;

// Corporate HTTPS proxy (TLS-inspection red flag), plus per-interface __SCOPED__ copies to skip.
const HTTPS_SCOPED = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
  }
  HTTPSEnable : 1
  HTTPSPort : 3128
  HTTPSProxy : proxy.corp.example.com
  __SCOPED__ : <dictionary> {
    en0 : <dictionary> {
      ExceptionsList : <array> {
        0 : scoped.example.com
      }
      HTTPEnable : 1
      HTTPPort : 9999
      HTTPProxy : scoped-proxy.example.com
      ProxyAutoDiscoveryEnable : 1
    }
  }
  ProxyAutoDiscoveryEnable : 1
}
`;

function expectUnconfigured(p: ProxySettings): void {
  expect(p).toEqual({ configured: false, autoDiscovery: false, exceptions: [] });
}

describe("parseScutilProxy: fixtures", () => {
  // toStrictEqual: a proxy that isn't set is absent, not an undefined key.
  it("no proxy: only exceptions, nothing enabled", () => {
    expect(parseScutilProxy(NONE)).toStrictEqual({
      configured: true,
      autoDiscovery: false,
      exceptions: ["*.local", "169.254/16"],
    });
  });

  it("manual HTTP proxy 127.0.0.1:8118, no HTTPS", () => {
    const p = parseScutilProxy(HTTP_8118);
    expect(p.http).toEqual({ host: "127.0.0.1", port: 8118 });
    expect(p.https).toBeUndefined();
    expect(p.socks).toBeUndefined();
    expect(p.pacUrl).toBeUndefined();
    expect(p.exceptions).toEqual(["*.local", "169.254/16"]);
    expect(p.configured).toBe(true);
    expect(p).toStrictEqual({
      configured: true,
      autoDiscovery: false,
      exceptions: ["*.local", "169.254/16"],
      http: { host: "127.0.0.1", port: 8118 },
    });
  });
});

describe("parseScutilProxy: variants without fixtures", () => {
  it("No proxy configuration available", () => {
    expectUnconfigured(parseScutilProxy("No proxy configuration available\n"));
  });

  it("PAC: URL with its colon and port kept, disabled HTTP ignored", () => {
    const p = parseScutilProxy(PAC);
    expect(p.pacUrl).toBe("http://wpad.corp.example.com:8080/proxy.pac");
    expect(p.http).toBeUndefined();
    expect(p.autoDiscovery).toBe(false);
  });

  it("PAC URL without ProxyAutoConfigEnable : 1 is not reported", () => {
    expect(
      parseScutilProxy(PAC.replace("ProxyAutoConfigEnable : 1", "ProxyAutoConfigEnable : 0")).pacUrl,
    ).toBeUndefined();
  });

  it("VPN client: HTTP, HTTPS and SOCKS on one localhost high port", () => {
    const p = parseScutilProxy(VPN_LOCALHOST);
    const local = { host: "127.0.0.1", port: 51732 };
    expect([p.http, p.https, p.socks]).toEqual([local, local, local]);
    expect(p.exceptions).toEqual(["127.0.0.1", "localhost", "*.local", "fe80::/10"]);
  });

  it("HTTPS proxy and WPAD; nested __SCOPED__ dictionaries are skipped", () => {
    const p = parseScutilProxy(HTTPS_SCOPED);
    expect(p.https).toEqual({ host: "proxy.corp.example.com", port: 3128 });
    expect(p.http).toBeUndefined();
    expect(p.autoDiscovery).toBe(true);
    expect(p.exceptions).toEqual(["*.local"]);
  });

  it("enabled proxy without a port or without a host", () => {
    expect(parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : proxy\n}\n").http).toEqual({
      host: "proxy",
    });
    expect(parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPPort : 80\n}\n").http).toBeUndefined();
    expect(parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : p\n  HTTPPort : 99999\n}\n").http).toEqual(
      { host: "p" },
    );
  });

  it("CRLF line endings", () => {
    expect(parseScutilProxy(HTTP_8118.replace(/\n/g, "\r\n")).http).toEqual({ host: "127.0.0.1", port: 8118 });
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [
  " ",
  "\t",
  "\n",
  "\r\n",
  ":",
  " : ",
  "{",
  "}",
  "<array> {",
  "<dictionary> {",
  "Enable : 1",
  "HTTP",
  "\u0000",
  "\uFFFD",
  "é",
  "😀",
];
const HTML =
  "<!DOCTYPE html>\n<html><head><title>Proxy Authentication Required</title></head>\n<body>HTTPProxy : evil</body></html>\n";

describe("parseScutilProxy: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    ["very long spaced line", " : <array> {".repeat(20_000)],
    ["keys without a dictionary", "HTTPEnable : 1\nHTTPProxy : 127.0.0.1\n"],
  ])("%s gives an unconfigured result", (_, text) => {
    expectUnconfigured(parseScutilProxy(text));
  });

  it("non-string input gives an unconfigured result", () => {
    expectUnconfigured(parseScutilProxy(null as unknown as string));
  });

  it("a truncated fixture keeps what came before the cut", () => {
    const p = parseScutilProxy(HTTP_8118.slice(0, Math.floor(HTTP_8118.length / 2)));
    expect(p.configured).toBe(true);
    expect(p.exceptions).toEqual(["*.local", "169.254/16"]);
    expect(p.http).toBeUndefined();
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([NONE, HTTP_8118, PAC, VPN_LOCALHOST, HTTPS_SCOPED], PIECES, 300, 2)) {
      const p = parseScutilProxy(text);
      expect(typeof p.configured).toBe("boolean");
      expect(Array.isArray(p.exceptions)).toBe(true);
    }
  });
});

// Hand-made dictionaries in scutil's shape (not captures): each rule at its edge.
describe("parseScutilProxy: edges", () => {
  const dict = (...lines: string[]) => `<dictionary> {\n${lines.map((l) => `  ${l}`).join("\n")}\n}\n`;

  it("a dictionary with nothing in it is configured, with nothing on", () => {
    expect(parseScutilProxy("<dictionary> {\n}\n")).toEqual({ configured: true, autoDiscovery: false, exceptions: [] });
  });

  it("text before the dictionary and lines after it are ignored", () => {
    const text = `HTTPEnable : 1\nHTTPProxy : before\n${dict("HTTPEnable : 1", "HTTPProxy : inside")}HTTPProxy : after\n`;
    expect(parseScutilProxy(text).http).toEqual({ host: "inside" });
  });

  it("only ExceptionsList at the top level gives exceptions; other arrays and nested lists don't", () => {
    const text = dict(
      "OtherList : <array> {",
      "  0 : not-an-exception",
      "}",
      "ExceptionsList : <array> {",
      "  0 : *.local",
      "  1 : ",
      "  2 : fe80::/10",
      "}",
      "__SCOPED__ : <dictionary> {",
      "  en0 : <dictionary> {",
      "    ExceptionsList : <array> {",
      "      0 : scoped.example",
      "    }",
      "    HTTPEnable : 1",
      "    HTTPProxy : scoped-proxy",
      "  }",
      "}",
    );
    const p = parseScutilProxy(text);
    expect(p.exceptions).toEqual(["*.local", "fe80::/10"]);
    expect(p.http).toBeUndefined();
  });

  it.each([
    ["1", true],
    ["0", false],
    ["yes", false],
  ])("ProxyAutoDiscoveryEnable : %s is %s", (value, on) => {
    expect(parseScutilProxy(dict(`ProxyAutoDiscoveryEnable : ${value}`)).autoDiscovery).toBe(on);
  });

  it.each([
    ["HTTP", "http"],
    ["HTTPS", "https"],
    ["SOCKS", "socks"],
  ] as const)("%s: an endpoint only when enabled, with a port from 1 to 65535", (prefix, key) => {
    const on = (port: string) =>
      parseScutilProxy(dict(`${prefix}Enable : 1`, `${prefix}Port : ${port}`, `${prefix}Proxy : p.example`))[key];
    expect(on("1")).toEqual({ host: "p.example", port: 1 });
    expect(on("65535")).toEqual({ host: "p.example", port: 65535 });
    expect(on("0")).toEqual({ host: "p.example" });
    expect(on("65536")).toEqual({ host: "p.example" });
    expect(on("80x")).toEqual({ host: "p.example" });
    expect(on("123456")).toEqual({ host: "p.example" });
    expect(parseScutilProxy(dict(`${prefix}Enable : 0`, `${prefix}Proxy : p.example`))[key]).toBeUndefined();
    expect(parseScutilProxy(dict(`${prefix}Enable : 1`, `${prefix}Proxy : `))[key]).toBeUndefined();
  });

  it("the PAC URL only when enabled and not empty", () => {
    expect(parseScutilProxy(dict("ProxyAutoConfigEnable : 1", "ProxyAutoConfigURLString : ")).pacUrl).toBeUndefined();
    expect(parseScutilProxy(dict("ProxyAutoConfigEnable : 1")).pacUrl).toBeUndefined();
    expect(
      parseScutilProxy(dict("ProxyAutoConfigEnable : 0", "ProxyAutoConfigURLString : http://w/p.pac")).pacUrl,
    ).toBeUndefined();
    expect(
      parseScutilProxy(dict("ProxyAutoConfigEnable : 1", "ProxyAutoConfigURLString : http://w:80/p.pac")).pacUrl,
    ).toBe("http://w:80/p.pac");
  });

  it("a line without a colon inside the dictionary is skipped", () => {
    expect(parseScutilProxy(dict("junk", "HTTPEnable : 1", "HTTPProxy : p")).http).toEqual({ host: "p" });
  });

  it("a dictionary that is never closed still counts", () => {
    expect(parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : p\n")).toMatchObject({
      configured: true,
      http: { host: "p" },
    });
  });
});

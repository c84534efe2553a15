import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseScutilNcList } from "../../src/core/parse/scutil-nc";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const TAILSCALE_PROTON = fixture("scutil-nc-list-tailscale-protonvpn.txt");

const HEADER = "Available network connection services in the current set (*=enabled):\n";
const WIREGUARD_SINGLE_SPACE =
  HEADER +
  '* (Connected) 3F0E5A2B-1C2D-4E5F-8A9B-0C1D2E3F4A5B VPN (com.wireguard.macos) "wg-home" [VPN:com.wireguard.macos]\n';
const BUILT_IN = `${HEADER}  (Disconnected)   9B1A4C2E-0D3F-4A5B-8C7D-6E5F4A3B2C1D IPSec              "Office"                         [IPSec]
* (Connecting)     1A2B3C4D-5E6F-4789-8ABC-DEF012345678 PPP (L2TP)         "L2TP VPN"                       [PPP:L2TP]
* (Invalid)        ABCDEF01-2345-4678-9ABC-DEF012345678 IPSec              "Broken"                         [IPSec]
* (Disconnecting)  00000000-1111-4222-8333-444444444444 VPN (com.cisco.anyconnect) "Bob's "work" VPN"       [VPN:com.cisco.anyconnect]
* (Paused)         55555555-6666-4777-8888-999999999999 VPN (x.y)          "Odd"                            [VPN:x.y]
`;

describe("parseScutilNcList: fixture", () => {
  it("reads Tailscale (Connected) and ProtonVPN (Disconnected) across padded columns", () => {
    expect(parseScutilNcList(TAILSCALE_PROTON)).toEqual([
      {
        enabled: true,
        status: "Connected",
        id: "07CD635E-71A1-4229-9C2F-B485A7702C9A",
        interfaceName: "VPN (io.tailscale.ipn.macsys)",
        name: "Tailscale",
        type: "VPN",
        subtype: "io.tailscale.ipn.macsys",
      },
      {
        enabled: true,
        status: "Disconnected",
        id: "2C5C591F-B2EB-4ADD-8A69-04109E8ABCA1",
        interfaceName: "VPN (ch.protonvpn.mac)",
        name: "ProtonVPN",
        type: "VPN",
        subtype: "ch.protonvpn.mac",
      },
    ]);
  });
});

describe("parseScutilNcList: variants without fixtures", () => {
  it("header only is an empty list", () => {
    expect(parseScutilNcList(HEADER)).toEqual([]);
  });

  it("WireGuard row with single spaces", () => {
    expect(parseScutilNcList(WIREGUARD_SINGLE_SPACE)).toEqual([
      {
        enabled: true,
        status: "Connected",
        id: "3F0E5A2B-1C2D-4E5F-8A9B-0C1D2E3F4A5B",
        interfaceName: "VPN (com.wireguard.macos)",
        name: "wg-home",
        type: "VPN",
        subtype: "com.wireguard.macos",
      },
    ]);
  });

  it("disabled IPSec, PPP (L2TP), Invalid, names with quotes, unknown status", () => {
    const list = parseScutilNcList(BUILT_IN);
    expect(list.map((s) => [s.enabled, s.status, s.interfaceName, s.name, s.type, s.subtype])).toEqual([
      [false, "Disconnected", "IPSec", "Office", "IPSec", undefined],
      [true, "Connecting", "PPP (L2TP)", "L2TP VPN", "PPP", "L2TP"],
      [true, "Invalid", "IPSec", "Broken", "IPSec", undefined],
      [true, "Disconnecting", "VPN (com.cisco.anyconnect)", 'Bob\'s "work" VPN', "VPN", "com.cisco.anyconnect"],
      [true, "Unknown", "VPN (x.y)", "Odd", "VPN", "x.y"],
    ]);
    expect(list[0]).not.toHaveProperty("subtype");
  });

  it("CRLF line endings and trailing spaces", () => {
    const list = parseScutilNcList(TAILSCALE_PROTON.replace(/\n/g, "   \r\n"));
    expect(list.map((s) => s.name)).toEqual(["Tailscale", "ProtonVPN"]);
  });

  it("empty quoted name and missing interface name", () => {
    const list = parseScutilNcList('* (Connected) 3F0E5A2B "" [VPN]\n* (Connected) 3F0E5A2B "n" [VPN]\n');
    expect(list.map((s) => [s.interfaceName, s.name, s.type])).toEqual([
      ["", "", "VPN"],
      ["", "n", "VPN"],
    ]);
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [
  " ",
  "\t",
  "\n",
  "\r\n",
  ":",
  "(",
  ")",
  "[",
  "]",
  '"',
  "* (Connected) ",
  "  (",
  "\u0000",
  "\uFFFD",
  "é",
  "😀",
];
const HTML = '<!DOCTYPE html>\n<html><body><p>* (Connected) "x" [VPN]</p></body></html>\n';

describe("parseScutilNcList: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    // These shapes made the one-line REFERENCE regex backtrack cubically.
    ["very long row-like line", "* (Connected) X " + '  "  [  '.repeat(25_000)],
    ["very long quote run", "* (Connected) X " + ' " ['.repeat(50_000) + "]"],
    ["no interface and no quotes", "* (Connected) X [VPN]\n"],
  ])("%s gives an empty list", (_, text) => {
    expect(parseScutilNcList(text)).toEqual([]);
  });

  it("non-string input gives an empty list", () => {
    expect(parseScutilNcList(undefined as unknown as string)).toEqual([]);
  });

  it("a truncated fixture keeps only complete rows", () => {
    const list = parseScutilNcList(TAILSCALE_PROTON.slice(0, Math.floor(TAILSCALE_PROTON.length / 2)));
    expect(list.length).toBeLessThanOrEqual(1);
    expect(parseScutilNcList(TAILSCALE_PROTON.slice(0, TAILSCALE_PROTON.length - 10))).toHaveLength(1);
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([TAILSCALE_PROTON, WIREGUARD_SINGLE_SPACE, BUILT_IN], PIECES, 300, 3)) {
      expect(Array.isArray(parseScutilNcList(text))).toBe(true);
    }
  });
});

// Hand-made rows in the fixture's shape (not captures): each step of the row grammar at its edge.
describe("parseScutilNcList: the row grammar", () => {
  const ID = "07CD635E-71A1-4229-9C2F-B485A7702C9A";
  const row = (
    status = "Connected",
    tail = `VPN (io.tailscale.ipn.macsys) "Tailscale"  [VPN:io.tailscale.ipn.macsys]`,
  ) => `* (${status})      ${ID} ${tail}`;

  it.each([
    ["Connected", "Connected"],
    ["Disconnected", "Disconnected"],
    ["Connecting", "Connecting"],
    ["Disconnecting", "Disconnecting"],
    ["Invalid", "Invalid"],
    ["Paused", "Unknown"],
    ["connected", "Unknown"],
  ])("status (%s) reads %s", (word, status) => {
    expect(parseScutilNcList(row(word))[0].status).toBe(status);
  });

  it("enabled by the star, disabled by a space", () => {
    expect(parseScutilNcList(row())[0].enabled).toBe(true);
    expect(parseScutilNcList(` ${row().slice(1)}`)[0].enabled).toBe(false);
  });

  it.each([
    ["[IPSec]", { type: "IPSec" }],
    ["[ PPP : L2TP ]", { type: "PPP", subtype: "L2TP" }],
    ["[VPN:]", { type: "VPN" }],
    ["[VPN:a:b]", { type: "VPN", subtype: "a:b" }],
  ])("the bracket %s", (bracket, expected) => {
    const s = parseScutilNcList(row("Connected", `IPSec "Office" ${bracket}`))[0];
    expect({ type: s.type, ...(s.subtype !== undefined ? { subtype: s.subtype } : {}) }).toEqual(expected);
    if (!("subtype" in expected)) expect(s).not.toHaveProperty("subtype");
  });

  it.each([
    ["no bracket at the end", `IPSec "Office"`],
    ["an empty type", `IPSec "Office" [:x]`],
    ["a bracket holding a bracket", `IPSec "Office" [a]b]`],
    ["no closing quote before the bracket", `IPSec "Office [IPSec]`],
    ["no quote that starts a word", `IPSec x"Office" [IPSec]`],
    ["no opening bracket", `IPSec "Office" IPSec]`],
    ["no opening bracket, right after the name", `IPSec "Office"]`],
    ["a lone quote, no name", `IPSec " [IPSec]`],
  ])("%s is no row", (_name, tail) => {
    expect(parseScutilNcList(row("Connected", tail))).toEqual([]);
  });

  it.each([
    ["no space after the star", `*(Connected) ${ID} IPSec "Office" [IPSec]`],
    ["something else than a star or space", `+ (Connected) ${ID} IPSec "Office" [IPSec]`],
    ["a status that isn't a word", `* (Not Connected) ${ID} IPSec "Office" [IPSec]`],
    ["an indented row", `  * (Connected) ${ID} IPSec "Office" [IPSec]`],
  ])("%s is no row", (_name, line) => {
    expect(parseScutilNcList(line)).toEqual([]);
  });

  it("the name runs from the first quote that starts a word to the last, so quotes inside survive", () => {
    const s = parseScutilNcList(row("Connected", `PPP (L2TP) "Jane's "work" VPN"   [PPP:L2TP]  `))[0];
    expect(s).toMatchObject({ id: ID, interfaceName: "PPP (L2TP)", name: 'Jane\'s "work" VPN', type: "PPP" });
  });

  it("a name at the start of the rest has no interface name", () => {
    expect(parseScutilNcList(row("Connected", `"Office" [IPSec]`))[0]).toMatchObject({
      interfaceName: "",
      name: "Office",
    });
  });
});

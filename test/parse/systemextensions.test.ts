import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowAdvice, filterProduct, parseSystemExtensions } from "../../src/core/parse/systemextensions";
import { fuzzSeed } from "../support/fuzz-seed";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("parseSystemExtensions (systemextensionsctl list)", () => {
  it("LuLu's author's output (LuLu#331): one active network extension", () => {
    expect(parseSystemExtensions(fixture("systemextensionsctl-list-lulu.txt"))).toEqual([
      {
        category: "com.apple.system_extension.network_extension",
        teamId: "VBG97UB4TA",
        bundleId: "com.objective-see.lulu.extension",
        version: "2.3.0/2.3.0",
        name: "Extension",
        state: "activated enabled",
        active: true,
      },
    ]);
  });

  it("the newer row without star columns, waiting for approval (LuLu#901): not active", () => {
    expect(parseSystemExtensions(fixture("systemextensionsctl-list-lulu-waiting.txt"))).toMatchObject([
      { teamId: "VBG97UB4TA", bundleId: "com.objective-see.lulu.extension", name: "LuLu", active: false },
    ]);
  });

  it("never throws; the header and count lines are no extension", () => {
    expect(parseSystemExtensions(undefined as unknown as string)).toEqual([]);
    expect(
      parseSystemExtensions("0 extension(s)\nenabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"),
    ).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (t) => {
        for (const e of parseSystemExtensions(t)) if (!/^[\w.-]+$/.test(e.bundleId)) throw new Error(e.bundleId);
      }),
      { numRuns: 300, seed: fuzzSeed() },
    );
  });

  it("reads a long input in linear time", () => {
    const start = performance.now();
    parseSystemExtensions("a.b (".repeat(50_000) + "\n" + "x".repeat(200_000));
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("filterProduct", () => {
  it.each([
    ["com.objective-see.lulu.extension", "LuLu"],
    ["at.obdev.littlesnitch.networkextension", "Little Snitch"],
    ["com.zscaler.zscaler.zstunnel", "Zscaler"],
    ["com.objective-seefake", undefined],
    ["io.tailscale.ipn.macsys.network-extension", undefined],
  ])("%s is %s", (id, product) => expect(filterProduct(id)?.product).toBe(product));
});

describe("parseSystemExtensions: rows and headers (hand-made variants of the LuLu rows)", () => {
  const row = "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.3.0/2.3.0)\tExtension\t[activated enabled]";

  it("a row before any category header has no category; each header names the rows after it", () => {
    const text = `${row}\n--- com.apple.system_extension.endpoint_security\n${row.replace("lulu", "blockblock")}\n`;
    const list = parseSystemExtensions(text);
    expect(list.map((e) => [e.category, e.bundleId])).toEqual([
      [undefined, "com.objective-see.lulu.extension"],
      ["com.apple.system_extension.endpoint_security", "com.objective-see.blockblock.extension"],
    ]);
    expect(Object.keys(list[0])).not.toContain("category");
  });

  it("CRLF, surrounding spaces and a row without team, version text or name", () => {
    const list = parseSystemExtensions(
      `  ${row}  \r\n*\t*\tcom.example.filter ()\t[terminated waiting to uninstall on reboot]\r\n`,
    );
    expect(list[0]).toMatchObject({ teamId: "VBG97UB4TA", name: "Extension", active: true });
    expect(list[1]).toEqual({
      bundleId: "com.example.filter",
      state: "terminated waiting to uninstall on reboot",
      active: false,
    });
  });

  it.each([
    ["[activated disabled]", false],
    ["[deactivated enabled]", false],
    ["[activated enabled]", true],
    ["[ activated enabled ]", true],
  ])("state %s: active is %s", (state, active) => {
    expect(parseSystemExtensions(row.replace("[activated enabled]", state))[0]).toMatchObject({ active });
  });

  it.each([
    ["no bracketed state", row.replace("\t[activated enabled]", "")],
    ["a bundle ID without a dot", row.replace("com.objective-see.lulu.extension", "lulu")],
    ["no version in parentheses", row.replace(" (2.3.0/2.3.0)", "")],
    ["an empty state", row.replace("[activated enabled]", "[]")],
    ["text after the state", `${row} trailing`],
    ["a line over 1,000 characters", `${row.replace("Extension", "E".repeat(1000))}`],
  ])("%s is no row", (_name, line) => {
    expect(parseSystemExtensions(line)).toEqual([]);
  });

  it("a team ID is ten capitals or digits, else it is not read as one", () => {
    const [e] = parseSystemExtensions(row.replace("VBG97UB4TA", "vbg97ub4ta"));
    expect(e?.teamId).toBeUndefined();
  });

  it("a long name is cut at 80 characters", () => {
    const [e] = parseSystemExtensions(row.replace("Extension", "N".repeat(120)));
    expect(e.name).toBe("N".repeat(80));
  });

  it("a header line must hold a category name", () => {
    expect(parseSystemExtensions(`---\n${row}`)[0].category).toBeUndefined();
    expect(parseSystemExtensions(`--- \t com.apple.x more\n${row}`)[0].category).toBe("com.apple.x");
  });
});

describe("filterProduct: every product a network filter can belong to", () => {
  // Hand-made bundle IDs: each product's prefix plus one component, as their extensions are named.
  it.each([
    ["com.objective-see.lulu.extension", "LuLu", "firewall"],
    ["at.obdev.littlesnitch.networkextension", "Little Snitch", "firewall"],
    ["com.radiosilenceapp.nke", "Radio Silence", "firewall"],
    ["com.murusfirewall.filter", "Murus", "firewall"],
    ["com.zscaler.zscaler.zstunnel", "Zscaler", "gateway"],
    ["com.netskope.client.proxy", "Netskope", "gateway"],
    ["com.paloaltonetworks.globalprotect.client.extension", "GlobalProtect", "gateway"],
    ["com.cisco.anyconnect.macos.acsockext", "Cisco AnyConnect", "gateway"],
    ["com.cisco.secureclient.extension", "Cisco Secure Client", "gateway"],
    ["com.cloudflare.1dot1dot1dot1.macos.tunnel", "Cloudflare WARP", "gateway"],
    ["com.adguard.mac.adguard.network-extension", "AdGuard", "security"],
    ["com.sophos.endpoint.networkextension", "Sophos", "security"],
    ["com.eset.network", "ESET", "security"],
    ["com.bitdefender.networkextension", "Bitdefender", "security"],
    ["com.avast.networkextension", "Avast", "security"],
    ["com.avg.networkextension", "AVG", "security"],
    ["com.malwarebytes.mbam.networkextension", "Malwarebytes", "security"],
    ["com.mcafee.cmf.networkextension", "McAfee", "security"],
    ["com.fortinet.forticlient.macos.vpn.nwextension", "FortiClient", "gateway"],
    ["com.checkpoint.eps.networkextension", "Check Point", "gateway"],
  ])("%s is %s (%s)", (id, product, kind) => {
    expect(filterProduct(id)).toEqual({ product, kind });
    expect(filterProduct(id.toUpperCase())).toEqual({ product, kind });
  });

  it("the prefix alone matches; a longer word that starts with it does not", () => {
    expect(filterProduct("com.eset")).toEqual({ product: "ESET", kind: "security" });
    expect(filterProduct("com.esetfake.x")).toBeUndefined();
  });

  it.each([
    ["firewall", "allow akd and accountsd (and apsd for push) in LuLu's rules"],
    ["gateway", "ask IT to exempt Apple's sign-in hosts from LuLu's inspection and blocking"],
    ["security", "turn off LuLu's web protection for a test, or exclude Apple's sign-in hosts"],
  ] as const)("advice for a %s", (kind, advice) => {
    expect(allowAdvice({ product: "LuLu", kind })).toBe(advice);
  });
});

describe("parseSystemExtensions: two categories (google/santa#1092, macOS 13.3.1)", () => {
  it("each row under its own category; a row with empty star columns is read; only activated enabled is active", () => {
    expect(parseSystemExtensions(fixture("systemextensionsctl-list-santa-lulu-13.3.1.txt"))).toEqual([
      {
        category: "com.apple.system_extension.network_extension",
        teamId: "VBG97UB4TA",
        bundleId: "com.objective-see.lulu.extension",
        version: "2.4.2/2.4.2",
        name: "Extension",
        state: "activated enabled",
        active: true,
      },
      {
        category: "com.apple.system_extension.endpoint_security",
        teamId: "EQHXZ8M8AV",
        bundleId: "com.google.santa.daemon",
        version: "2023.4/2023.4.527579445",
        name: "santad",
        state: "terminated waiting to uninstall on reboot",
        active: false,
      },
      {
        category: "com.apple.system_extension.endpoint_security",
        teamId: "EQHXZ8M8AV",
        bundleId: "com.google.santa.daemon",
        version: "2023.4/2023.4.527579445",
        name: "santad",
        state: "activated enabled",
        active: true,
      },
    ]);
  });
});

describe("parseSystemExtensions: pasted output and bounds", () => {
  it("the LuLu#901 row with runs of spaces between its columns reads the same", () => {
    const waiting = fixture("systemextensionsctl-list-lulu-waiting.txt");
    const spaced = waiting.replace(/ (?=[^[]*\[)/g, "   "); // between the columns, not inside the state
    expect(parseSystemExtensions(spaced)).toEqual(parseSystemExtensions(waiting));
    expect(parseSystemExtensions(spaced)).toEqual([
      {
        teamId: "VBG97UB4TA",
        bundleId: "com.objective-see.lulu.extension",
        version: "4.4.0/4.4.0",
        name: "LuLu",
        state: "activated waiting for user",
        active: false,
      },
    ]);
  });

  it("the santa#1092 listing indented in a Markdown code block keeps its categories", () => {
    const text = fixture("systemextensionsctl-list-santa-lulu-13.3.1.txt");
    const indented = text.replace(/^(?=.)/gm, "    ");
    expect(parseSystemExtensions(indented)).toEqual(parseSystemExtensions(text));
    expect(parseSystemExtensions(indented).map((e) => [e.category, e.bundleId, e.active])).toEqual([
      ["com.apple.system_extension.network_extension", "com.objective-see.lulu.extension", true],
      ["com.apple.system_extension.endpoint_security", "com.google.santa.daemon", false],
      ["com.apple.system_extension.endpoint_security", "com.google.santa.daemon", true],
    ]);
  });

  const row = "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.3.0/2.3.0)\tExtension\t[activated enabled]";

  it("the state is trimmed inside its brackets; text glued after them is no row", () => {
    expect(parseSystemExtensions(row.replace("[activated enabled]", "[ activated enabled ]"))[0].state).toBe(
      "activated enabled",
    );
    expect(parseSystemExtensions(`${row}x`)).toEqual([]);
  });

  it("a name holding '---' is a row, not a category header", () => {
    const list = parseSystemExtensions(
      `--- com.apple.system_extension.network_extension\n${row.replace("Extension", "My --- Filter")}`,
    );
    expect(list).toMatchObject([{ category: "com.apple.system_extension.network_extension", name: "My --- Filter" }]);
  });

  it("a line of 1,000 characters is read; only the first 500 KB of the output", () => {
    const exactly = row.replace("Extension", "E".repeat(1000 - row.length + "Extension".length));
    expect(exactly).toHaveLength(1000);
    expect(parseSystemExtensions(exactly)).toHaveLength(1);
    const filler = `${"#".repeat(99)}\n`.repeat(5100);
    expect(parseSystemExtensions(`${filler}${row}\n`)).toEqual([]);
    expect(parseSystemExtensions(`${row}\n${filler}`)).toHaveLength(1);
  });
});

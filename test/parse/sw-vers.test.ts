import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { isVirtualMac, parseHvVmmPresent, parseHwModel, parseSwVers } from "../../src/core/parse/sw-vers";
import { BINARY, junk } from "../support/junk";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const SEQUOIA = fixture("sw_vers-15.7.4.txt");
const CATALINA = fixture("sw_vers-10.15.7.txt");

describe("parseSwVers: fixtures", () => {
  it("15.7.4, two tabs after each colon", () => {
    expect(parseSwVers(SEQUOIA)).toEqual({
      productName: "macOS",
      productVersion: "15.7.4",
      buildVersion: "24G517",
      major: 15,
      minor: 7,
      patch: 4,
      marketingName: "Sequoia",
    });
  });

  it("10.15.7, Mac OS X, one tab", () => {
    expect(parseSwVers(CATALINA)).toEqual({
      productName: "Mac OS X",
      productVersion: "10.15.7",
      buildVersion: "19H1417",
      major: 10,
      minor: 15,
      patch: 7,
      marketingName: "Catalina",
    });
  });
});

describe("parseSwVers: variants without fixtures", () => {
  it("11 and 12: macOS with one tab", () => {
    expect(parseSwVers("ProductName:\tmacOS\nProductVersion:\t11.7.10\nBuildVersion:\t20G1427\n")).toMatchObject({
      productName: "macOS",
      major: 11,
      minor: 7,
      patch: 10,
      buildVersion: "20G1427",
      marketingName: "Big Sur",
    });
    expect(parseSwVers("ProductName:\tmacOS\nProductVersion:\t12.7.6\nBuildVersion:\t21H1320\n")?.marketingName).toBe(
      "Monterey",
    );
  });

  it("13 with ProductVersionExtra (Rapid Security Response)", () => {
    const v = parseSwVers(
      "ProductName:\t\tmacOS\nProductVersion:\t\t13.4.1\nProductVersionExtra:\t(a)\nBuildVersion:\t\t22F770820d\n",
    );
    expect(v).toEqual({
      productName: "macOS",
      productVersion: "13.4.1",
      productVersionExtra: "(a)",
      buildVersion: "22F770820d",
      major: 13,
      minor: 4,
      patch: 1,
      marketingName: "Ventura",
    });
  });

  it("26.3 with two components and build 25D125", () => {
    expect(parseSwVers("ProductName:\t\tmacOS\nProductVersion:\t\t26.3\nBuildVersion:\t\t25D125\n")).toEqual({
      productName: "macOS",
      productVersion: "26.3",
      buildVersion: "25D125",
      major: 26,
      minor: 3,
      patch: 0,
      marketingName: "Tahoe",
    });
  });

  it("beta build, one-component version, single space and CRLF", () => {
    expect(parseSwVers("ProductName:\t\tmacOS\nProductVersion:\t\t15.0\nBuildVersion:\t\t24A5331b\n")).toMatchObject({
      buildVersion: "24A5331b",
      major: 15,
      minor: 0,
    });
    expect(parseSwVers("ProductName: macOS\r\nProductVersion: 14\r\nBuildVersion: 23A344\r\n")).toMatchObject({
      productVersion: "14",
      major: 14,
      minor: 0,
      patch: 0,
      marketingName: "Sonoma",
    });
    expect(
      parseSwVers("ProductName:\tMac OS X\nProductVersion:\t10.14.6\nBuildVersion:\t18G103\n")?.marketingName,
    ).toBe("Mojave");
  });

  it("an unknown future major has no marketing name", () => {
    const v = parseSwVers("ProductName:\t\tmacOS\nProductVersion:\t\t27.0\nBuildVersion:\t\t26A100\n");
    expect(v?.major).toBe(27);
    expect(v).not.toHaveProperty("marketingName");
  });
});

describe("parseHwModel and isVirtualMac", () => {
  it.each(["MacBookPro18,2", "Mac16,8", "Mac14,10", "Macmini8,1", "VirtualMac2,1", "VMware7,1", "iMac21,1"])(
    "accepts %s",
    (model) => {
      expect(parseHwModel(`${model}\n`)).toBe(model);
    },
  );

  it("tolerates `sysctl hw.model` without -n", () => {
    expect(parseHwModel("hw.model: Mac16,8\n")).toBe("Mac16,8");
  });

  it.each([
    ["empty", ""],
    ["whitespace", " \n\t "],
    ["two lines", "MacBookPro18,2\nMac16,8\n"],
    ["HTML", "<html><body>MacBookPro18,2</body></html>"],
    ["error text", "sysctl: unknown oid 'hw.model'"],
    ["very long", "A".repeat(100_000)],
    ["binary", "\u0000\u0001Mac\u00ff"],
  ])("rejects %s", (_, text) => {
    expect(parseHwModel(text)).toBeUndefined();
  });

  it("flags virtual machines only", () => {
    expect(isVirtualMac("VirtualMac2,1")).toBe(true);
    expect(isVirtualMac("VMware7,1")).toBe(true);
    expect(isVirtualMac("Parallels-ARM")).toBe(true);
    expect(isVirtualMac("MacBookPro18,2")).toBe(false);
    expect(isVirtualMac("")).toBe(false);
    expect(isVirtualMac(undefined as unknown as string)).toBe(false);
  });
});

// Deterministic junk: a tiny LCG so any failure reproduces.
const PIECES = [" ", "\t", "\n", "\r\n", ":", ".", ",", "1", "26", "ProductVersion:", "\u0000", "\uFFFD", "é", "😀"];
const HTML = "<!DOCTYPE html>\n<html><head><title>Error</title></head>\n<body>ProductVersion: unknown</body></html>\n";

describe("parseSwVers: bad data", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\n   \r\n"],
    ["binary junk", BINARY],
    ["HTML page", HTML],
    ["very long line", "x".repeat(200_000)],
    ["very long spaced line", "ProductVersion:" + " x ".repeat(100_000)],
    ["truncated fixture", SEQUOIA.slice(0, Math.floor(SEQUOIA.length / 2))],
    ["garbage version", "ProductName:\tmacOS\nProductVersion:\t15.x\n"],
  ])("%s gives undefined", (_, text) => {
    expect(parseSwVers(text)).toBeUndefined();
  });

  it("non-string input gives undefined", () => {
    expect(parseSwVers(undefined as unknown as string)).toBeUndefined();
    expect(parseHwModel(null as unknown as string)).toBeUndefined();
  });

  it("300 random strings and fixture mutations never throw", () => {
    for (const text of junk([SEQUOIA, CATALINA, "Mac16,8\n", "VirtualMac2,1\n"], PIECES, 300, 5)) {
      const v = parseSwVers(text);
      if (v) expect(Number.isInteger(v.major)).toBe(true);
      const model = parseHwModel(text);
      expect(typeof isVirtualMac(model ?? text)).toBe("boolean");
    }
  });
});

// Hand-made lines in the sw_vers shape (not captures): each rule at its edge.
describe("parseSwVers: fields", () => {
  const three = (version: string) => `ProductName:\tmacOS\nProductVersion:\t${version}\nBuildVersion:\t24G517\n`;

  it.each([
    ["15", 15, 0, 0],
    ["15.7", 15, 7, 0],
    ["15.7.4", 15, 7, 4],
    ["999.999.999", 999, 999, 999],
  ])("version %s reads %i.%i.%i", (version, major, minor, patch) => {
    expect(parseSwVers(three(version))).toMatchObject({ productVersion: version, major, minor, patch });
  });

  it.each(["1000", "15.7.4.1", "15..4", "v15.7", " 15.7x", "15.1000"])("version %j is no version", (version) => {
    expect(parseSwVers(three(version))).toBeUndefined();
  });

  it("the first of a repeated key wins; keys are words of up to 40 characters; a line without a key is skipped", () => {
    const text = `ProductVersion:\t14.1\nProductVersion:\t15.0\n: 13.0\nProduct Version: 12.0\n${"K".repeat(41)}: x\n`;
    expect(parseSwVers(text)).toMatchObject({ productVersion: "14.1", productName: "", buildVersion: "" });
  });

  it("the value keeps what follows the first colon", () => {
    expect(parseSwVers("ProductVersion: 15.1\nBuildVersion:  24B:83 \n")?.buildVersion).toBe("24B:83");
  });

  it("names the release from the table; an empty extra is left out", () => {
    const v = parseSwVers(`${three("15.7.4")}ProductVersionExtra:\t\n`);
    expect(v).toMatchObject({ marketingName: "Sequoia" });
    expect(v).not.toHaveProperty("productVersionExtra");
    expect(parseSwVers(three("10.14.6"))?.marketingName).toBe("Mojave");
  });
});

describe("parseHwModel and parseHvVmmPresent: edges", () => {
  it.each([
    ["Mac16,8", "Mac16,8"],
    ["  iMac21,1  ", "iMac21,1"],
    ["hw.model:Mac16,8", "Mac16,8"],
    ["Parallels-ARM", "Parallels-ARM"],
    ["A", "A"],
    [`A${"b".repeat(40)}`, `A${"b".repeat(40)}`],
    [`A${"b".repeat(41)}`, undefined],
    ["1Mac16,8", undefined],
    ["Mac16,", undefined],
    ["Mac,8", undefined],
    ["Mac16,8 x", undefined],
    ["x hw.model: Mac16,8", undefined],
  ])("%j is %s", (text, model) => {
    expect(parseHwModel(text)).toBe(model);
  });

  it.each([
    ["1\n", true],
    ["0", false],
    ["kern.hv_vmm_present: 1", true],
    ["kern.hv_vmm_present:0", false],
    ["2", undefined],
    ["", undefined],
    ["x kern.hv_vmm_present: 1", undefined],
    [undefined, undefined],
  ])("kern.hv_vmm_present %j is %s", (text, vm) => {
    expect(parseHvVmmPresent(text as string)).toBe(vm);
  });

  it("a virtual machine's name is matched at the start, whatever its case", () => {
    expect(isVirtualMac(" virtualmac2,1")).toBe(true);
    expect(isVirtualMac("parallels")).toBe(true);
    expect(isVirtualMac("MacVirtualMac")).toBe(false);
  });
});

describe("parseSwVers: pasted", () => {
  it("the 15.7.4 capture indented in a Markdown code block, spaces before the colons, reads the same", () => {
    const pasted = SEQUOIA.replace(/^(\w+):/gm, "    $1 :");
    expect(pasted).toContain("    ProductVersion :\t\t15.7.4");
    expect(parseSwVers(pasted)).toEqual(parseSwVers(SEQUOIA));
    expect(parseSwVers(pasted)).toMatchObject({
      productName: "macOS",
      productVersion: "15.7.4",
      buildVersion: "24G517",
    });
  });
});

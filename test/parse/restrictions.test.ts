import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDefaultsBool, parseEnrollment } from "../../src/core/parse/restrictions";
import { fuzzSeed } from "../support/fuzz-seed";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("parseEnrollment (profiles status -type enrollment)", () => {
  it("an enrolled Mac (fleetdm/fleet's quoted output): user approved, the server's host", () => {
    expect(parseEnrollment(fixture("profiles-status-enrollment-user-approved.txt"))).toEqual({
      dep: false,
      enrolled: true,
      userApproved: true,
      serverHost: "test.example.com",
    });
  });

  it("not enrolled: no server line", () => {
    expect(parseEnrollment(fixture("profiles-status-enrollment-none.txt"))).toEqual({ dep: false, enrolled: false });
  });

  it("junk, CRLF and a server that is no URL", () => {
    expect(parseEnrollment(undefined as unknown as string)).toEqual({});
    expect(parseEnrollment("Enrolled via DEP: Yes\r\nMDM enrollment: Yes\r\nMDM server: not a url\r\n")).toEqual({
      dep: true,
      enrolled: true,
      userApproved: false,
    });
  });

  it("never throws; a server host is only host-name characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant("MDM server: https://\u001b[31m.example/")), (t) => {
        const e = parseEnrollment(t);
        if (e.serverHost !== undefined && !/^[a-z0-9.-]+$/.test(e.serverHost)) throw new Error(e.serverHost);
      }),
      { numRuns: 300, seed: fuzzSeed() },
    );
  });
});

describe("parseDefaultsBool", () => {
  it.each([
    ["0\n", false],
    ["1\n", true],
    ["true", true],
    ["NO", false],
    ["", undefined],
    ["(\n)", undefined],
  ])("%j is %s", (text, value) => expect(parseDefaultsBool(text)).toBe(value));
});

// Hand-made variants of the fleetdm/fleet lines (not captures).
describe("parseEnrollment: each line on its own", () => {
  it.each([
    ["Enrolled via DEP: Yes", { dep: true }],
    ["enrolled via dep:no", { dep: false }],
    ["  Enrolled via DEP:   YES  ", { dep: true }],
    ["Enrolled via DEP: Maybe", {}],
    ["Enrolled via DEP: Yesterday", {}],
    ["Not Enrolled via DEP: Yes", {}],
    ["MDM enrollment: Yes", { enrolled: true, userApproved: false }],
    ["MDM enrollment: Yes (User Approved)", { enrolled: true, userApproved: true }],
    ["MDM enrollment: yes (user approved)", { enrolled: true, userApproved: true }],
    ["MDM enrollment: No (User Approved)", { enrolled: false }],
    ["MDM enrollment: Nope", {}],
    ["The MDM enrollment: Yes", {}],
    ["MDM server: https://MDM.Example.com:8443/mdm", { serverHost: "mdm.example.com" }],
    ["MDM server:https://a.example/x y", { serverHost: "a.example" }],
    ["MDM server: https://[::1]/mdm", {}],
    ["MDM server: https://_mdm.example/", {}],
    ["MDM server: https://mdm.example_/", {}],
    ["MDM enrollment:Yes", { enrolled: true, userApproved: false }],
    ["MDM server: ", {}],
    ["An MDM server: https://a.example/", {}],
  ])("%j reads %j", (line, enrollment) => {
    expect(parseEnrollment(`${line}\n`)).toEqual(enrollment);
  });

  it("reads the first 100,000 characters only", () => {
    expect(parseEnrollment(`${" ".repeat(99_970)}\nEnrolled via DEP: Yes\n`)).toEqual({ dep: true });
    expect(parseEnrollment(`${" ".repeat(100_000)}\nEnrolled via DEP: Yes\n`)).toEqual({});
  });
});

describe("parseDefaultsBool: every spelling", () => {
  it.each([
    [" 1 ", true],
    ["TRUE\n", true],
    ["yes", true],
    ["Yes", true],
    ["0", false],
    ["False", false],
    ["no\n", false],
    ["2", undefined],
    ["10", undefined],
    [undefined, undefined],
    [null, undefined],
  ])("%j is %s", (text, value) => expect(parseDefaultsBool(text as string)).toBe(value));
});

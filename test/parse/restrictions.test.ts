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

import { describe, expect, it } from "vitest";
import { parseSntp } from "../../src/core/parse/sntp";

// parseSntp at its edges (hand-made lines in the shape of test/fixtures/sntp-*.txt;
// the real captures are read in test/core/clock.test.ts).

describe("parseSntp", () => {
  it.each([
    ["nothing", ""],
    ["only blanks", " \n\t\r\n"],
    ["not text", undefined],
  ])("%s: sntp printed nothing", (_name, text) => {
    expect(parseSntp(text as string)).toEqual({ ok: false, reason: "sntp printed nothing" });
  });

  it("the last measurement wins, CRLF or not", () => {
    const text = "+1.0 +/- 0.1 a.example 10.0.0.1\r\n-2.5 +/- 0.2 b.example 10.0.0.2\r\n";
    expect(parseSntp(text)).toEqual({
      ok: true,
      result: { offsetSeconds: -2.5, errorSeconds: 0.2, server: "b.example", address: "10.0.0.2" },
    });
  });

  it("a measurement line later than a failure line wins over it", () => {
    expect(parseSntp("sntp: Exchange failed: Timeout\n+0.5 +/- 0.1 time.apple.com 17.253.60.45\n")).toMatchObject({
      ok: true,
      result: { offsetSeconds: 0.5 },
    });
  });

  it("without error, server or address: only the offset", () => {
    expect(parseSntp("  +0.25 +/-  \n")).toEqual({
      ok: true,
      result: { offsetSeconds: 0.25, errorSeconds: undefined, server: undefined, address: undefined },
    });
    expect(parseSntp("+0.25 +/- x time.apple.com\n")).toMatchObject({
      ok: true,
      result: { errorSeconds: undefined, server: "time.apple.com" },
    });
  });

  it.each([
    ["no number before +/-", " +/- 0.1 time.apple.com 1.2.3.4"],
    ["a word before +/-", "offset +/- 0.1 time.apple.com"],
  ])("%s: the offset isn't a number", (_name, line) => {
    expect(parseSntp(`${line}\n`)).toEqual({ ok: false, reason: "sntp's offset isn't a number" });
  });

  it("+/- without spaces around it is no measurement", () => {
    expect(parseSntp("+0.1+/-0.2 x\n")).toEqual({ ok: false, reason: "no measurement in sntp's output" });
  });

  it("the first sntp: line says why, indented or not; other lines are no reason", () => {
    expect(parseSntp("[message repeats 4 times]\n  sntp: Clock select failed\nsntp: later\n")).toEqual({
      ok: false,
      reason: "Clock select failed",
    });
    expect(parseSntp("xsntp: not a reason\n")).toEqual({ ok: false, reason: "no measurement in sntp's output" });
    expect(parseSntp("sntp:no space\n")).toEqual({ ok: false, reason: "no measurement in sntp's output" });
  });
});

describe("parseSntp: spacing", () => {
  it("runs of spaces between the fields (a pasted transcript) read like single ones", () => {
    expect(parseSntp("+0.171773   +/-  0.105399\ttime.apple.com  17.253.60.45\n")).toEqual({
      ok: true,
      result: { offsetSeconds: 0.171773, errorSeconds: 0.105399, server: "time.apple.com", address: "17.253.60.45" },
    });
  });
});

import { describe, expect, it } from "vitest";
import { buildReport, escapeMarkdown, type ReportOptions } from "../../src/core/report";
import type { Finding, FixRecord, Status } from "../../src/core/types";
import { cause, finding, reportInput } from "../support/report-input";

// buildReport on hand-made inputs (not captures): which sections a support
// person gets, in which order, what is escaped, what is hidden and what is
// said when there is nothing to say. Issue 19: the report had no test of its
// own, only end-to-end ones that check it mentions "Apple ID Doctor".

const input = reportInput;

const md: ReportOptions = { format: "markdown", redact: false };
const plain: ReportOptions = { format: "plain", redact: false };

/** The lines of one section, up to the next heading. */
function section(text: string, title: string, format: "markdown" | "plain" = "markdown"): string[] {
  const head = format === "markdown" ? `## ${title}\n` : `${title}\n${"-".repeat(title.length)}\n`;
  const at = text.indexOf(head);
  expect(at, `section ${title}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(at + head.length);
  const next = format === "markdown" ? rest.search(/\n## /) : rest.search(/\n[^\n]+\n-+\n/);
  return (next < 0 ? rest : rest.slice(0, next)).split("\n").filter((l) => l !== "");
}

describe("buildReport: the header", () => {
  it("Markdown: title, time in UTC to the minute, duration to a tenth of a second, Mac, version, two questions", () => {
    const text = buildReport(input(), md);
    expect(text.split("\n").slice(0, 7)).toEqual([
      "# Apple ID Doctor Report",
      "",
      "- **Checked:** 2026-11-21 10:05 UTC (took 2.3 s)",
      "- **Mac:** macOS 15.7.4 Sequoia",
      "- **Apple ID Doctor:** 1.2.3",
      "- **Do other devices sign in with the same Apple Account?** yes / no (please answer)",
      "- **Exact error message on this Mac:** (please paste)",
    ]);
  });

  it("plain: the title in capitals, no bold, headings underlined to their length", () => {
    const text = buildReport(input(), plain);
    expect(text.split("\n").slice(0, 3)).toEqual([
      "APPLE ID DOCTOR REPORT",
      "",
      "- Checked: 2026-11-21 10:05 UTC (took 2.3 s)",
    ]);
    expect(text).toContain("\nDiagnosis\n---------\n");
    expect(text).toContain("\nSteps Already Tried\n-------------------\n");
    expect(text).not.toMatch(/\*\*|^#/m);
  });

  it.each<[string, Finding[], string]>([
    ["a passing macOS check", [finding({ probe: "macos", status: "pass", summary: "macOS 14.1: ok" })], "macOS 14.1"],
    [
      "a warning macOS check",
      [finding({ probe: "macos", status: "warn", summary: "macOS 10.15.7: old" })],
      "macOS 10.15.7",
    ],
    ["a skipped macOS check", [finding({ probe: "macos", status: "skip", summary: "macOS 9: x" })], "unknown (darwin)"],
    ["a failed macOS check", [finding({ probe: "macos", status: "error", summary: "macOS 9: x" })], "unknown (darwin)"],
    ["no macOS check", [finding({ probe: "dns", summary: "macOS 9: x" })], "unknown (darwin)"],
  ])("the Mac line from %s", (_name, findings, mac) => {
    expect(buildReport(input({ findings }), md)).toContain(`- **Mac:** ${mac}\n`);
  });

  it("an unreadable start time says so instead of printing Invalid Date", () => {
    const text = buildReport(input({ startedAt: new Date("nonsense") }), md);
    expect(text).toContain("- **Checked:** unknown time (took 2.3 s)");
  });
});

describe("buildReport: Diagnosis", () => {
  it("numbers the causes in order with confidence, and names their fixes joined by 'then'", () => {
    const causes = [
      cause({ cause: "dns", confidence: "high", summary: "DNS fails.", fixes: ["flush-dns", "open-network-settings"] }),
      cause({ cause: "vpn", confidence: "low", summary: "A VPN is on." }),
    ];
    expect(section(buildReport(input({ causes }), md), "Diagnosis")).toEqual([
      "1. **DNS Problem** (high confidence): DNS fails.",
      "   In Apple ID Doctor: Flush DNS Cache, then Open Network Settings",
      "2. **VPN In Use** (low confidence): A VPN is on.",
    ]);
  });

  it("'No Problems Found' never offers fixes, even when it carries some", () => {
    const causes = [cause({ cause: "none", summary: "Nothing found.", fixes: ["contact-apple-support"] })];
    expect(section(buildReport(input({ causes }), md), "Diagnosis")).toEqual([
      "1. **No Problems Found** (high confidence): Nothing found.",
    ]);
  });

  it("a cause's own title wins over its cause's", () => {
    const causes = [
      cause({ cause: "none", title: "Not Fully Checked", confidence: "low", summary: "Two checks failed." }),
    ];
    expect(buildReport(input({ causes }), md)).toContain(
      "1. **Not Fully Checked** (low confidence): Two checks failed.",
    );
  });
});

describe("buildReport: For IT", () => {
  it("who is in the way, Apple's requirements, then each failure under its heading, escaped", () => {
    const findings = [finding({ probe: "push", status: "fail", title: "Push", summary: "5223 <closed>" })];
    const causes = [cause({ cause: "proxy", summary: "A proxy *x* is on. It sends…" })];
    const lines = section(buildReport(input({ findings, causes }), md), "For IT");
    expect(lines[0]).toBe("- **In the way:** Proxy In Use: A proxy \\*x\\* is on.");
    expect(lines[1]).toMatch(/^- \*\*Apple requires for sign-in\*\* \(Apple, .*support\.apple\.com\/101555\):$/);
    expect(lines.slice(-3)).toEqual([
      "- **Failed from this Mac:**",
      "  - Push: 5223 \\<closed\\>",
      "- Apple says its services fail any connection that uses HTTPS interception (SSL inspection): exempt the hosts above from it.",
    ]);
  });

  it("plain: the same lines without bold or escapes", () => {
    const findings = [finding({ probe: "push", status: "fail", title: "Push", summary: "5223 <closed>" })];
    const lines = section(buildReport(input({ findings }), plain), "For IT", "plain");
    expect(lines[0]).toBe("- In the way: nothing found from this Mac");
    expect(lines.slice(-3, -1)).toEqual(["- Failed from this Mac:", "  - Push: 5223 <closed>"]);
  });
});

describe("buildReport: Checks", () => {
  const statuses: [Status, string, string][] = [
    ["pass", "✓", "OK"],
    ["warn", "!", "Warning"],
    ["fail", "✗", "Failed"],
    ["skip", "–", "Skipped"],
    ["error", "☠", "Error"],
  ];
  it.each(statuses)(
    "a %s check reads %s … (%s), as a list item in Markdown and a bare line in plain",
    (status, mark, word) => {
      const findings = [finding({ probe: "dns", status, title: "DNS", summary: "said so" })];
      expect(section(buildReport(input({ findings }), md), "Checks")).toEqual([`- ${mark} **DNS** (${word}): said so`]);
      expect(section(buildReport(input({ findings }), plain), "Checks", "plain")).toEqual([
        `${mark} DNS (${word}): said so`,
      ]);
    },
  );

  it("details: in a fence in Markdown, indented in plain, one line each", () => {
    const findings = [finding({ probe: "dns", title: "DNS", details: ["server 10.0.0.1", "two\nthree"] })];
    const text = buildReport(input({ findings }), md);
    expect(text).toContain("- ✓ **DNS** (OK): fine\n\n  ```\n  server 10.0.0.1\n  two\n  three\n  ```\n");
    expect(buildReport(input({ findings }), plain)).toContain(
      "✓ DNS (OK): fine\n    server 10.0.0.1\n    two\n    three\n",
    );
  });

  it("a fence has a blank line each side, so the next check starts its own list item", () => {
    const findings = [
      finding({ probe: "dns", title: "DNS", details: ["server 10.0.0.1"] }),
      finding({ probe: "push", title: "Push" }),
    ];
    expect(buildReport(input({ findings }), md)).toContain(
      "- ✓ **DNS** (OK): fine\n\n  ```\n  server 10.0.0.1\n  ```\n\n- ✓ **Push** (OK): fine\n",
    );
  });

  it("a detail holding backticks gets a fence longer than its longest run, so it cannot close it", () => {
    const findings = [finding({ probe: "dns", details: ["a ```` b", "`c`"] })];
    const text = buildReport(input({ findings }), md);
    expect(text).toContain("\n  `````\n  a ```` b\n  `c`\n  `````\n");
  });

  it("a check without details has no fence", () => {
    const text = buildReport(input({ findings: [finding({ probe: "dns" })] }), md);
    expect(text).not.toContain("```");
  });
});

describe("buildReport: Steps Already Tried", () => {
  it("says none were recorded when the history is empty", () => {
    expect(section(buildReport(input(), md), "Steps Already Tried")).toEqual(["None recorded by Apple ID Doctor."]);
  });

  it("lists the steps oldest first with their outcome and message, whatever order they came in", () => {
    const history: FixRecord[] = [
      { fix: "sync-clock", at: "2026-11-21T09:30:00.000Z", outcome: "failed", message: "sntp timed out" },
      { fix: "flush-dns", at: "2026-11-20T08:00:00.000Z", outcome: "done" },
      { fix: "reset-account-cache", at: "2026-11-21T09:00:00.000Z", outcome: "cancelled" },
    ];
    expect(section(buildReport(input({ history }), md), "Steps Already Tried")).toEqual([
      "- 2026-11-20 08:00 UTC: Flush DNS Cache (done)",
      "- 2026-11-21 09:00 UTC: Reset Account Cache (cancelled)",
      "- 2026-11-21 09:30 UTC: Sync Clock (failed: sntp timed out)",
    ]);
  });
});

describe("buildReport: layout", () => {
  it("sections in the order support reads them, no run of blank lines, one final newline", () => {
    for (const options of [md, plain]) {
      const text = buildReport(input({ findings: [finding({ probe: "dns", details: ["x"] })] }), options);
      const heads = ["Diagnosis", "For IT", "Checks", "Steps Already Tried"].map(
        (h) => text.indexOf(`\n${h}`) + text.indexOf(`## ${h}`) + 1,
      );
      expect([...heads].sort((a, b) => a - b)).toEqual(heads);
      expect(text).not.toMatch(/\n\n\n/);
      expect(text.endsWith("\n")).toBe(true);
      expect(text.endsWith("\n\n")).toBe(false);
      expect(text.startsWith("\n")).toBe(false);
    }
  });
});

describe("buildReport: outside text", () => {
  const hostile = "Login [here](http://evil.example) <b>*now*</b> | `x`";
  const findings = [finding({ probe: "captive-portal", title: "Wi-Fi Login", status: "fail", summary: hostile })];

  it("Markdown escapes it (links, HTML, emphasis, code, tables); plain keeps it as written", () => {
    const text = buildReport(input({ findings }), md);
    expect(text).toContain(
      "**Wi-Fi Login** (Failed): Login \\[here\\](http\\://evil.example) \\<b\\>\\*now\\*\\</b\\> \\| \\`x\\`",
    );
    expect(buildReport(input({ findings }), plain)).toContain(`Wi-Fi Login (Failed): ${hostile}\n`);
  });

  it("control characters a summary carries cannot forge the report's own marks", () => {
    const forged = [
      finding({ probe: "dns", summary: "a\u0001[x](http://e.example)\u0002b\u0007", details: ["c\u0002d\u0001e"] }),
    ];
    for (const options of [md, plain]) {
      const text = buildReport(input({ findings: forged }), options);
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008]/);
    }
    expect(buildReport(input({ findings: forged }), md)).toContain("a \\[x\\](http\\://e.example) b");
    expect(buildReport(input({ findings: forged }), md)).toContain("\n  c d e\n");
  });

  it("the Mac line is outside text too: a forged version is escaped", () => {
    const findings = [finding({ probe: "macos", summary: "<img src=x>: ok" })];
    expect(buildReport(input({ findings }), md)).toContain("- **Mac:** \\<img src=x\\>\n");
  });

  it("the platform is escaped when the Mac line falls back to it", () => {
    const text = buildReport(input({ findings: [], platform: "<b>x</b>" }), md);
    expect(text).toContain("- **Mac:** unknown (\\<b\\>x\\</b\\>)");
  });

  it("a failed step's message is escaped", () => {
    const history: FixRecord[] = [
      { fix: "flush-dns", at: "2026-11-21T09:00:00.000Z", outcome: "failed", message: "<script>" },
    ];
    expect(buildReport(input({ history }), md)).toContain("(failed: \\<script\\>)");
  });

  it("a diagnosis summary is escaped", () => {
    const causes = [cause({ cause: "proxy", summary: "Proxy **x** on." })];
    expect(buildReport(input({ causes }), md)).toContain("(high confidence): Proxy \\*\\*x\\*\\* on.");
  });
});
describe("escapeMarkdown: each rule", () => {
  it.each([
    ["a backslash", "a\\b", "a\\\\b"],
    ["a table cell", "a|b", "a\\|b"],
    ["brackets", "[x]", "\\[x\\]"],
    ["a bare www link in capitals", "WWW.evil.example", "WWW\\.evil.example"],
    ["www inside a word is no link", "awww.x", "awww.x"],
    ["any scheme", "ftp://x and javascript://y", "ftp\\://x and javascript\\://y"],
    ["a placeholder before a colon", "[email]: x", "\\[email\\]: x"],
    ["a placeholder at the end", "by [user]", "by [user]"],
    ["an unknown word in brackets", "[admin]", "\\[admin\\]"],
  ])("%s", (_what, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it.each([
    "email",
    "dsid",
    "uuid",
    "serial",
    "user",
    "computer",
    "private-ip",
    "mac",
    "wifi",
    "proxy-host",
    "vpn",
    "domain",
    "credentials",
  ])("the placeholder [%s] stays readable", (kind) => {
    expect(escapeMarkdown(`x [${kind}] y`)).toBe(`x [${kind}] y`);
  });
});

import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report";
import { finding, reportInput } from "../support/report-input";

// What a support report hides when redaction is on (the default): identifiers
// and local names, each kind named once in the privacy line, and outside text
// still escaped where redaction rewrote it. test/core/report.test.ts has the
// sections themselves; test/redact*.test.ts each redaction step on its own.

const input = reportInput;

const md = { format: "markdown", redact: false } as const;

describe("buildReport: redaction", () => {
  const findings = [
    finding({
      probe: "account",
      title: "Apple Account",
      summary: "Signed in as jane.doe@example.com on Jane's MacBook",
      details: ["user jdoe at /Users/jdoe"],
      identifiers: [{ value: "jane.doe@example.com", kind: "email" }],
    }),
  ];
  const context = { userName: "jdoe", homeDir: "/Users/jdoe", computerName: "Jane's MacBook" };

  it("on: identifiers and the context's names are hidden, and the report says what kinds were hidden", () => {
    const text = buildReport(input({ findings, context }), { format: "markdown", redact: true });
    for (const secret of ["jane.doe@example.com", "jdoe", "Jane's MacBook"]) expect(text).not.toContain(secret);
    expect(text).toContain("Signed in as [email] on [computer]");
    expect(text).toMatch(/\n_Hidden for privacy: [^\n]*\[email\][^\n]*_\n$/);
    expect(text).toMatch(/Hidden for privacy: [^\n]*\[user\]/);
    expect(text).toMatch(/Hidden for privacy: [^\n]*\[computer\]/);
  });

  it("each kind is named once, in plain without the Markdown underscores", () => {
    const twice = [...findings, { ...findings[0], probe: "dns" as const }];
    const text = buildReport(input({ findings: twice, context }), { format: "plain", redact: true });
    const line = text.split("\n").find((l) => l.startsWith("Hidden for privacy: "));
    expect(line).toBeDefined();
    expect(line!.match(/\[email\]/g)).toHaveLength(1);
    expect(text.endsWith(`${line}\n`)).toBe(true);
  });

  it("off: everything as written and no privacy line", () => {
    const text = buildReport(input({ findings, context }), md);
    expect(text).toContain("jane.doe@example.com");
    expect(text).toContain("/Users/jdoe");
    expect(text).not.toContain("Hidden for privacy");
  });

  it("on, with nothing to hide: no privacy line", () => {
    const text = buildReport(input(), { format: "markdown", redact: true });
    expect(text).not.toContain("Hidden for privacy");
    expect(text).toBe(buildReport(input(), md));
  });

  it("a placeholder stays readable in Markdown, a bracket from outside does not", () => {
    const text = buildReport(input({ findings, context }), { format: "markdown", redact: true });
    expect(text).toContain("[email]");
    expect(text).not.toContain("\\[email\\]");
  });
});

describe("buildReport: the privacy line names every kind it hid", () => {
  it("whatever the kinds, each placeholder in the report is named once in the privacy line", () => {
    const identifiers = [
      { value: "jane.doe@example.com", kind: "email" },
      { value: "12345678901", kind: "dsid" },
      { value: "11111111-2222-4333-8444-555555555555", kind: "uuid" },
      { value: "C02XK1ZZJG5H", kind: "serial" },
      { value: "jdoe", kind: "user" },
      { value: "Janes-MacBook", kind: "computer" },
      { value: "192.168.7.42", kind: "ip" },
      { value: "a4:83:e7:12:34:56", kind: "mac" },
      { value: "JaneHomeWiFi", kind: "wifi" },
      { value: "proxy.corp.example", kind: "proxy-host" },
      { value: "Corp VPN West", kind: "vpn" },
      { value: "corp.example", kind: "domain" },
    ] as const;
    const summary = `${identifiers.map((i) => i.value).join(" ")} http://bob:hunter2@10.0.0.1:3128`;
    const findings = [finding({ probe: "proxy", summary, identifiers: [...identifiers] })];
    for (const format of ["markdown", "plain"] as const) {
      const text = buildReport(input({ findings }), { format, redact: true });
      const [body, privacy] = text.split(/\n_?Hidden for privacy: /);
      expect(privacy, format).toBeDefined();
      const inBody = new Set(body.match(/\[[a-z-]+\]/g));
      expect(inBody.size).toBeGreaterThanOrEqual(10);
      expect(new Set(privacy.match(/\[[a-z-]+\]/g))).toEqual(inBody);
      expect(privacy.match(/\[[a-z-]+\]/g)).toHaveLength(inBody.size);
      for (const i of identifiers) expect(text).not.toContain(i.value);
      expect(text).not.toContain("hunter2");
    }
  });
});

describe("buildReport: outside text that redaction rewrote to the end of its line", () => {
  // A labelled name (`Full Name: …`) takes the rest of its line, the report's end-of-text mark with it.
  const findings = [
    finding({ probe: "account", title: "Apple Account", summary: "Signed in as *x* | Full Name: Jane Doe" }),
  ];

  it("Markdown: what came before the name still escaped, the placeholder readable, no mark left", () => {
    const text = buildReport(input({ findings }), { format: "markdown", redact: true });
    expect(text).toContain("\n- ✓ **Apple Account** (OK): Signed in as \\*x\\* \\| Full Name: [user]\n");
    expect(text).not.toContain("Jane");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0001\u0002]/);
  });

  it("plain: as written, the name hidden, no mark left", () => {
    const text = buildReport(input({ findings }), { format: "plain", redact: true });
    expect(text).toContain("\n✓ Apple Account (OK): Signed in as *x* | Full Name: [user]\n");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0001\u0002]/);
  });
});

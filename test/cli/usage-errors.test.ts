// Argument mistakes get one plain line with the way out ("did you mean",
// the valid fixes), never the option parser's own text; declining a fix at
// its prompt is an answer, not bad usage. And the output a person reads:
// wrapped to the terminal, marks explained, identifiers kept off the screen.
import { describe, expect, it } from "vitest";
import { editDistance, closest } from "../../src/cli/suggest";
import { wrapLine } from "../../src/cli/wrap";
import { FIX_IDS } from "../../src/core/ids";
import { runCli } from "../support/cli";
import { join } from "node:path";

const rec = (name: string) => join(__dirname, "..", "fixtures", "recordings", `${name}.json`);

describe("argument errors in plain words", () => {
  it.each([
    [["status", "--bogus"], "apple-id-doctor: unknown option --bogus (try --help)"],
    [["checklist", "--jsno"], "apple-id-doctor: unknown option --jsno (did you mean --json?) (try --help)"],
    [["checklist", "-x"], "apple-id-doctor: unknown option -x (try --help)"],
    [["checklist", "--replay"], "apple-id-doctor: --replay needs a recording file: --replay <file>"],
    [["checklist", "--deadline"], "apple-id-doctor: --deadline needs milliseconds: --deadline <ms>"],
    [["checklist", "--json=yes"], "apple-id-doctor: --json takes no value"],
    [["checklst"], 'apple-id-doctor: unknown command "checklst" (did you mean checklist?) (try --help)'],
    [["frobnicate"], 'apple-id-doctor: unknown command "frobnicate" (try --help)'],
  ])("%j", async (argv, line) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(line + "\n");
    expect(stderr).not.toMatch(/positional argument|<value>' argument missing/);
  });

  it("a mistyped fix: did you mean, and every valid fix", async () => {
    const { code, stderr } = await runCli(["fix", "flush-dsn"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `apple-id-doctor: unknown fix "flush-dsn" (did you mean flush-dns?); fixes: ${FIX_IDS.join(", ")}\n`,
    );
    const none = await runCli(["fix"]);
    expect(none.stderr).toBe(`apple-id-doctor: fix needs a fix id: fix <fix-id>; fixes: ${FIX_IDS.join(", ")}\n`);
  });

  it("did you mean: a swapped pair of letters is one slip; far-off words get no guess", () => {
    expect(editDistance("dsn", "dns")).toBe(1);
    expect(closest("flush-dsn", FIX_IDS)).toBe("flush-dns");
    expect(closest("sync-clok", FIX_IDS)).toBe("sync-clock");
    expect(closest("restart", FIX_IDS)).toBe("restart-icloud-daemons");
    expect(
      closest(
        "bogus",
        ["--json", "--plain"].map((o) => o.slice(2)),
      ),
    ).toBeUndefined();
    expect(closest("xyz", ["checklist", "report"])).toBeUndefined();
  });
});

describe("the reset prompt (on a recording: a declined fix never reaches the Mac)", () => {
  it("answering no is not bad usage: exit 1, nothing changed", async () => {
    const { code, stderr } = await runCli(["fix", "reset-account-cache", "--replay", rec("healthy")], {
      confirm: async () => false,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Reset Account Cache not run: nothing was changed\.\n$/);
    expect(stderr).not.toMatch(/^apple-id-doctor: /m);
  });

  it("with nobody to ask (no terminal), it needs --yes: that is usage, exit 2", async () => {
    const { code, stderr } = await runCli(["fix", "reset-account-cache", "--replay", rec("healthy")], {
      confirm: async () => undefined,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/no terminal to ask on: run it in a terminal, or add --yes\n$/);
  });
});

describe("output a person reads", () => {
  it("wraps diagnosis and explain at whole words to the terminal's width", async () => {
    const tty = (columns: number) => {
      let text = "";
      return { out: { write: (t: string) => (text += t), isTTY: true, columns }, text: () => text };
    };
    const t = tty(60);
    await runCli(["explain", "4001"], { stdout: t.out, env: { NO_COLOR: "1" } });
    const lines = t.text().split("\n");
    for (const line of lines.filter((l) => !/^ {3}(Fix|Check): /.test(l))) expect(line.length).toBeLessThanOrEqual(59);
    // No word cut in two: every wrapped line ends on a whole word of the original text.
    expect(t.text()).toContain("authenticate with iCloud");
    const c = tty(50);
    await runCli(["checklist", "--replay", rec("clock-ahead")], { stdout: c.out, env: { NO_COLOR: "1" } });
    const diagnosis = c.text().split("Diagnosis\n")[1];
    expect(diagnosis).toMatch(
      /^1\. Clock Is Off \(high confidence\)\n {3}Your clock is 9 min 1 s ahead of\n {3}time\.apple\.com\./,
    );
    expect(diagnosis).toContain("\n   Run: apple-id-doctor fix open-date-time-settings  (Open Date & Time Settings)\n");
    for (const line of diagnosis.split("\n").filter((l) => !/^ {3}Run: /.test(l)))
      expect(line.length).toBeLessThanOrEqual(49);
  });

  it("wrapLine keeps a `quoted command` whole and hangs continuation lines", () => {
    expect(wrapLine("   one two `npm run --silent cli -- report` three", 20, "   ")).toEqual([
      "   one two",
      "   `npm run --silent cli -- report`",
      "   three",
    ]);
    expect(wrapLine("\u001b[1mshort\u001b[0m", 5, "")).toEqual(["\u001b[1mshort\u001b[0m"]);
  });

  it("the tally explains the marks it uses, and --help explains them all", async () => {
    const { stdout } = await runCli(["checklist", "--replay", rec("empty")]);
    expect(stdout).toMatch(/^17 checks in \d+ ms: ✓ 0 OK · – 17 not checked$/m);
    const help = await runCli(["--help"]);
    expect(help.stdout).toContain("Marks: ✓ OK · ! to look at · ✗ failing · – not checked · ☠ broke");
  });

  it("checklist keeps the account email and VPN name off the screen unless --show-identifiers", async () => {
    const shown = await runCli(["checklist", "--replay", rec("with-identifiers"), "--show-identifiers"]);
    expect(shown.stdout).toContain("jane.doe@example.com");
    expect(shown.stdout).toMatch(/This output shows identifiers[\s\S]*paste\s`apple-id-doctor report`\sinstead\.\n$/);
    const hidden = await runCli(["checklist", "--replay", rec("with-identifiers")]);
    for (const secret of ["jane.doe@example.com", "home VPN", "proxy.corp-example.net"]) {
      expect(hidden.stdout).not.toContain(secret);
    }
    expect(hidden.stdout).toContain("[email]");
    expect(hidden.stdout).toMatch(
      /Identifiers are hidden \(--show-identifiers shows them\)\. To share, paste `apple-id-doctor report`\.\n$/,
    );
    // --json is for scripts: the contract's document, unchanged.
    const json = await runCli(["checklist", "--replay", rec("with-identifiers"), "--json"]);
    expect(json.stdout).toContain("jane.doe@example.com");
  });
});

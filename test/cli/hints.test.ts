// Every command the CLI suggests ("Run: apple-id-doctor fix sync-clock",
// "Check: npm run --silent cli -- checklist") must be one that exists, in
// the form that works where the user is. This collects every hint the code
// can print (every scenario, every knowledge entry, every error path, in
// every form of starting the CLI), checks each one parses to a real command
// and fix, and runs the forms themselves from a shell.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_BUNDLE } from "../../scripts/build-cli";
import { COMMANDS, parseCliArgs } from "../../src/cli/args";
import { commandPrefix } from "../../src/cli/invocation";
import { fixById } from "../../src/core/fixes";
import { KNOWLEDGE } from "../../src/core/knowledge";
import { runCli } from "../support/cli";

const ROOT = join(__dirname, "..", "..");
const RECORDINGS = join(ROOT, "test", "fixtures", "recordings");
const rec = (name: string) => join(RECORDINGS, `${name}.json`);
const NAMES = readdirSync(RECORDINGS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const run = promisify(execFile);

/** The ways to start the CLI, as the deps main() sees them. */
const FORMS: Array<{ name: string; env: NodeJS.ProcessEnv; scriptPath?: string; prefix: string }> = [
  {
    name: "npm run cli",
    env: { npm_lifecycle_event: "cli", npm_command: "run-script" },
    scriptPath: join(ROOT, "src/cli/bin.ts"),
    prefix: "npm run --silent cli --",
  },
  {
    name: "npx",
    env: { npm_lifecycle_event: "npx", npm_command: "exec" },
    scriptPath: join(ROOT, "node_modules/.bin/apple-id-doctor"),
    prefix: "npx apple-id-doctor",
  },
  { name: "the bin on PATH", env: {}, scriptPath: "/usr/local/bin/apple-id-doctor", prefix: "apple-id-doctor" },
  { name: "node and the bundle", env: {}, scriptPath: CLI_BUNDLE, prefix: "node dist/cli/apple-id-doctor.js" },
];

/** Every text the CLI can print with a hint in it, started the way `form` says. */
async function everything(form: (typeof FORMS)[number]): Promise<string[]> {
  const cli = (argv: string[]) =>
    runCli(argv, { env: { APPLE_ID_DOCTOR_DATA: "/nonexistent/aid", ...form.env }, scriptPath: form.scriptPath });
  const outputs: string[] = [];
  const keep = (r: { stdout: string; stderr: string }) => outputs.push(r.stdout, r.stderr);
  for (const name of NAMES) {
    for (const command of ["checklist", "clock", "dns", "status", "report"])
      keep(await cli([command, "--replay", rec(name)]));
    keep(await cli(["checklist", "--replay", rec(name), "--show-identifiers"]));
  }
  for (const entry of KNOWLEDGE) keep(await cli(["explain", entry.match.codes[0] ?? entry.title]));
  keep(await cli(["explain", "qwertyuiop zxcv"]));
  for (const bad of [["fix"], ["fix", "flush-dsn"], ["checklst"], ["status", "--bogus"], ["--help"]])
    keep(await cli(bad));
  return outputs;
}

/** The words after the prefix, up to the end of the line, a closing backtick or the two spaces before a note. */
function hintsIn(text: string, prefix: string): string[][] {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = [...text.matchAll(new RegExp(`${escaped} ([^\`\\n]*?)(?=\`|  |\\n|$)`, "g"))];
  return found.map((m) => m[1].trim().split(/ +/)).filter((words) => words[0] !== "<command>");
}

describe("every hint the CLI prints is a command that exists", () => {
  it.each(FORMS)("started as $name, hints read $prefix …", async (form) => {
    expect(commandPrefix(form.env, form.scriptPath, ROOT)).toBe(form.prefix);
    const hints = (await everything(form)).flatMap((text) => hintsIn(text, form.prefix));
    // Enough of them to mean something: checklist, report, every fix the diagnosis and the knowledge name.
    expect(hints.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const words of hints) {
      const line = words.join(" ");
      seen.add(words[0] === "fix" ? `fix ${words[1]}` : words[0]);
      // Placeholders a person fills in ("record <file>") stand for a value.
      const argv = words.map((w) => (/^<.+>$/.test(w) ? "my-mac.json" : w));
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, `"${form.prefix} ${line}" doesn't parse`).toBe(true);
      expect(COMMANDS).toContain(argv[0]);
      if (argv[0] === "fix") expect(fixById(argv[1]), `"${line}" names no fix`).toBeDefined();
    }
    expect([...seen]).toEqual(expect.arrayContaining(["checklist", "report", "fix sync-clock", "fix flush-dns"]));
    // And no hint in a form that doesn't work here.
    const others = FORMS.filter(
      (o) => o.prefix !== form.prefix && !o.prefix.endsWith(form.prefix) && !form.prefix.endsWith(o.prefix),
    );
    for (const text of await everything(form)) {
      for (const other of others) expect(text).not.toContain(`${other.prefix} `);
    }
  });

  it("no front end's own words in the CLI: explain never sends a terminal user to Raycast's Run Full Checklist", async () => {
    for (const entry of KNOWLEDGE) {
      const { stdout } = await runCli(["explain", entry.match.codes[0] ?? entry.title]);
      expect(stdout, entry.id).not.toMatch(/Run Full Checklist|Run Related Checks/);
    }
  });

  it("each form's prefix is real: the npm script, the bin and the bundle's path", () => {
    expect(pkg.scripts.cli).toMatch(/ src\/cli\/bin\.ts$/);
    expect(pkg.bin).toEqual({ "apple-id-doctor": relative(ROOT, CLI_BUNDLE) });
    expect(relative(ROOT, CLI_BUNDLE)).toBe("dist/cli/apple-id-doctor.js");
  });

  describe("from a shell", () => {
    let bin: string;
    let bundle: string;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), "aid-bin-"));
      bundle = await buildCli(join(dir, "lib", "apple-id-doctor.js"));
      mkdirSync(join(dir, "bin"));
      // What npm link and a global install make: a symlink named for the bin.
      symlinkSync(bundle, join(dir, "bin", "apple-id-doctor"));
      bin = join(dir, "bin");
    }, 60_000);

    const env = () => ({ PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: "1" });

    it("the bin found on PATH runs, and its hints name itself", async () => {
      const { stdout } = await run("apple-id-doctor", ["checklist", "--replay", rec("clock-ahead")], {
        env: env(),
      }).catch((e) => e);
      expect(stdout).toContain("   Run: apple-id-doctor fix sync-clock  (Sync Clock)");
      // The hint, run as printed (plus a recording, so nothing leaves this machine).
      const hinted = await run("apple-id-doctor", ["checklist", "--replay", rec("healthy"), "--json"], { env: env() });
      expect(JSON.parse(hinted.stdout).tool).toBe("apple-id-doctor");
    });

    it("node and the bundle: hints say node and the path as typed", async () => {
      const cwd = dirname(bundle);
      const { stdout } = await run(process.execPath, ["apple-id-doctor.js", "explain", "-20209"], { cwd, env: env() });
      expect(stdout).toContain("   Check: node apple-id-doctor.js checklist  (Apple Account)");
    });

    it("npm run cli: hints say npm run --silent cli --", async () => {
      const { stdout } = await run("npm", ["run", "--silent", "cli", "--", "clock", "--replay", rec("clock-ahead")], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1" },
      }).catch((e) => e);
      expect(stdout).toContain("\nFix: npm run --silent cli -- fix sync-clock\n");
    });
  });
});

// The README's set-up is two commands, `npm install` and `npm test`. This
// runs the scripts npm would run for each, as npm would (`sh -c`, from the
// project folder), on Node 22 and on an old Node: an old Node must get one
// line that says Node 22 is needed and how to get it, not a stack trace
// from deep inside vitest.
import { execFile } from "node:child_process";
import { accessSync, constants, chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeVersionProblem } from "../../src/cli/node-version";

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
// What npm runs for each command, in its order (docs.npmjs.com, "Life Cycle Operation Order").
const LIFECYCLE: Record<string, string[]> = {
  "npm install": ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"],
  "npm test": ["pretest", "test", "posttest"],
};

function readmeSetUp(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /## Set-up\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  return block
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean);
}

/** A folder of stand-ins: vitest and npm record that they ran; a preload makes Node say it is 20. */
function fakes() {
  const dir = mkdtempSync(join(tmpdir(), "aid-setup-"));
  for (const name of ["vitest", "npm"]) {
    writeFileSync(join(dir, name), `#!/bin/sh\necho "${name} $*" >> "${dir}/ran"\n`);
    chmodSync(join(dir, name), 0o755);
  }
  const preload = join(dir, "node20.cjs");
  writeFileSync(
    preload,
    'Object.defineProperty(process, "version", { value: "v20.11.1" });\n' +
      'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.11.1" } });\n',
  );
  const ran = () => (existsSync(join(dir, "ran")) ? readFileSync(join(dir, "ran"), "utf8") : "");
  return { dir, preload, ran };
}

function sh(script: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile("sh", ["-c", script], { cwd: ROOT, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs a command's lifecycle scripts in order, stopping at the first failure, as npm does. */
async function runScripts(command: string, env: NodeJS.ProcessEnv) {
  const out = { code: 0, stdout: "", stderr: "", ran: [] as string[] };
  for (const event of LIFECYCLE[command]) {
    const script = pkg.scripts?.[event];
    if (!script) continue;
    out.ran.push(event);
    const r = await sh(script, env);
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    out.code = r.code;
    if (r.code !== 0) break;
  }
  return out;
}

const NODE_BIN = dirname(process.execPath);
const baseEnv = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, npm_config_loglevel: "silent" };

describe("the README's set-up, on Node 22 and on an old Node", () => {
  it("is two commands: npm install, npm test", () => {
    expect(readmeSetUp()).toEqual(["npm install", "npm test"]);
  });

  it("package.json asks for Node 22 (engines), .nvmrc names it, and both checks say so with the same words", () => {
    expect(pkg.engines).toEqual({ node: ">=22" });
    expect(readFileSync(join(ROOT, ".nvmrc"), "utf8").trim()).toBe("22");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const script = require(join(ROOT, "scripts", "check-node.cjs"));
    for (const v of ["20.11.1", "18.20.4", "v21.7.3", "22.0.0", "22.23.3", "24.1.0"]) {
      expect(script.nodeVersionProblem(v)).toBe(nodeVersionProblem(v));
    }
    expect(nodeVersionProblem("22.0.0")).toBeUndefined();
  });

  it("npm test on an old Node: one line naming Node 22 and how to get it; vitest never starts", async () => {
    const f = fakes();
    const r = await runScripts("npm test", {
      ...baseEnv,
      PATH: `${f.dir}:${NODE_BIN}:/usr/bin:/bin`,
      NODE_OPTIONS: `--require ${f.preload}`,
    });
    expect(r.ran).toContain("test");
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "Apple ID Doctor needs Node 22 or later, and this is Node 20.11.1: run `nvm install` here (it reads .nvmrc) or install Node 22 from nodejs.org, then try again.",
    ]);
    expect(f.ran()).not.toContain("vitest");
  });

  it("npm test on Node 22: the check says nothing and vitest runs", async () => {
    const f = fakes();
    const r = await runScripts("npm test", { ...baseEnv, PATH: `${f.dir}:${NODE_BIN}:/usr/bin:/bin` });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(f.ran()).toBe("vitest run\n");
  });

  it("npm install on an old Node: the same one line, and the install itself goes on", async () => {
    const f = fakes();
    const r = await runScripts("npm install", {
      ...baseEnv,
      PATH: `${f.dir}:${NODE_BIN}:/usr/bin:/bin`,
      NODE_OPTIONS: `--require ${f.preload}`,
    });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Apple ID Doctor needs Node 22 or later, and this is Node 20\.11\.1: /);
    expect(f.ran()).toBe("npm run --silent build:cli\n");
  });

  it("npm install on Node 22 builds the bundled CLI that package.json's bin points at", async () => {
    const r = await runScripts("npm install", {
      ...baseEnv,
      PATH: `${join(ROOT, "node_modules", ".bin")}:${NODE_BIN}:/usr/bin:/bin`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ran).toEqual(["prepare"]);
    const bin = join(ROOT, pkg.bin["apple-id-doctor"]);
    accessSync(bin, constants.X_OK);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const version = await sh(`"${bin}" --version`, { ...baseEnv, PATH: `${NODE_BIN}:/usr/bin:/bin` });
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  it("the CLI on an old Node: the same line (from source, as npm run cli starts it), exit 2", async () => {
    const f = fakes();
    const r = await sh(`${pkg.scripts.cli} checklist`, {
      ...baseEnv,
      PATH: `${join(ROOT, "node_modules", ".bin")}:${NODE_BIN}:/usr/bin:/bin`,
      NODE_OPTIONS: `--require ${f.preload}`,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`apple-id-doctor: ${nodeVersionProblem("20.11.1")}\n`);
  });

  // The machine's own Node, where it is older than 22 (Debian's is 20): the real thing, not a preload.
  const systemNode = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => existsSync(p) && p !== process.execPath);
  it.runIf(!!systemNode)("a real old Node, where the machine has one, gets the same line", async () => {
    const version = await sh(`"${systemNode}" -p process.versions.node`, baseEnv);
    if (Number(version.stdout.split(".")[0]) >= 22) return; // this machine's own Node is new enough
    const r = await sh(`"${systemNode}" scripts/check-node.cjs`, baseEnv);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(nodeVersionProblem(version.stdout.trim()) + "\n");
  });
});

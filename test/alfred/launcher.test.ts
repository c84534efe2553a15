import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// launcher.sh against fake machines: folders holding a fake `node` that
// prints its version for -v and echoes its arguments otherwise. PATH holds
// only a folder of the few tools the launcher may use, so the real node
// on this machine is never found by accident.

const LAUNCHER = join(__dirname, "..", "..", "src", "alfred", "launcher.sh");

function fakeNode(dir: string, version = "v22.11.0"): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "node");
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = -v ]; then echo ${version}; exit 0; fi\necho "fake-node $0 $*"\n`);
  chmodSync(path, 0o755);
  return path;
}

function machine() {
  const root = mkdtempSync(join(tmpdir(), "aid-launcher-"));
  const workflow = join(root, "workflow");
  mkdirSync(workflow);
  copyFileSync(LAUNCHER, join(workflow, "launcher.sh"));
  chmodSync(join(workflow, "launcher.sh"), 0o755);
  const tools = join(root, "tools");
  mkdirSync(tools);
  const mkdir = execFileSync("sh", ["-c", "command -v mkdir"], { encoding: "utf8" }).trim();
  symlinkSync(mkdir, join(tools, "mkdir"));
  return { root, workflow, tools, cache: join(root, "cache") };
}

type Machine = ReturnType<typeof machine>;

/** Shells to run the launcher with: /bin/sh always, bash and dash where installed. */
const SHELLS = [
  ...new Map(
    ["/bin/sh", "/bin/bash", "/bin/dash", "/usr/bin/dash"]
      .filter((s) => existsSync(s))
      .map((s) => [realpathSync(s), s] as const)
      .reverse(),
  ).values(),
].reverse();

function launch(shell: string, m: Machine, env: Record<string, string>, args = ["checklist", "--", "my query"]) {
  const r = spawnSync(shell, ["./launcher.sh", ...args], {
    cwd: m.workflow,
    encoding: "utf8",
    env: {
      PATH: m.tools,
      HOME: m.root,
      SHELL: "/nonexistent/shell",
      ALFRED_DOCTOR_NODE_CANDIDATES: "",
      ALFRED_DOCTOR_PATH_HELPER: "",
      alfred_workflow_cache: m.cache,
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(SHELLS)("launcher.sh under %s", (shell) => {
  it("uses node from PATH, passing every argument through (the query stays one argument)", () => {
    const m = machine();
    const node = fakeNode(join(m.root, "usr-local-bin"));
    const r = launch(shell, m, { PATH: `${m.tools}:${join(m.root, "usr-local-bin")}` });
    expect(r.stdout).toBe(`fake-node ${node} ./apple-id-doctor.js checklist -- my query\n`);
    expect(r.code).toBe(0);
  });

  it("finds node in a Homebrew-like folder outside PATH (ALFRED_DOCTOR_NODE_CANDIDATES)", () => {
    const m = machine();
    const brew = fakeNode(join(m.root, "opt", "homebrew", "bin"));
    const r = launch(shell, m, { ALFRED_DOCTOR_NODE_CANDIDATES: `${join(m.root, "missing", "node")}:${brew}` });
    expect(r.stdout).toBe(`fake-node ${brew} ./apple-id-doctor.js checklist -- my query\n`);
  });

  it("skips a node that is too old for one that is new enough", () => {
    const m = machine();
    fakeNode(join(m.root, "old"), "v16.20.2");
    const good = fakeNode(join(m.root, "new"), "v24.1.0");
    const r = launch(shell, m, {
      PATH: `${m.tools}:${join(m.root, "old")}`,
      ALFRED_DOCTOR_NODE_CANDIDATES: good,
    });
    expect(r.stdout).toBe(`fake-node ${good} ./apple-id-doctor.js checklist -- my query\n`);
  });

  it("reads path_helper's PATH without evaluating it", () => {
    const m = machine();
    const node = fakeNode(join(m.root, "etc-paths"));
    const helper = join(m.root, "path_helper");
    writeFileSync(
      helper,
      `#!/bin/sh\necho 'PATH="/nonexistent:${join(m.root, "etc-paths")}"; export PATH; touch ${m.root}/evaluated;'\n`,
    );
    chmodSync(helper, 0o755);
    const r = launch(shell, m, { ALFRED_DOCTOR_PATH_HELPER: helper });
    expect(r.stdout).toBe(`fake-node ${node} ./apple-id-doctor.js checklist -- my query\n`);
    expect(existsSync(join(m.root, "evaluated"))).toBe(false);
  });

  it("falls back to the login shell's PATH, ignoring its chatter, and caches it", () => {
    const m = machine();
    const node = fakeNode(join(m.root, "nvm", "bin"));
    const fakeShell = join(m.root, "zsh");
    // A login shell whose profile prints noise and sets PATH, then runs the -c command.
    writeFileSync(
      fakeShell,
      `#!/bin/sh\necho "Last login: today"\nPATH="/usr/bin:${join(m.root, "nvm", "bin")}"\nexport PATH\n[ "$1" = -l ] && [ "$2" = -c ] || exit 9\neval "$3"\necho "bye"\n`,
    );
    chmodSync(fakeShell, 0o755);
    const r = launch(shell, m, { SHELL: fakeShell });
    expect(r.stdout).toBe(`fake-node ${node} ./apple-id-doctor.js checklist -- my query\n`);
    expect(readFileSync(join(m.cache, "path.txt"), "utf8")).toBe(`/usr/bin:${join(m.root, "nvm", "bin")}\n`);

    // Next time the cached PATH is enough: the login shell isn't started again.
    writeFileSync(fakeShell, "#!/bin/sh\nexit 1\n");
    expect(launch(shell, m, { SHELL: fakeShell }).stdout).toBe(
      `fake-node ${node} ./apple-id-doctor.js checklist -- my query\n`,
    );
  });

  it("no node anywhere: a valid Script Filter row saying how to install it", () => {
    const m = machine();
    const r = launch(shell, m, {});
    const out = JSON.parse(r.stdout);
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({
      title: "Apple ID Doctor needs Node.js 22 or later",
      valid: false,
      icon: { path: "icons/error.png" },
    });
    expect(out.items[0].subtitle).toMatch(/brew install node.*nodejs\.org/);
  });

  it("only a node that is too old: the row says which version it found", () => {
    const m = machine();
    const old = fakeNode(join(m.root, "old"), "v18.19.0");
    const out = JSON.parse(launch(shell, m, { ALFRED_DOCTOR_NODE_CANDIDATES: old }).stdout);
    expect(out.items[0].title).toBe("Apple ID Doctor needs Node.js 22 or later (found v18.19.0)");
  });

  it("for the Run Script action, no node is one plain line for the notification", () => {
    const m = machine();
    const r = launch(shell, m, {}, ["action", "--", "fix:flush-dns"]);
    expect(r.stdout).toMatch(/^Apple ID Doctor needs Node\.js 22 or later\. Install it with Homebrew/);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});

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
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// launcher.sh against fake Macs: a temporary HOME and a temporary root for
// the fixed system folders (/opt/homebrew, /usr/local, /opt/local), holding
// fake `node` scripts that print their version for -v (and count how often
// they were asked) and echo their arguments otherwise. PATH holds only a
// folder of the few tools the launcher may use, so the real node on this
// machine is never found by accident. Each version manager is laid out the
// way it lays itself out: nvm's versions/node/vX and alias files, fnm's
// node-versions/vX/installation and aliases/default link, asdf's
// installs/nodejs/X and ~/.tool-versions, mise's installs/node/X, Volta's
// shim, Homebrew's keg-only opt/node@NN.

const LAUNCHER = join(__dirname, "..", "..", "src", "alfred", "launcher.sh");

function machine() {
  const root = mkdtempSync(join(tmpdir(), "aid-launcher-"));
  const workflow = join(root, "workflow");
  mkdirSync(workflow);
  copyFileSync(LAUNCHER, join(workflow, "launcher.sh"));
  chmodSync(join(workflow, "launcher.sh"), 0o755);
  const tools = join(root, "tools");
  mkdirSync(tools);
  for (const tool of ["mkdir", "rm", "sleep"]) {
    const path = execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim();
    symlinkSync(path, join(tools, tool));
  }
  const home = join(root, "home");
  const sys = join(root, "sys");
  mkdirSync(home);
  mkdirSync(sys);
  return { root, workflow, tools, home, sys, cache: join(root, "cache"), calls: join(root, "calls") };
}

type Machine = ReturnType<typeof machine>;

/** A fake node at <dir>/node; -v prints the version and appends a line to m.calls. */
function fakeNode(m: Machine, dir: string, version = "v22.11.0"): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "node");
  writeFileSync(
    path,
    `#!/bin/sh\nif [ "$1" = -v ]; then echo "$0" >>'${m.calls}'; echo ${version}; exit 0; fi\necho "fake-node $0 $*"\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

const ran = (node: string, args = "checklist -- my query") => `fake-node ${node} ./apple-id-doctor.js ${args}\n`;
const versionChecks = (m: Machine) => (existsSync(m.calls) ? readFileSync(m.calls, "utf8").split("\n").length - 1 : 0);

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
  const started = Date.now();
  const r = spawnSync(shell, ["./launcher.sh", ...args], {
    cwd: m.workflow,
    encoding: "utf8",
    timeout: 20_000,
    env: {
      PATH: m.tools,
      HOME: m.home,
      SHELL: "/nonexistent/shell",
      ALFRED_DOCTOR_FS_ROOT: m.sys,
      ALFRED_DOCTOR_PATH_HELPER: "",
      alfred_workflow_cache: m.cache,
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const cached = (m: Machine) => readFileSync(join(m.cache, "node-path.txt"), "utf8");

describe.each(SHELLS)("launcher.sh under %s", (shell) => {
  describe("where node is", () => {
    it("uses node from PATH, passing every argument through (the query stays one argument)", () => {
      const m = machine();
      const node = fakeNode(m, join(m.root, "usr-local-bin"));
      const r = launch(shell, m, { PATH: `${m.tools}:${join(m.root, "usr-local-bin")}` });
      expect(r.stdout).toBe(ran(node));
      expect(r.code).toBe(0);
    });

    it("Homebrew on Apple silicon and Intel", () => {
      for (const prefix of ["opt/homebrew", "usr/local"]) {
        const m = machine();
        const node = fakeNode(m, join(m.sys, prefix, "bin"));
        expect(launch(shell, m, {}).stdout).toBe(ran(node));
      }
    });

    it("Homebrew's keg-only node@22 (not linked into bin), the newest new-enough keg", () => {
      const m = machine();
      fakeNode(m, join(m.sys, "opt/homebrew/opt/node@20/bin"), "v20.18.0");
      const keg22 = fakeNode(m, join(m.sys, "opt/homebrew/opt/node@22/bin"), "v22.12.0");
      mkdirSync(join(m.sys, "opt/homebrew/opt/nodenv/bin"), { recursive: true }); // another formula
      expect(launch(shell, m, {}).stdout).toBe(ran(keg22));
    });

    it("skips a node that is too old for one that is new enough", () => {
      const m = machine();
      fakeNode(m, join(m.root, "old"), "v16.20.2");
      const good = fakeNode(m, join(m.sys, "opt/homebrew/bin"), "v24.1.0");
      expect(launch(shell, m, { PATH: `${m.tools}:${join(m.root, "old")}` }).stdout).toBe(ran(good));
    });

    it("nvm: the version its default alias names, compared as numbers (v22.12 beats v22.9, v24 isn't the default)", () => {
      const m = machine();
      const versions = join(m.home, ".nvm/versions/node");
      fakeNode(m, join(versions, "v22.9.0/bin"), "v22.9.0");
      fakeNode(m, join(versions, "v22.11.0/bin"), "v22.11.0");
      const wanted = fakeNode(m, join(versions, "v22.12.0/bin"), "v22.12.0");
      fakeNode(m, join(versions, "v24.0.0/bin"), "v24.0.0");
      mkdirSync(join(m.home, ".nvm/alias"));
      writeFileSync(join(m.home, ".nvm/alias/default"), "22\n");
      expect(launch(shell, m, {}).stdout).toBe(ran(wanted));
      expect(versionChecks(m)).toBe(1); // versions are read from folder names; only the winner runs
    });

    it("nvm: a default alias that chains (default → lts/* → lts/jod → v22.11.0), written without a newline", () => {
      const m = machine();
      const nvm = join(m.home, ".nvm");
      fakeNode(m, join(nvm, "versions/node/v22.10.0/bin"), "v22.10.0");
      const wanted = fakeNode(m, join(nvm, "versions/node/v22.11.0/bin"), "v22.11.0");
      fakeNode(m, join(nvm, "versions/node/v23.3.0/bin"), "v23.3.0");
      mkdirSync(join(nvm, "alias/lts"), { recursive: true });
      writeFileSync(join(nvm, "alias/default"), "lts/*");
      writeFileSync(join(nvm, "alias/lts/*"), "lts/jod\n");
      writeFileSync(join(nvm, "alias/lts/jod"), "v22.11.0\n");
      expect(launch(shell, m, {}).stdout).toBe(ran(wanted));
    });

    it("nvm: with no default, or a default that is too old, the newest installed version ≥ 22 (not the oldest)", () => {
      const m = machine();
      const versions = join(m.home, ".nvm/versions/node");
      fakeNode(m, join(versions, "v18.20.4/bin"), "v18.20.4");
      fakeNode(m, join(versions, "v22.1.0/bin"), "v22.1.0");
      const newest = fakeNode(m, join(versions, "v22.10.0/bin"), "v22.10.0");
      expect(launch(shell, m, {}).stdout).toBe(ran(newest));

      mkdirSync(join(m.home, ".nvm/alias"));
      writeFileSync(join(m.home, ".nvm/alias/default"), "18\n");
      expect(launch(shell, m, { alfred_workflow_cache: join(m.root, "other-cache") }).stdout).toBe(ran(newest));
    });

    it("nvm in the XDG folder (~/.config/nvm) and in a custom $NVM_DIR", () => {
      const m = machine();
      const xdg = fakeNode(m, join(m.home, ".config/nvm/versions/node/v22.11.0/bin"));
      expect(launch(shell, m, {}).stdout).toBe(ran(xdg));

      const m2 = machine();
      const custom = fakeNode(m2, join(m2.root, "tools-dir/nvm/versions/node/v24.2.0/bin"), "v24.2.0");
      expect(launch(shell, m2, { NVM_DIR: join(m2.root, "tools-dir/nvm") }).stdout).toBe(ran(custom));
    });

    it("fnm: its default alias (a link to an installation) in ~/.local/share/fnm", () => {
      const m = machine();
      const fnm = join(m.home, ".local/share/fnm");
      fakeNode(m, join(fnm, "node-versions/v22.11.0/installation/bin"));
      fakeNode(m, join(fnm, "node-versions/v24.0.0/installation/bin"), "v24.0.0");
      mkdirSync(join(fnm, "aliases"), { recursive: true });
      symlinkSync(join(fnm, "node-versions/v22.11.0/installation"), join(fnm, "aliases/default"));
      // Through the link, so `fnm default 24` later is followed without a new search.
      expect(launch(shell, m, {}).stdout).toBe(ran(join(fnm, "aliases/default/bin/node")));
      expect(readFileSync(m.calls, "utf8")).toContain("aliases/default/bin/node");
    });

    it("fnm in ~/Library/Application Support/fnm (a space in the path), no alias: the newest", () => {
      const m = machine();
      const fnm = join(m.home, "Library/Application Support/fnm");
      fakeNode(m, join(fnm, "node-versions/v22.3.0/installation/bin"), "v22.3.0");
      const newest = fakeNode(m, join(fnm, "node-versions/v23.1.0/installation/bin"), "v23.1.0");
      expect(launch(shell, m, {}).stdout).toBe(ran(newest));
    });

    it("Volta's shim in ~/.volta/bin", () => {
      const m = machine();
      const shim = fakeNode(m, join(m.home, ".volta/bin"));
      expect(launch(shell, m, {}).stdout).toBe(ran(shim));
    });

    it("asdf: the version ~/.tool-versions names; mise: the newest install", () => {
      const m = machine();
      const asdf = join(m.home, ".asdf/installs/nodejs");
      const wanted = fakeNode(m, join(asdf, "22.11.0/bin"), "v22.11.0");
      fakeNode(m, join(asdf, "24.1.0/bin"), "v24.1.0");
      writeFileSync(join(m.home, ".tool-versions"), "python 3.12.1\nnodejs 22.11.0\n");
      expect(launch(shell, m, {}).stdout).toBe(ran(wanted));

      const m2 = machine();
      const mise = join(m2.home, ".local/share/mise/installs/node");
      fakeNode(m2, join(mise, "22.11.0/bin"), "v22.11.0");
      const newest = fakeNode(m2, join(mise, "24.1.0/bin"), "v24.1.0");
      symlinkSync(join(mise, "24.1.0"), join(mise, "latest"));
      expect(launch(shell, m2, {}).stdout).toBe(ran(newest));
    });

    it("reads path_helper's PATH without evaluating it", () => {
      const m = machine();
      const node = fakeNode(m, join(m.root, "etc-paths"));
      const helper = join(m.root, "path_helper");
      writeFileSync(
        helper,
        `#!/bin/sh\necho 'PATH="/nonexistent:${join(m.root, "etc-paths")}"; export PATH; touch ${m.root}/evaluated;'\n`,
      );
      chmodSync(helper, 0o755);
      expect(launch(shell, m, { ALFRED_DOCTOR_PATH_HELPER: helper }).stdout).toBe(ran(node));
      expect(existsSync(join(m.root, "evaluated"))).toBe(false);
    });
  });

  describe("the login shell", () => {
    /** A shell that sets PATH only when started interactive and login (where ~/.zshrc runs), with chatter. */
    function zsh(m: Machine, body: string) {
      const path = join(m.root, "zsh");
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    }

    it("asks an interactive login shell (-i -l: the one that reads ~/.zshrc), ignores its chatter, caches what it found", () => {
      const m = machine();
      const node = fakeNode(m, join(m.root, "custom/node/bin"));
      const fakeShell = zsh(
        m,
        [
          `[ "$1" = -i ] && [ "$2" = -l ] && [ "$3" = -c ] || exit 9`,
          `printf '\\033]133;A\\007Last login: today\\n'`, // shell integration escape codes
          `PATH="/usr/bin:${join(m.root, "custom/node/bin")}"`,
          `export PATH`,
          `eval "$4"`,
          `echo "bye"`,
        ].join("\n"),
      );
      const r = launch(shell, m, { SHELL: fakeShell });
      expect(r.stdout).toBe(ran(node));
      expect(cached(m)).toBe(`${node}\n`);

      // Next time the cached node runs at once: no shell, not even node -v.
      writeFileSync(fakeShell, "#!/bin/sh\nexit 1\n");
      const checks = versionChecks(m);
      expect(launch(shell, m, { SHELL: fakeShell }).stdout).toBe(ran(node));
      expect(versionChecks(m)).toBe(checks);
    });

    it("a real bash login shell whose ~/.bashrc only sets PATH when interactive (the usual guard), as nvm's installer leaves it", () => {
      const bash = ["/bin/bash", "/usr/bin/bash"].find((b) => existsSync(b));
      if (!bash) return;
      const m = machine();
      const node = fakeNode(m, join(m.home, "custom-nvm/versions/node/v22.11.0/bin"));
      writeFileSync(join(m.home, ".bash_profile"), '[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"\n');
      writeFileSync(
        join(m.home, ".bashrc"),
        [
          "case $- in *i*) ;; *) return ;; esac",
          'echo "Welcome back"',
          `export NVM_DIR="$HOME/custom-nvm"`,
          `export PATH="$NVM_DIR/versions/node/v22.11.0/bin:$PATH"`,
          "",
        ].join("\n"),
      );
      expect(launch(shell, m, { SHELL: bash }).stdout).toBe(ran(node));
      expect(cached(m)).toBe(`${node}\n`);
    });

    it("a real zsh (the macOS default) whose ~/.zshrc sets PATH, with escape codes and chatter, where zsh is installed", () => {
      const zsh = ["/bin/zsh", "/usr/bin/zsh"].find((z) => existsSync(z));
      if (!zsh) return;
      const m = machine();
      fakeNode(m, join(m.home, ".local/share/fnm/node-versions/v22.11.0/installation/bin"));
      // Like `eval "$(fnm env)"`: only ~/.zshrc knows where node is (fnm's multishell link, outside its folders).
      mkdirSync(join(m.home, "elsewhere"));
      symlinkSync(
        join(m.home, ".local/share/fnm/node-versions/v22.11.0/installation/bin"),
        join(m.home, "elsewhere/bin"),
      );
      writeFileSync(
        join(m.home, ".zshrc"),
        ["print -n '\\e]133;A\\a'", 'echo "Last login: today"', 'export PATH="$HOME/elsewhere/bin:$PATH"', ""].join(
          "\n",
        ),
      );
      // Hide fnm's own folder from the direct search, so only the shell can answer.
      const r = launch(shell, m, { SHELL: zsh, XDG_DATA_HOME: join(m.root, "nowhere") });
      expect(r.stdout).toBe(ran(join(m.home, "elsewhere/bin/node")));
    });

    it("a shell that never answers is killed after the time limit; the row says how to install node", () => {
      const m = machine();
      const fakeShell = zsh(m, "exec sleep 30");
      const r = launch(shell, m, { SHELL: fakeShell, ALFRED_DOCTOR_SHELL_SECONDS: "1" });
      expect(JSON.parse(r.stdout).items[0].title).toBe("Apple ID Doctor needs Node.js 22 or later");
      expect(r.ms).toBeLessThan(10_000);
    });
  });

  describe("the cache", () => {
    it("whatever found node is remembered; a cached node that is gone means searching again", () => {
      const m = machine();
      const brew = fakeNode(m, join(m.sys, "opt/homebrew/bin"));
      launch(shell, m, {});
      expect(cached(m)).toBe(`${brew}\n`);

      mkdirSync(m.cache, { recursive: true });
      writeFileSync(join(m.cache, "node-path.txt"), `${join(m.root, "uninstalled/node")}\n`);
      expect(launch(shell, m, {}).stdout).toBe(ran(brew));
      expect(cached(m)).toBe(`${brew}\n`);
    });
  });

  describe("no node", () => {
    it("a valid Script Filter row saying how to install it", () => {
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
      expect(existsSync(join(m.cache, "node-path.txt"))).toBe(false);
    });

    it("only a node that is too old: the row says which version it found", () => {
      const m = machine();
      fakeNode(m, join(m.sys, "usr/local/bin"), "v18.19.0");
      const out = JSON.parse(launch(shell, m, {}).stdout);
      expect(out.items[0].title).toBe("Apple ID Doctor needs Node.js 22 or later (found v18.19.0)");
    });

    it("for the Run Script action, one plain line for the notification, and exit 0 (Alfred drops a failed script's output)", () => {
      const m = machine();
      const r = launch(shell, m, {}, ["action", "--", "fix:flush-dns"]);
      expect(r.stdout).toMatch(/^Apple ID Doctor needs Node\.js 22 or later\. Install it with Homebrew/);
      expect(r.stdout.trim().split("\n")).toHaveLength(1);
      expect(r.code).toBe(0);
    });
  });
});

describe("the launcher's files", () => {
  it("is POSIX sh that dash and bash parse", () => {
    for (const shell of SHELLS) expect(spawnSync(shell, ["-n", LAUNCHER]).status).toBe(0);
    expect(dirname(LAUNCHER)).toMatch(/src\/alfred$/);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checklistFrame,
  FAILED_FRESH_MS,
  FRESH_MS,
  LOCK_FILE,
  recentFindings,
  settleStart,
  RUN_FILE,
  RUN_FORMAT,
  writeRun,
  type CachedRun,
} from "../../src/alfred/checklist-cache";
import { FIX_FLAGS } from "../../src/alfred/fix-flags";
import { filterItems, findingItem, fixAction, ICONS, type FindingView } from "../../src/alfred/items";
import { parseActionArg, runAction } from "../../src/alfred/run-action";
import { FIXES } from "../../src/core/fixes";
import type { Host } from "../../src/core/host/types";
import { parseAlfredArgs, runBackground, scriptFilter, type ScriptFilterDeps } from "../../src/alfred/script-filter";
import { createRealHost } from "../../src/core/host/real";
import { parseRecording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { CHECKLIST_PROBES } from "../../src/core/probes";
import { makeFakeBin } from "../support/fake-bin";
import * as scenarios from "../support/scenarios";

const rec = (name: string) => join(__dirname, "..", "fixtures", "recordings", `${name}.json`);
const replayHost = (name: string) => createReplayHost(parseRecording(readFileSync(rec(name), "utf8")));
const tmp = (prefix = "aid-alfred-") => mkdtempSync(join(tmpdir(), prefix));

describe("rows", () => {
  it("open-* fixes open their URL (the legacy pane before macOS 13); the rest run through the core", () => {
    expect(fixAction("open-network-settings")?.arg).toBe(
      "open:x-apple.systempreferences:com.apple.Network-Settings.extension",
    );
    expect(fixAction("open-network-settings", 12)?.arg).toBe(
      "open:x-apple.systempreferences:com.apple.preference.network",
    );
    expect(fixAction("flush-dns")).toMatchObject({ arg: "fix:flush-dns", needsAdmin: true, destructive: false });
    expect(fixAction("reset-account-cache")).toMatchObject({ arg: "fix:reset-account-cache", destructive: true });
  });

  it("⏎ runs the first fix, ⌘ the second; a destructive fix is only ever on ⌘, with :confirm", () => {
    const finding: FindingView = {
      probe: "clock",
      status: "fail",
      title: "Clock",
      summary: "Clock is 9 min ahead",
      details: ["time.apple.com: offset -541000 ms"],
      fixes: ["sync-clock", "open-date-time-settings"],
    };
    const item = findingItem(finding, {});
    expect(item).toMatchObject({ arg: "fix:sync-clock", valid: true, icon: { path: ICONS.fail } });
    expect(item.subtitle).toMatch(/^⏎ Sync Clock \(macOS asks for your password\) · time\.apple\.com/);
    expect(item.mods.cmd).toMatchObject({ valid: true, arg: expect.stringMatching(/^open:x-apple\.system/) });
    expect(item.text.copy).not.toContain("9 min"); // no report yet: nothing that could hold an identifier

    const reset = findingItem({ ...finding, fixes: ["reset-account-cache"] }, {});
    expect(reset).toMatchObject({ valid: false, arg: "" });
    expect(reset.mods.cmd).toMatchObject({ valid: true, arg: "fix:reset-account-cache:confirm" });
  });

  it("the rows' table of fixes is the core's (the first frame doesn't load the fixes)", () => {
    const core = Object.fromEntries(
      FIXES.filter((f) => !f.id.startsWith("open-") && f.id !== "contact-apple-support").map((f) => [
        f.id,
        { destructive: f.destructive, needsAdmin: f.needsAdmin },
      ]),
    );
    expect(FIX_FLAGS).toEqual(core);
    for (const f of FIXES) expect(fixAction(f.id)?.title).toBe(f.title);
  });

  it("a query keeps the first row and the rows matching every word", () => {
    const rows = ["Diagnosis: DNS Problem", "DNS: broken", "Clock: fine", "Proxy: none"].map((title) =>
      findingItem({ probe: "dns", status: "pass", title, summary: "", details: [], fixes: [] }, { copy: "x" }),
    );
    expect(filterItems(rows, "clock").map((r) => r.title)).toEqual([rows[0].title, rows[2].title]);
    expect(filterItems(rows, "")).toBe(rows);
    expect(filterItems(rows, "nothing matches")).toHaveLength(1);
  });
});

describe("arguments", () => {
  it("nothing typed after the keyword can become an option: the query comes after --", () => {
    expect(parseAlfredArgs(["checklist", "--", "--replay /etc/passwd"])).toEqual({
      ok: true,
      args: { command: "checklist", query: "--replay /etc/passwd" },
    });
    expect(parseAlfredArgs(["dns", "--replay", "x.json"])).toMatchObject({ ok: true, args: { replay: "x.json" } });
    expect(parseAlfredArgs(["checklist", "--bogus"])).toMatchObject({ ok: false });
    expect(parseAlfredArgs(["report"])).toMatchObject({ ok: false });
  });

  it("a broken invocation or a crash is one row, never an empty list", async () => {
    const bad = await scriptFilter(["nope"], { env: {} });
    expect(bad.items).toHaveLength(1);
    expect(bad.items[0].title).toMatch(/Started the Wrong Way/);
    const crash = await scriptFilter(["status"], {
      env: {},
      realHost: () => {
        throw new Error("kaboom");
      },
    });
    expect(crash.items).toHaveLength(1);
    expect(crash.items[0]).toMatchObject({ title: "Apple ID Doctor Ran Into a Problem", valid: false });
    expect(crash.items[0].subtitle).toMatch(/^kaboom\. Try again/);
  });
});

describe("the checklist in the background", () => {
  function setup() {
    const cache = tmp("aid-alfred-cache-");
    let clock = 1_000_000;
    const started: string[] = [];
    const deps: ScriptFilterDeps = {
      env: { alfred_workflow_cache: cache, alfred_workflow_data: tmp("aid-alfred-data-") },
      now: () => clock,
      spawnBackground: (runId) => {
        started.push(runId);
        return undefined;
      },
      isAlive: () => true,
    };
    return { cache, deps, started, tick: (ms: number) => (clock += ms) };
  }

  it("first run: Checking… rows at once with rerun; later runs read the result; a stale result is recomputed", async () => {
    const { deps, started, tick } = setup();
    const first = await scriptFilter(["checklist", "--", ""], deps);
    expect(first.rerun).toBe(0.3);
    expect(first.items.map((i) => i.subtitle).filter((s) => s === "Checking…")).toHaveLength(CHECKLIST_PROBES.length);
    expect(started).toHaveLength(1);

    tick(300);
    const again = await scriptFilter(["checklist", "--", ""], deps);
    expect(again.rerun).toBe(0.3);
    expect(started).toHaveLength(1); // one run at a time

    await runBackground(started[0], deps, replayHost("dns-broken"));
    tick(300);
    const done = await scriptFilter(["checklist", "--", ""], deps);
    expect(done.rerun).toBeUndefined();
    expect(done.items[0]).toMatchObject({ uid: "cause:dns", arg: "fix:flush-dns" });
    expect(done.items.every((i) => i.subtitle !== "Checking…")).toBe(true);

    tick(FRESH_MS - 1000);
    expect((await scriptFilter(["checklist", "--", ""], deps)).rerun).toBeUndefined();
    tick(2000);
    expect((await scriptFilter(["checklist", "--", ""], deps)).rerun).toBe(0.3);
    expect(started).toHaveLength(2);
  });

  it("findings written so far show while the rest say Checking…", () => {
    const { cache, deps, started } = setup();
    const frame = () =>
      checklistFrame({
        dir: cache,
        now: deps.now!,
        start: (id) => deps.spawnBackground!(id, "checklist"),
        isAlive: () => true,
      });
    expect(frame().kind).toBe("running");
    writeRun(cache, {
      format: RUN_FORMAT,
      runId: started[0],
      state: "running",
      startedAt: deps.now!(),
      findings: [{ probe: "dns", status: "fail", title: "DNS", summary: "broken", details: [], fixes: ["flush-dns"] }],
    });
    const f = frame();
    expect(f).toMatchObject({ kind: "running", snapshot: { findings: [{ probe: "dns" }] } });
  });

  it("a background process that died is reported once, then the next run starts over", async () => {
    const { cache, deps, started, tick } = setup();
    await scriptFilter(["checklist", "--", ""], deps);
    writeFileSync(join(cache, LOCK_FILE), JSON.stringify({ runId: started[0], startedAt: deps.now!(), pid: 999999 }));
    const dead = await scriptFilter(["checklist", "--", ""], { ...deps, isAlive: () => false });
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({ title: "The checks stopped before finishing", valid: false });
    expect(dead.rerun).toBeUndefined();
    expect(existsSync(join(cache, LOCK_FILE))).toBe(false);
    tick(FAILED_FRESH_MS + 1);
    expect((await scriptFilter(["checklist", "--", ""], deps)).rerun).toBe(0.3);
    expect(started).toHaveLength(2);
  });

  it("a fix's before: the newest finished run's finding per probe, nothing older than the limit", () => {
    const { cache } = setup();
    const dns = (status: "pass" | "fail") => ({
      probe: "dns" as const,
      status,
      title: "DNS",
      summary: status,
      details: [],
      fixes: [],
    });
    const done = (finishedAt: number, status: "pass" | "fail"): CachedRun => ({
      format: RUN_FORMAT,
      runId: `r${finishedAt}`,
      state: "done" as const,
      startedAt: finishedAt - 10,
      finishedAt,
      findings: [dns(status)],
    });
    writeRun(cache, done(1000, "pass"), "checklist");
    writeRun(cache, done(2000, "fail"), "dns");
    expect(recentFindings(cache, ["checklist", "dns"], 2500, 5000).map((f) => f.status)).toEqual(["fail"]);
    expect(recentFindings(cache, ["checklist", "dns"], 6500, 5000).map((f) => f.status)).toEqual(["fail"]);
    expect(recentFindings(cache, ["checklist", "dns"], 7500, 5000)).toEqual([]);
  });

  it("a lock a crash left half-written doesn't keep it Checking… forever", async () => {
    const { cache, deps, started } = setup();
    writeFileSync(join(cache, LOCK_FILE), "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(cache, LOCK_FILE), old, old);
    const out = await scriptFilter(["checklist", "--", ""], deps);
    expect(out.rerun).toBe(0.3);
    expect(started).toHaveLength(1);
  });

  it("a start settled after the answer: the lock learns the pid, or the next rerun shows why it failed", async () => {
    const { cache, deps, started } = setup();
    const first = await scriptFilter(["checklist", "--", ""], deps);
    const runId = first.variables!.aid_run;
    expect(started).toEqual([runId]);
    settleStart(cache, runId, { pid: 4242 });
    expect(JSON.parse(readFileSync(join(cache, LOCK_FILE), "utf8"))).toMatchObject({ runId, pid: 4242 });
    settleStart(cache, "another-run", { error: "late" }); // not this run's lock: nothing changes
    expect(existsSync(join(cache, LOCK_FILE))).toBe(true);

    settleStart(cache, runId, { error: "Couldn't start the checks: spawn EAGAIN" });
    expect(existsSync(join(cache, LOCK_FILE))).toBe(false);
    const rerun = await scriptFilter(["checklist", "--", ""], { ...deps, env: { ...deps.env, aid_run: runId } });
    expect(rerun.items).toHaveLength(1);
    expect(rerun.items[0].title).toBe("Couldn't start the checks: spawn EAGAIN");
  });

  it("a spawn that fails is one row saying so", async () => {
    const { deps } = setup();
    const out = await scriptFilter(["checklist", "--", ""], {
      ...deps,
      spawnBackground: () => {
        throw new Error("spawn EACCES");
      },
    });
    expect(out.items).toHaveLength(1);
    expect(out.items[0].title).toBe("Couldn't start the checks: spawn EACCES");
  });
});

describe("keystrokes (Alfred filters; each invocation checks once)", () => {
  /** Alfred as the Script Filter sees it: reruns pass back the answer's variables as environment variables. */
  function alfred(command: string) {
    const cache = tmp("aid-alfred-cache-");
    const data = tmp("aid-alfred-data-");
    let clock = 1_000_000;
    const started: { runId: string; command: string }[] = [];
    const deps = (env: Record<string, string> = {}): ScriptFilterDeps => ({
      env: { alfred_workflow_cache: cache, alfred_workflow_data: data, ...env },
      now: () => clock,
      spawnBackground: (runId, cmd) => {
        started.push({ runId, command: cmd });
        return undefined;
      },
      isAlive: () => true,
    });
    let session: Record<string, string> = {};
    return {
      started,
      deps,
      tick: (ms: number) => (clock += ms),
      /** A new invocation: the keyword typed afresh. */
      open: async (query = "") => {
        const out = await scriptFilter([command, "--", query], deps());
        session = out.variables ?? {};
        return out;
      },
      /** Alfred running the Script Filter again on `rerun`. */
      rerun: async (query = "") => {
        const out = await scriptFilter([command, "--", query], deps(session));
        session = { ...session, ...out.variables };
        return out;
      },
    };
  }

  it("the query doesn't change the answer: Alfred filters it, so rows never vanish for the rest of an invocation", async () => {
    const a = alfred("checklist");
    const empty = await a.open("");
    const typed = await a.rerun("clock");
    expect(typed.items.map((i) => i.uid)).toEqual(empty.items.map((i) => i.uid));
    expect(a.started).toHaveLength(1);
  });

  it("flushdns: the Flush row at once (valid, announces the password prompt), lookups in the background, one run per invocation", async () => {
    const a = alfred("dns");
    const first = await a.open();
    expect(first.items[0]).toMatchObject({
      uid: "fix:flush-dns",
      arg: "fix:flush-dns",
      valid: true,
      variables: { action: "run", admin: "yes" },
    });
    expect(first.items[1]).toMatchObject({ uid: "dns:checking", valid: false });
    expect(first.rerun).toBe(0.3);
    expect(a.started).toEqual([{ runId: first.variables!.aid_run, command: "dns" }]);

    const again = await a.rerun("fl");
    expect(again.rerun).toBe(0.3);
    expect(a.started).toHaveLength(1);

    await runBackground(a.started[0].runId, a.deps(), replayHost("dns-broken"), "dns");
    const done = await a.rerun("flu");
    expect(done.rerun).toBeUndefined();
    expect(done.items[0]).toMatchObject({ uid: "fix:flush-dns", valid: true });
    expect(done.items.some((i) => i.uid === "dns:appleid.apple.com")).toBe(true);
    expect(a.started).toHaveLength(1);

    // The keyword typed again later is a new invocation: it checks again.
    a.tick(1000);
    const next = await a.open();
    expect(next.rerun).toBe(0.3);
    expect(a.started).toHaveLength(2);
  });

  it.each([
    ["clock", ["finding:clock", "fix:sync-clock"]],
    ["icloud", ["finding:account", "fix:restart-icloud-daemons", "fix:reset-account-cache"]],
    ["status", ["status:summary", "status:open"]],
  ])("%s: its action rows in the first frame, before any check has answered", async (command, uids) => {
    const a = alfred(command);
    const first = await a.open();
    expect(first.rerun).toBe(0.3);
    expect(first.items.map((i) => i.uid).slice(0, uids.length)).toEqual(uids);
    expect(a.started).toHaveLength(1);
    await runBackground(a.started[0].runId, a.deps(), replayHost("healthy"), command as "clock");
    const done = await a.rerun();
    expect(done.rerun).toBeUndefined();
    expect(done.items.length).toBeGreaterThan(0);
    expect(done.items.every((i) => i.subtitle !== "Checking…")).toBe(true);
  });

  it("a finished checklist holds the report once (as variables), ⌥⏎ and the report row copy it from there, ⌘L is short", async () => {
    const a = alfred("checklist");
    await a.open();
    await runBackground(a.started[0].runId, a.deps(), replayHost("dns-broken"));
    const done = await a.rerun();
    const json = JSON.stringify(done);
    const plain = done.variables!.report_plain;
    const markdown = done.variables!.report_markdown;
    expect(plain).toMatch(/^APPLE ID DOCTOR REPORT/);
    expect(markdown).toMatch(/^# Apple ID Doctor Report/);
    const count = (needle: string) => json.split(JSON.stringify(needle).slice(1, -1)).length - 1;
    expect(count(plain)).toBe(2); // the variable, and ⌘C on the Copy Support Report row
    expect(count(markdown)).toBe(1);
    expect(json.length).toBeLessThan(40_000);

    const report = done.items.find((i) => i.uid === "report")!;
    expect(report).toMatchObject({ arg: "", valid: true, variables: { action: "copy-report" } });
    expect(report.mods.cmd.variables).toEqual({ action: "copy-report-markdown" });
    for (const item of done.items) {
      expect(item.text.largetype.split("\n").length).toBeLessThanOrEqual(5);
      if (item.mods.alt.valid && item.uid !== report.uid && !item.uid.startsWith("error"))
        expect(item.mods.alt).toMatchObject({ arg: "", variables: { action: "copy-report" } });
    }
    const dns = done.items.find((i) => i.uid === "finding:dns")!;
    expect(dns.text.copy).toMatch(/^DNS: /);
  });
});

describe("the Run Script action", () => {
  it("accepts fix:<id>, fix:<id>:confirm and open: for settings panes and https only", () => {
    expect(parseActionArg("fix:flush-dns")).toEqual({ kind: "fix", id: "flush-dns", confirmed: false });
    expect(parseActionArg("fix:reset-account-cache:confirm")).toMatchObject({ confirmed: true });
    expect(parseActionArg("open:https://www.apple.com/support/systemstatus/")).toMatchObject({ kind: "open" });
    for (const bad of ["open:file:///etc/passwd", "open:/Applications/Calculator.app", "open:https://x y", "rm -rf /"])
      expect(parseActionArg(bad).kind).toBe("invalid");
  });

  it("open: runs /usr/bin/open with the URL as one argument and says nothing on success", async () => {
    const fake = makeFakeBin();
    const url = "x-apple.systempreferences:com.apple.Network-Settings.extension";
    const r = await runAction(`open:${url}`, { env: {}, host: createRealHost(), binaries: fake.bin });
    expect(r).toEqual({ line: "", code: 0 });
    expect(fake.calls()).toEqual([["open", url]]);
  });

  it("a destructive fix without :confirm changes nothing", async () => {
    const fake = makeFakeBin();
    const r = await runAction("fix:reset-account-cache", { env: {}, host: createRealHost(), binaries: fake.bin });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/hold ⌘ and press ⏎ to confirm/);
    expect(fake.calls()).toEqual([]);
  });

  it("reset with :confirm backs up into the workflow data folder, records the history, and invalidates the checklist", async () => {
    const fake = makeFakeBin();
    fake.setAccountState(
      readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8"),
    );
    const data = tmp("aid-alfred-data-");
    const cache = tmp("aid-alfred-cache-");
    writeFileSync(join(cache, RUN_FILE), "{}");
    const r = await runAction("fix:reset-account-cache:confirm", {
      env: { alfred_workflow_data: data, alfred_workflow_cache: cache },
      host: createRealHost({ platform: "darwin" }),
      binaries: fake.bin,
    });
    expect(r.line).toMatch(
      /^✓ Account cache reset; backup saved as MobileMeAccounts-.*\.plist · Apple Account: OK → Warning$/,
    );
    expect(r.code).toBe(0);
    expect(fake.accountState()).toBeUndefined();
    expect(readdirSync(join(data, "backups"))).toHaveLength(1);
    const history = JSON.parse(JSON.parse(readFileSync(join(data, "history.json"), "utf8"))["fix-history"]);
    expect(history).toMatchObject([{ fix: "reset-account-cache", outcome: "done" }]);
    expect(existsSync(join(cache, RUN_FILE))).toBe(false);

    // The iCloud keyword now offers to restore that backup.
    const icloud = await scriptFilter(["icloud"], {
      env: { alfred_workflow_data: data },
      realHost: () => createRealHost({ platform: "darwin" }),
      run: { binaries: fake.bin },
    });
    expect(icloud.items.map((i) => i.arg)).toContain("fix:restore-account-cache");
  });

  it("Touch ID set up but not available: the password sheet is the next step, and the line says why it came", async () => {
    const fake = makeFakeBin();
    fake.mode("sudo", "no-terminal");
    // Commands run for real against the fakes; every network input comes from a recording (no packet leaves).
    const real = createRealHost({ platform: "darwin" });
    const replay = createReplayHost(parseRecording(JSON.stringify(scenarios.healthy())));
    const host: Host = {
      platform: "darwin",
      now: () => replay.now(),
      env: (name) => replay.env(name),
      exec: (command, options) => real.exec(command, options),
      http: (url, options) => replay.http(url, options),
      dns: (name, server, options) => replay.dns(name, server, options),
      tcp: (h, port, options) => replay.tcp(h, port, options),
      tls: (h, port, options) => replay.tls(h, port, options),
      ntp: (server, options) => replay.ntp(server, options),
      readFile: async (path) =>
        path === "/etc/pam.d/sudo_local"
          ? { path, text: "auth       sufficient     pam_tid.so\n" }
          : replay.readFile(path),
    };
    const r = await runAction("fix:flush-dns", {
      env: { alfred_workflow_data: tmp("aid-alfred-data-") },
      host,
      binaries: fake.bin,
    });
    expect(r.line).toMatch(/^✓ Touch ID wasn't available, so macOS asked for the password\. DNS cache flushed/);
    expect(fake.calls().map(([name]) => name)).toEqual(["sudo", "osascript", "dscacheutil", "killall"]);
  });

  it("icloud: Sign Out and Back In (Apple Account Settings) comes before the restart, the reset last as a last resort", async () => {
    const fake = makeFakeBin();
    fake.setAccountState(
      readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8"),
    );
    const icloud = await scriptFilter(["icloud"], {
      env: { alfred_workflow_data: tmp("aid-alfred-data-") },
      realHost: () => createRealHost({ platform: "darwin" }),
      run: { binaries: fake.bin },
    });
    expect(icloud.items.map((i) => i.title)).toEqual([
      "Apple Account: Signed in as jane.doe@example.com",
      "Open Apple Account Settings",
      "Restart iCloud Services",
      "Reset Account Cache",
    ]);
    expect(icloud.items[1].subtitle).toBe("Sign out and back in there: the supported way to get fresh tokens");
    expect(icloud.items[3].subtitle).toMatch(/^Last resort: .*not the tokens/);
  });

  it("⏎ on Flush DNS right after the checks: the prompt comes at once, the findings on screen are the before", async () => {
    const cache = tmp("aid-alfred-cache-");
    const data = tmp("aid-alfred-data-");
    const counted = (): { host: Host; lookups: () => number } => {
      const inner = replayHost("dns-broken");
      let n = 0;
      const host: Host = {
        ...inner,
        platform: "darwin",
        now: () => inner.now(),
        env: (name) => inner.env(name),
        exec: (c, o) => inner.exec(c, o),
        http: (u, o) => inner.http(u, o),
        dns: (name, server, o) => (n++, inner.dns(name, server, o)),
        tcp: (h, p, o) => inner.tcp(h, p, o),
        tls: (h, p, o) => inner.tls(h, p, o),
        ntp: (srv, o) => inner.ntp(srv, o),
        readFile: (p) => inner.readFile(p),
      };
      return { host, lookups: () => n };
    };
    const env = { alfred_workflow_cache: cache, alfred_workflow_data: data };
    const fake = makeFakeBin();

    // No recent checks: the fix looks itself before it asks for the password.
    const cold = counted();
    await runAction("fix:flush-dns", { env, host: cold.host, binaries: fake.bin });
    expect(cold.lookups()).toBeGreaterThan(0);

    // Right after flushdns showed its rows: no lookups before the prompt.
    await runBackground("run1", { env }, replayHost("dns-broken"), "dns");
    const warm = counted();
    const r = await runAction("fix:flush-dns", { env, host: warm.host, binaries: fake.bin });
    expect(r.line).not.toBe("");
    expect(warm.lookups()).toBe(0);
    expect(existsSync(join(cache, "dns.json"))).toBe(false); // what the fix changed is looked at again next time
  });

  it("unknown fixes and stray arguments are one line saying so", async () => {
    const fake = makeFakeBin();
    expect((await runAction("fix:make-coffee", { env: {}, binaries: fake.bin })).line).toMatch(/unknown fix/);
    expect((await runAction("", { env: {}, binaries: fake.bin })).line).toMatch(/nothing was chosen/);
  });
});

import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "plist";
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { buildAlfredWorkflow, WORKFLOW_FILE, type AlfredBuild } from "../../scripts/build-alfred";
import { readZip, type ZipEntry } from "../../scripts/zip";
import { GALLERY, KEYWORDS, MODIFIERS, UIDS } from "../../src/alfred/info-plist";
import type { AlfredItem, ScriptFilterOutput } from "../../src/alfred/items";
import { CHECKLIST_PROBES } from "../../src/core/probes";

// Builds the workflow once (twice, to compare), then checks the package,
// its info.plist, and what the bundled Script Filter prints for recordings.

const root = join(__dirname, "..", "..");
const rec = (name: string) => join(root, "test", "fixtures", "recordings", `${name}.json`);
const run = promisify(execFile);

interface Plist {
  bundleid: string;
  version: string;
  createdby: string;
  webaddress: string;
  readme: string;
  objects: { type: string; uid: string; version: number; config?: Record<string, unknown> }[];
  connections: Record<
    string,
    { destinationuid: string; modifiers: number; sourceoutputuid?: string; vitoclose: boolean }[]
  >;
  uidata: Record<string, unknown>;
  userconfigurationconfig: { variable: string; type: string; config: { default: string } }[];
  variablesdontexport: string[];
}

let first: AlfredBuild;
let second: AlfredBuild;
let entries: ZipEntry[];
let info: Plist;
let infoText: string;

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), "aid-alfred-build-"));
  first = await buildAlfredWorkflow({ workflowDir: join(tmp, "a"), zipPath: join(tmp, "a", "..", "a.alfredworkflow") });
  second = await buildAlfredWorkflow({ workflowDir: join(tmp, "b"), zipPath: join(tmp, WORKFLOW_FILE) });
  entries = readZip(readFileSync(first.zipPath));
  infoText = entries.find((e) => e.name === "info.plist")!.data.toString("utf8");
  info = parse(infoText) as unknown as Plist;
}, 60_000);

const entry = (name: string) => entries.find((e) => e.name === name);

/** Runs the bundle the way the launcher does (cwd = the workflow folder); a failing exit rejects. */
async function bundle(args: string[], env: Record<string, string> = {}, node = process.execPath) {
  const data = mkdtempSync(join(tmpdir(), "aid-alfred-data-"));
  return run(node, [join(first.workflowDir, "apple-id-doctor.js"), ...args], {
    cwd: first.workflowDir,
    env: { ...process.env, alfred_workflow_data: data, alfred_workflow_cache: "", ...env },
  });
}

async function scriptFilter(args: string[], env: Record<string, string> = {}) {
  const { stdout, stderr } = await bundle(args, env);
  expect(stderr).toBe("");
  return JSON.parse(stdout) as ScriptFilterOutput;
}

describe("the .alfredworkflow package", () => {
  it("is a zip with info.plist at the root, the bundle, the launcher (executable), and the icons", () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    for (const name of [
      "info.plist",
      "apple-id-doctor.js",
      "lib/frame.js",
      "lib/worker.js",
      "launcher.sh",
      "icon.png",
      "icons/pass.png",
    ])
      expect(names).toContain(name);
    expect(entry("launcher.sh")!.mode & 0o111).toBe(0o111);
    expect(entry("info.plist")!.mode & 0o111).toBe(0);
    expect(entry("launcher.sh")!.data.toString()).toBe(readFileSync(join(root, "src/alfred/launcher.sh"), "utf8"));
    expect(entry("icon.png")!.data.equals(readFileSync(join(root, "assets/extension-icon.png")))).toBe(true);
    expect(entry("icon.png")!.data.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // Gallery: icon ≥ 256 px
  });

  it("lazy: the entry is tiny and a frame's half holds no probe, host or execa code", () => {
    expect(entry("apple-id-doctor.js")!.data.length).toBeLessThan(4_000);
    const frame = entry("lib/frame.js")!.data.toString();
    expect(frame.length).toBeLessThan(40_000);
    for (const heavy of ["execa", "spawnSync", "getaddrinfo", "date-fns", "plist"]) expect(frame).not.toContain(heavy);
    expect(entry("lib/worker.js")!.data.toString()).toContain("execa");
  });

  it("the Gallery submission names Node as the Homebrew dependency and carries the Gallery-style readme", () => {
    const text = readFileSync(first.galleryPath, "utf8");
    expect(GALLERY.homebrewDependencies).toEqual(["node"]);
    expect(text).toMatch(/## Homebrew dependencies\n\nnode\n/);
    expect(text).toContain(`## Homepage\n\n${GALLERY.homepage}\n`);
    expect(text).toContain(info.readme);
  });

  it("two builds are byte-identical (info.plist and the whole zip)", () => {
    const other = readZip(readFileSync(second.zipPath));
    expect(other.find((e) => e.name === "info.plist")!.data.toString()).toBe(infoText);
    expect(readFileSync(second.zipPath).equals(readFileSync(first.zipPath))).toBe(true);
  });

  it("unzip reads it and keeps the exec bit, where unzip is installed", () => {
    let unzip: string;
    try {
      unzip = execFileSync("sh", ["-c", "command -v unzip"], { encoding: "utf8" }).trim();
    } catch {
      return; // no unzip here: our own reader above has checked every CRC
    }
    expect(execFileSync(unzip, ["-t", first.zipPath], { encoding: "utf8" })).toMatch(/No errors detected/);
    expect(execFileSync(unzip, ["-Z", first.zipPath], { encoding: "utf8" })).toMatch(/-rwxr-xr-x .* launcher\.sh/);
  });
});

describe("info.plist", () => {
  const byUid = () => new Map(info.objects.map((o) => [o.uid, o]));

  it("names the workflow, carries package.json's version, and blanks variables it doesn't export", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(info).toMatchObject({
      bundleid: expect.stringMatching(/\./),
      name: "Apple ID Doctor",
      version: pkg.version,
    });
    expect(info.variablesdontexport).toEqual([]);
  });

  it("fills in who made it and its homepage, with a Gallery-style readme (## Usage, <kbd> keys)", () => {
    expect(info.createdby).not.toBe("");
    expect(info.webaddress).toMatch(/^https:\/\/\S+$/);
    expect(info.readme).toMatch(/^## Usage\n/);
    expect(info.readme).toContain("<kbd>⌥</kbd><kbd>↩\uFE0E</kbd>");
    for (const k of KEYWORDS) expect(info.readme).toContain(`\`${k.keyword}\``);
  });

  it("Alfred filters the rows (the script runs once per invocation), no Universal Action, nothing copied kept in clipboard history", () => {
    for (const k of KEYWORDS) {
      const sf = byUid().get(UIDS.scriptFilter(k.command))!;
      expect(sf.config).toMatchObject({ alfredfiltersresults: true, skipuniversalaction: true });
    }
    const clipboards = info.objects.filter((o) => o.type === "alfred.workflow.output.clipboard");
    expect(clipboards.map((c) => c.config!.clipboardtext).sort()).toEqual(
      ["{query}", "{var:report_markdown}", "{var:report_plain}"].sort(),
    );
    for (const c of clipboards) expect(c.config!.transient).toBe(true);
  });

  it("⏎ on a row that asks for a password posts a notification at once, alongside the Run Script", () => {
    const objects = byUid();
    const routes = info.connections[UIDS.route].filter((c) => !c.sourceoutputuid).map((c) => c.destinationuid);
    expect(routes).toEqual([UIDS.adminCheck, UIDS.runScript]);
    const admin = objects.get(UIDS.adminCheck)!;
    expect(admin.config).toMatchObject({ conditions: [{ inputstring: "{var:admin}", matchstring: "yes" }] });
    const notify = objects.get(info.connections[UIDS.adminCheck][0].destinationuid)!;
    expect(notify).toMatchObject({ type: "alfred.workflow.output.notification" });
    expect(notify.config!.text).toMatch(/password/);
  });

  it("every connection joins objects that exist, and every object is placed on the canvas", () => {
    const objects = byUid();
    expect(objects.size).toBe(info.objects.length); // UIDs are unique
    for (const [source, list] of Object.entries(info.connections)) {
      expect(objects.has(source)).toBe(true);
      for (const c of list) expect(objects.has(c.destinationuid)).toBe(true);
    }
    for (const uid of objects.keys()) expect(Object.keys(info.uidata)).toContain(uid);
  });

  it("each keyword is a user-configurable Script Filter wired ⏎/⌘/⌥ → route → Run Script → Post Notification", () => {
    const objects = byUid();
    const config = new Map(info.userconfigurationconfig.map((c) => [c.variable, c]));
    const defaults = info.userconfigurationconfig.map((c) => c.config.default);
    expect(defaults).toEqual(["appleid", "applestatus", "flushdns", "clockcheck", "icloudfix"]);
    for (const k of KEYWORDS) {
      const sf = objects.get(UIDS.scriptFilter(k.command))!;
      expect(sf.type).toBe("alfred.workflow.input.scriptfilter");
      expect(sf.config).toMatchObject({ keyword: `{var:${k.variable}}`, scriptargtype: 1, type: 0, withspace: true });
      expect(config.get(k.variable)).toMatchObject({ type: "textfield", config: { default: k.keyword } });
      expect(k.keyword.length).toBeGreaterThanOrEqual(3); // Gallery rule
      // The script it runs is in the package.
      const script = sf.config!.script as string;
      expect(script).toBe(`/bin/sh ./launcher.sh ${k.command} -- "$1"`);
      expect(entry(script.split(" ")[1].replace("./", ""))).toBeDefined();

      const out = info.connections[sf.uid];
      expect(out.map((c) => c.modifiers).sort()).toEqual([0, MODIFIERS.alt, MODIFIERS.cmd].sort());
      for (const c of out) {
        const next = c.modifiers === 0 ? c.destinationuid : info.connections[c.destinationuid][0].destinationuid;
        expect(next).toBe(UIDS.route);
      }
    }
    const route = objects.get(UIDS.route)!;
    expect(route.type).toBe("alfred.workflow.utility.conditional");
    const routes = info.connections[UIDS.route];
    const copy = routes.find((c) => c.sourceoutputuid === UIDS.routeCopy)!;
    const otherwise = routes.find(
      (c) => !c.sourceoutputuid && objects.get(c.destinationuid)?.type === "alfred.workflow.action.script",
    )!;
    expect(objects.get(copy.destinationuid)).toMatchObject({
      type: "alfred.workflow.output.clipboard",
      config: { clipboardtext: "{query}", transient: true },
    });
    const action = objects.get(otherwise.destinationuid)!;
    expect(action).toMatchObject({ type: "alfred.workflow.action.script", config: { scriptargtype: 1 } });
    expect(action.config!.script).toBe('/bin/sh ./launcher.sh action -- "$1"');
    const notify = objects.get(info.connections[action.uid][0].destinationuid)!;
    expect(notify).toMatchObject({ type: "alfred.workflow.output.notification", config: { text: "{query}" } });
  });
});

describe("the bundled Script Filter", () => {
  const expectItemShape = (item: AlfredItem) => {
    expect(typeof item.title).toBe("string");
    expect(item.title.length).toBeGreaterThan(0);
    expect(typeof item.subtitle).toBe("string");
    expect(typeof item.arg).toBe("string");
    expect(typeof item.valid).toBe("boolean");
    expect(entry(item.icon.path)).toBeDefined(); // the icon ships in the package
    expect(typeof item.text.copy).toBe("string");
    expect(typeof item.text.largetype).toBe("string");
    for (const mod of [item.mods.cmd, item.mods.alt]) {
      expect(typeof mod.valid).toBe("boolean");
      expect(typeof mod.subtitle).toBe("string");
    }
    const action = item.variables.action;
    if (item.valid && action === "run") expect(item.arg).toMatch(/^(fix:[a-z-]+(:confirm)?|open:\S+)$/);
    if (item.valid && action === "copy") expect(item.arg.length).toBeGreaterThan(0);
    expect(["run", "copy", "copy-report", "copy-report-markdown"]).toContain(action);
  };

  it.each(["healthy", "offline", "apple-outage"])(
    "%s: valid Script Filter JSON, the diagnosis first, every row complete",
    async (name) => {
      const out = await scriptFilter(["checklist", "--replay", rec(name)]);
      expect(out.rerun).toBeUndefined();
      expect(out.skipknowledge).toBe(true);
      for (const item of out.items) expectItemShape(item);
      expect(out.items[0].uid).toMatch(/^cause:/);
      expect(out.items.filter((i) => i.uid.startsWith("finding:"))).toHaveLength(CHECKLIST_PROBES.length);
      const report = out.items.find((i) => i.uid === "report")!;
      expect(report).toMatchObject({ valid: true, variables: { action: "copy-report" } });
      expect(out.variables!.report_plain).toMatch(/^APPLE ID DOCTOR REPORT/);
      expect(out.variables!.report_markdown).toMatch(/^# Apple ID Doctor Report/);
      expect(report.text.copy).toBe(out.variables!.report_plain);
    },
  );

  it("the outage recording's first row is the outage, and ⏎ opens Apple System Status", async () => {
    const { items } = await scriptFilter(["checklist", "--replay", rec("apple-outage")]);
    expect(items[0]).toMatchObject({
      uid: "cause:apple-outage",
      title: expect.stringContaining("Apple Outage"),
      valid: true,
      arg: "open:https://www.apple.com/support/systemstatus/",
      icon: { path: "icons/fail.png" },
    });
  });

  it("offline: ⏎ on the diagnosis opens Network Settings; findings with problems come before passing ones", async () => {
    const { items } = await scriptFilter(["checklist", "--replay", rec("offline")]);
    expect(items[0]).toMatchObject({ uid: "cause:offline", arg: expect.stringMatching(/^open:x-apple\.systemprefe/) });
    const order = items.filter((i) => i.uid.startsWith("finding:")).map((i) => i.icon.path);
    expect(order.indexOf("icons/pass.png")).toBeGreaterThan(order.lastIndexOf("icons/fail.png"));
  });

  it("nothing copied holds the email (or any address) from the with-identifiers recording", async () => {
    const { items, variables } = await scriptFilter(["checklist", "--replay", rec("with-identifiers")]);
    const recording = readFileSync(rec("with-identifiers"), "utf8");
    expect(recording).toContain("jane.doe@example.com");
    const copied = items.flatMap((i) => [
      i.text.copy,
      i.text.largetype,
      ...(i.variables.action === "copy" ? [i.arg] : []),
      ...[i.mods.cmd, i.mods.alt].filter((m) => m.variables?.action === "copy").map((m) => m.arg),
    ]);
    copied.push(...Object.values(variables ?? {}));
    expect(copied.length).toBeGreaterThan(20);
    for (const text of copied) expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it("status, dns, clock and icloud answer with rows too; status puts an outage first", async () => {
    const status = await scriptFilter(["status", "--replay", rec("apple-outage")]);
    expect(status.items[0].title).toMatch(/^Apple Reports an Outage: Apple Account/);
    expect(status.items[1]).toMatchObject({ title: "Apple Account: Outage", icon: { path: "icons/fail.png" } });
    for (const [command, first] of [
      ["dns", "Flush DNS Cache"],
      ["clock", "Clock: "],
      ["icloud", "Apple Account: "],
    ]) {
      const out = await scriptFilter([command, "--replay", rec("healthy")]);
      for (const item of out.items) expectItemShape(item);
      expect(out.items[0].title).toContain(first);
    }
  });

  it("a bad recording is one row saying what happened and what to do", async () => {
    const out = await scriptFilter(["checklist", "--replay", join(root, "package.json")]);
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({ title: "Can't Read the Recording", valid: false });
    expect(out.items[0].subtitle).toMatch(/apple-id-doctor record <file>/);
  });

  it("in Alfred, the first run answers at once with Checking… rows and rerun; the background run fills them in", async () => {
    // The recording stands in for this Mac (APPLE_ID_DOCTOR_REPLAY): the real
    // background process runs, and nothing leaves the machine.
    const cache = mkdtempSync(join(tmpdir(), "aid-alfred-cache-"));
    const env = { alfred_workflow_cache: cache, APPLE_ID_DOCTOR_REPLAY: rec("dns-broken") };
    const pending = await scriptFilter(["checklist", "--", ""], env);
    expect(pending.rerun).toBe(0.3);
    expect(pending.items[0].title).toBe("Apple ID Doctor Is Checking…");
    expect(pending.items.length).toBe(CHECKLIST_PROBES.length + 1);
    expect(pending.variables?.aid_run).toMatch(/^[0-9a-f]{12}$/);
    let out = pending;
    for (let i = 0; i < 80 && out.rerun; i++) {
      await new Promise((r) => setTimeout(r, 250));
      out = await scriptFilter(["checklist", "--", ""], { ...env, ...out.variables });
    }
    expect(out.rerun).toBeUndefined();
    expect(out.items[0].uid).toBe("cause:dns");
    expect(out.items.some((i) => i.uid === "report")).toBe(true);
    // The frame turned on Node's compile cache in the workflow's cache folder, and Node wrote to it.
    const [version] = readdirSync(join(cache, "compile-cache"));
    expect(version).toMatch(/^v\d+\./);
    expect(readdirSync(join(cache, "compile-cache", version)).length).toBeGreaterThan(0);
  }, 30_000);

  it("flushdns in Alfred: the Flush row in the first frame, the lookups from the background process", async () => {
    const cache = mkdtempSync(join(tmpdir(), "aid-alfred-cache-"));
    const env = { alfred_workflow_cache: cache, APPLE_ID_DOCTOR_REPLAY: rec("dns-broken") };
    const first = await scriptFilter(["dns", "--", ""], env);
    expect(first.items[0]).toMatchObject({ uid: "fix:flush-dns", valid: true, arg: "fix:flush-dns" });
    expect(first.rerun).toBe(0.3); // the lookups haven't answered yet: the row didn't wait for them
    let out = first;
    for (let i = 0; i < 80 && out.rerun; i++) {
      await new Promise((r) => setTimeout(r, 250));
      out = await scriptFilter(["dns", "--", ""], { ...env, ...out.variables });
    }
    expect(out.rerun).toBeUndefined();
    expect(out.items.map((i) => i.uid)).toContain("dns:appleid.apple.com");
  }, 30_000);

  it("the Run Script action exits 0 whatever happened, so its line always reaches the notification", async () => {
    const { stdout } = await bundle(["action", "--", "fix:make-coffee"]);
    expect(stdout).toBe('Apple ID Doctor: unknown fix "make-coffee"\n');
    const refused = await bundle(["action", "--", "fix:reset-account-cache"]);
    expect(refused.stdout).toMatch(/hold ⌘ and press ⏎ to confirm/);
  });

  it("an older node than the cached one (an upgrade undone): one row saying so, and the launcher searches again", async () => {
    const old = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => {
      try {
        return Number(execFileSync(p, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" })) < 22;
      } catch {
        return false;
      }
    });
    if (!old) return; // no Node older than 22 on this machine
    const cache = mkdtempSync(join(tmpdir(), "aid-alfred-cache-"));
    writeFileSync(join(cache, "node-path.txt"), `${old}\n`);
    const { stdout } = await bundle(["checklist", "--", ""], { alfred_workflow_cache: cache }, old);
    expect(JSON.parse(stdout).items[0].title).toMatch(/^Apple ID Doctor needs Node\.js 22 or later \(found v\d+/);
    expect(existsSync(join(cache, "node-path.txt"))).toBe(false);
  });
});

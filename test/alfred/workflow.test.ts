import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "plist";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAlfredWorkflow, WORKFLOW_FILE, type AlfredBuild } from "../../scripts/build-alfred";
import { readZip, type ZipEntry } from "../../scripts/zip";
import { KEYWORDS, MODIFIERS, UIDS } from "../../src/alfred/info-plist";
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

/** Runs the bundled Script Filter the way the launcher does (cwd = the workflow folder). */
async function scriptFilter(args: string[], env: Record<string, string> = {}) {
  const data = mkdtempSync(join(tmpdir(), "aid-alfred-data-"));
  const { stdout, stderr } = await run(process.execPath, [join(first.workflowDir, "apple-id-doctor.js"), ...args], {
    cwd: first.workflowDir,
    env: { ...process.env, alfred_workflow_data: data, alfred_workflow_cache: "", ...env },
  });
  expect(stderr).toBe("");
  return JSON.parse(stdout) as ScriptFilterOutput;
}

describe("the .alfredworkflow package", () => {
  it("is a zip with info.plist at the root, the bundle, the launcher (executable), and the icons", () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    for (const name of ["info.plist", "apple-id-doctor.js", "launcher.sh", "icon.png", "icons/pass.png"])
      expect(names).toContain(name);
    expect(entry("launcher.sh")!.mode & 0o111).toBe(0o111);
    expect(entry("info.plist")!.mode & 0o111).toBe(0);
    expect(entry("launcher.sh")!.data.toString()).toBe(readFileSync(join(root, "src/alfred/launcher.sh"), "utf8"));
    expect(entry("icon.png")!.data.equals(readFileSync(join(root, "assets/extension-icon.png")))).toBe(true);
    expect(entry("icon.png")!.data.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // Gallery: icon ≥ 256 px
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
    const otherwise = routes.find((c) => !c.sourceoutputuid)!;
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
    if (item.valid) expect(item.arg).toMatch(/^(fix:[a-z-]+|open:\S+)$|\n/);
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
      expect(report).toMatchObject({ valid: true, variables: { action: "copy" } });
      expect(report.arg).toMatch(/^APPLE ID DOCTOR REPORT/);
      expect(report.mods.cmd.arg).toMatch(/^# Apple ID Doctor Report/);
      expect(out.items[0].text.copy).toBe(report.arg);
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
    const { items } = await scriptFilter(["checklist", "--replay", rec("with-identifiers")]);
    const recording = readFileSync(rec("with-identifiers"), "utf8");
    expect(recording).toContain("jane.doe@example.com");
    const copied = items.flatMap((i) => [
      i.text.copy,
      i.text.largetype,
      ...(i.variables.action === "copy" ? [i.arg] : []),
      ...[i.mods.cmd, i.mods.alt].filter((m) => m.variables?.action === "copy").map((m) => m.arg),
    ]);
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
    const cache = mkdtempSync(join(tmpdir(), "aid-alfred-cache-"));
    const env = { alfred_workflow_cache: cache };
    const pending = await scriptFilter(["checklist", "--", ""], env);
    expect(pending.rerun).toBe(0.3);
    expect(pending.items[0].title).toBe("Apple ID Doctor Is Checking…");
    expect(pending.items.length).toBe(CHECKLIST_PROBES.length + 1);
    // Tests run loopback-only: the live checks fail fast, within the 5 s deadline.
    let out = pending;
    for (let i = 0; i < 60 && out.rerun; i++) {
      await new Promise((r) => setTimeout(r, 250));
      out = await scriptFilter(["checklist", "--", ""], env);
    }
    expect(out.rerun).toBeUndefined();
    expect(out.items[0].uid).toMatch(/^cause:/);
    expect(out.items.some((i) => i.uid === "report")).toBe(true);
  }, 30_000);
});

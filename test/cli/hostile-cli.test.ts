import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRealHost } from "../../src/core/host/real";
import { runCli } from "../support/cli";
import { makeFakeBin } from "../support/fake-bin";
import { hostileFeedRecording } from "../support/hostile-feed";
import { healthy } from "../support/scenarios";

// The CLI under wrong platforms, wrong input and hostile sizes (issue 12, items 12-16).

const ROOT = join(__dirname, "..", "..");
const tmp = () => mkdtempSync(join(tmpdir(), "aid-hostile-cli-"));
const write = (doc: unknown) => {
  const file = join(tmp(), "r.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

describe("fixes refuse off macOS (item 12)", () => {
  it.each(["restart-icloud-daemons", "flush-dns", "sync-clock", "reset-account-cache", "open-network-settings"])(
    "fix %s on Linux runs nothing, asks nothing, records 'not run' and exits 3",
    async (id) => {
      const fake = makeFakeBin();
      const data = tmp();
      let asked = false;
      const r = await runCli(["fix", id], {
        env: { APPLE_ID_DOCTOR_DATA: data },
        realHost: () => createRealHost({ platform: "linux" }),
        run: { binaries: fake.bin },
        confirm: async () => ((asked = true), true),
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toBe("apple-id-doctor: Fixes change macOS settings; this is linux: nothing was run\n");
      expect(r.stdout).toBe("");
      expect(asked).toBe(false);
      expect(fake.calls()).toEqual([]);
      const history = JSON.parse(JSON.parse(readFileSync(join(data, "history.json"), "utf8"))["fix-history"]);
      expect(history).toMatchObject([{ fix: id, outcome: "cancelled", message: expect.stringMatching(/^Not run: /) }]);
    },
  );
});

describe("the Alfred workflow's fixes refuse off macOS too (item 12)", () => {
  it("fix:flush-dns on Linux runs nothing and says why", async () => {
    const { runAction } = await import("../../src/alfred/run-action");
    const fake = makeFakeBin();
    const r = await runAction("fix:flush-dns", {
      env: { alfred_workflow_data: tmp() },
      host: createRealHost({ platform: "linux" }),
      binaries: fake.bin,
    });
    expect(r).toEqual({ line: "Fixes change macOS settings; this is linux: nothing was run", code: 3 });
    expect(fake.calls()).toEqual([]);
  });
});

describe("an empty --replay is bad usage, never the live Mac (item 13)", () => {
  it.each([["--replay="], ["--replay", ""], ["--replay", "  "]])("checklist %s", async (...flags) => {
    let live = false;
    const r = await runCli(["checklist", ...flags], { realHost: () => ((live = true), createRealHost()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replay needs a recording file/);
    expect(live).toBe(false);
  });

  it("fix with an empty --replay runs nothing", async () => {
    const fake = makeFakeBin();
    let live = false;
    const r = await runCli(["fix", "restart-icloud-daemons", "--replay="], {
      realHost: () => ((live = true), createRealHost({ platform: "darwin" })),
      run: { binaries: fake.bin },
    });
    expect(r.code).toBe(2);
    expect(live).toBe(false);
    expect(fake.calls()).toEqual([]);
  });
});

describe("crashes (item 14)", () => {
  it.each(["+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0001-01-01T00:00:00.000Z"])(
    "recordedAt %s is an invalid recording (exit 2, one line), not a RangeError",
    async (recordedAt) => {
      const r = await runCli(["checklist", "--json", "--replay", write({ ...healthy(), recordedAt })]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^apple-id-doctor: can't read recording .*: recordedAt is outside 1990-2199\n$/);
      expect(r.stdout).toBe("");
    },
  );

  // `true` reads nothing and exits at once: every write the CLI makes meets a closed pipe (EPIPE).
  it.each([
    ["status --all", "head -c 250"],
    ["checklist", "head -n 3"],
    ["checklist", "true"],
  ])("%s | %s ends quietly with exit 0", (cli, reader) => {
    const file = write(healthy());
    const script = `node_modules/.bin/tsx --conditions=import src/cli/bin.ts ${cli} --replay ${file} | ${reader} >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("exit=0\n");
  });
});

describe("wrong-typed recording fields are dropped (item 15)", () => {
  it("a string `addresses` is as if not recorded, and stderr says how many entries were ignored", async () => {
    const rec = healthy();
    rec.dns = rec.dns.map((d, i) => (i === 0 ? { ...d, addresses: "17.32.194.99" as unknown as string[] } : d));
    rec.tcp = rec.tcp.map((t, i) => (i === 0 ? { ...t, port: "5223" as unknown as number } : t));
    rec.exec = rec.exec.map((e, i) => (i === 0 ? { ...e, exitCode: "0" as unknown as number } : e));
    const r = await runCli(["checklist", "--json", "--replay", write(rec)]);
    expect(r.stderr).toBe(
      "apple-id-doctor: ignored 3 entries of the recording with a field of the wrong type (as if not recorded)\n",
    );
    const doc = JSON.parse(r.stdout);
    for (const f of doc.findings) expect(f.summary).not.toMatch(/The check itself failed|is not a function/);
  });
});

describe("bounded output (item 16)", () => {
  const feedOf = (count: number) => write(hostileFeedRecording(count));

  it("an 8,000-event feed gives a report and a status of bounded size that say what they left out", async () => {
    const file = feedOf(8000);
    const report = await runCli(["report", "--replay", file]);
    expect(report.stdout.length).toBeLessThan(30_000);
    expect(report.stdout).toContain("Apple Account: 7995 more current events left out");
    const status = await runCli(["status", "--replay", file]);
    expect(status.stdout.length).toBeLessThan(10_000);
    expect(status.stdout).toContain("… 7995 more current events left out");
  });

  it("a 100,000-event feed (13 MB) is cut where a live run cuts it (2 MB), and the report stays small", async () => {
    const report = await runCli(["report", "--replay", feedOf(100_000)]);
    expect(report.stdout.length).toBeLessThan(30_000);
    expect(report.stdout).toMatch(/Couldn't check Apple's System Status: .*cut off/);
  });

  it("delayMs: 1e308 prints no TimeoutOverflowWarning under --json", async () => {
    const rec = healthy();
    rec.files = rec.files.map((f) => ({ ...f, delayMs: 1e308 }));
    rec.ntp = rec.ntp.map((n) => ({ ...n, waitMs: 1e308 }));
    const warnings: string[] = [];
    const listen = (w: Error) => void warnings.push(w.name);
    process.on("warning", listen);
    try {
      const r = await runCli(["checklist", "--json", "--deadline", "300", "--replay", write(rec)]);
      JSON.parse(r.stdout);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("warning", listen);
    }
    expect(warnings).not.toContain("TimeoutOverflowWarning");
  });
});

it("the fake binaries folder is real (sanity)", () => {
  expect(existsSync(join(ROOT, "node_modules", ".bin", "tsx"))).toBe(true);
});

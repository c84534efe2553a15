import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonFileStorage } from "../../src/cli/environment";
import { FixHistory } from "../../src/core/history";
import type { FixRecord } from "../../src/core/types";

// The CLI's and Alfred's fix history is one JSON file that several processes
// write (issue 12, item 5): concurrent adds must all land, a damaged file must
// be kept aside and reported, and a crashed writer's lock must not block forever.

const record = (i: number): FixRecord => ({
  fix: "flush-dns",
  at: new Date(Date.UTC(2026, 11, 1, 10, 0, i)).toISOString(),
  outcome: "done",
  message: `run ${i}`,
});

const fresh = () => join(mkdtempSync(join(tmpdir(), "aid-history-")), "history.json");

describe("fix history file", () => {
  it("twenty concurrent adds (each through its own storage, as separate processes would) keep all twenty", async () => {
    const file = fresh();
    await Promise.all(Array.from({ length: 20 }, (_, i) => new FixHistory(jsonFileStorage(file)).add(record(i))));
    const list = await new FixHistory(jsonFileStorage(file)).list();
    expect(list).toHaveLength(20);
    expect(new Set(list.map((r) => r.message)).size).toBe(20);
    // No temporary or lock files left behind.
    expect(readdirSync(join(file, ".."))).toEqual(["history.json"]);
  });

  it("eight processes adding at once keep all eight records", async () => {
    const file = fresh();
    const tsx = join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
    const script = join(__dirname, "..", "support", "history-add.ts");
    await Promise.all(
      Array.from(
        { length: 8 },
        (_, i) =>
          new Promise<void>((resolve, reject) =>
            execFile(tsx, [script, file, `process ${i}`], (error) => (error ? reject(error) : resolve())),
          ),
      ),
    );
    const list = await new FixHistory(jsonFileStorage(file)).list();
    expect(list.map((r) => r.message).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `process ${i}`));
  }, 60_000);

  it("a damaged file is kept aside under a new name and reported, never overwritten", async () => {
    const file = fresh();
    const damaged = '{"fix-history": "[{\\"fix\\":\\"flush-dns\\"'; // cut off mid-write
    writeFileSync(file, damaged);
    const reported: string[] = [];
    const history = new FixHistory(jsonFileStorage(file, { onCorrupt: (p) => reported.push(p) }));
    expect(await history.list()).toEqual([]);
    await history.add(record(1));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/history\.json\.corrupt-/);
    expect(readFileSync(reported[0], "utf8")).toBe(damaged);
    expect((await history.list()).map((r) => r.message)).toEqual(["run 1"]);
  });

  it("a stale lock left by a crashed writer is taken over", async () => {
    const file = fresh();
    const lock = `${file}.lock`;
    writeFileSync(lock, "99999\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await new FixHistory(jsonFileStorage(file)).add(record(1));
    expect((await new FixHistory(jsonFileStorage(file)).list()).length).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });
});

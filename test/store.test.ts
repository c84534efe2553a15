// npm run store:check and store:export: the Store's offline rules pass on the
// repository and on the exported folder, and the folder holds the extension only.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionTitles, storeChecks } from "../scripts/store/checks";
import { exportStore, storeReadme } from "../scripts/store/export";

const ROOT = join(__dirname, "..");

describe("store:check", () => {
  it("passes every offline check on the repository and names the publisher's steps", () => {
    const results = storeChecks(ROOT);
    expect(results.filter((r) => r.status === "fail")).toEqual([]);
    expect(results.filter((r) => r.status === "publisher").map((r) => r.title)).toEqual([
      "Author is your Raycast account handle",
      "Screenshots taken with Raycast's Window Capture",
      "Publish",
    ]);
  });

  it("reads action titles out of JSX, across lines", () => {
    const source = `<Action.CopyToClipboard\n  title="Copy Support Summary"\n  content={x}\n/>\n<Action title="run again" onAction={f} />`;
    expect(actionTitles(source)).toEqual(["Copy Support Summary", "run again"]);
  });
});

describe("store:export", () => {
  it("drops the README's Alfred, CLI and development sections", () => {
    const readme = storeReadme(readFileSync(join(ROOT, "README.md"), "utf8"));
    expect(readme).toContain("## In Raycast");
    expect(readme).toContain("## Privacy");
    for (const gone of [
      "## In Alfred",
      "## As a CLI",
      "## Development",
      "## Publishing",
      "npm run build:alfred",
      "store:omit",
    ])
      expect(readme).not.toContain(gone);
  });

  it("writes the extension and nothing else, and that folder passes the offline checks", () => {
    const out = exportStore(join(mkdtempSync(join(tmpdir(), "aid-store-")), "apple-id-doctor"), { lockfile: false });
    expect(existsSync(join(out, "src/run-full-checklist.tsx"))).toBe(true);
    expect(existsSync(join(out, "src/core/diagnose.ts"))).toBe(true);
    expect(existsSync(join(out, "src/components/checklist-view.tsx"))).toBe(true);
    for (const gone of ["src/alfred", "src/cli", "test", "scripts"])
      expect(existsSync(join(out, gone)), gone).toBe(false);

    const manifest = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
    expect(Object.keys(manifest.scripts).sort()).toEqual(["build", "dev", "fix-lint", "lint", "publish"]);
    expect(Object.keys(manifest.dependencies)).toContain("@raycast/api");
    for (const gone of ["plist", "tsx", "vitest", "fast-check", "react-test-renderer"]) {
      expect(manifest.dependencies[gone] ?? manifest.devDependencies[gone], gone).toBeUndefined();
    }
    // Everything but the lockfile, which the test leaves to CI (npm prunes it there).
    const failed = storeChecks(out).filter((r) => r.status === "fail" && !r.title.startsWith("Lockfile"));
    expect(failed).toEqual([]);
  });
});

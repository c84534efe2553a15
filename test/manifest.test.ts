// The manifest and the Store files against Raycast's rules (REFERENCE.md §h):
// command files, Title Case, descriptions, preferences, 512 px PNG icons,
// 2000×1250 screenshots, the changelog's format.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngSize, titleCaseErrors, type Manifest } from "../scripts/store/checks";

const ROOT = join(__dirname, "..");

const manifest: Manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const preferences = [...(manifest.preferences ?? []), ...manifest.commands.flatMap((c) => c.preferences ?? [])];

// ---------------------------------------------------------------------------

describe("the Title Case rule itself", () => {
  it("accepts Apple-style titles and names the words that break it", () => {
    expect(titleCaseErrors("Clear iCloud Tokens")).toEqual([]);
    expect(titleCaseErrors("Check Apple Status")).toEqual([]);
    expect(titleCaseErrors("Sign in with Apple")).toEqual([]);
    expect(titleCaseErrors("Apple Sign-In Servers")).toEqual([]);
    expect(titleCaseErrors("Time Limit (ms)")).toEqual([]);
    expect(titleCaseErrors("Public DNS Resolvers")).toEqual([]);
    expect(titleCaseErrors("Run full checklist")).toEqual(["full", "checklist"]);
    expect(titleCaseErrors("Sign-in Servers")).toEqual(["Sign-in"]);
    expect(titleCaseErrors("the Clock")).toEqual(["the"]);
  });
});

describe("package.json (the Raycast manifest)", () => {
  it("every command has its file in src/", () => {
    for (const command of manifest.commands) {
      const file = ["tsx", "ts"].map((ext) => join(ROOT, "src", `${command.name}.${ext}`)).find(existsSync);
      expect(file, `src/${command.name}.tsx or .ts`).toBeDefined();
    }
  });

  it("command names are kebab-case and unique", () => {
    const names = manifest.commands.map((c) => c.name);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it("titles are Title Case", () => {
    const titles = [
      manifest.title,
      ...manifest.commands.flatMap((c) => [c.title, c.subtitle ?? ""]),
      ...preferences.map((p) => p.title ?? ""),
    ].filter(Boolean);
    const wrong = titles.map((title) => [title, titleCaseErrors(title)] as const).filter(([, errors]) => errors.length);
    expect(wrong).toEqual([]);
  });

  it("descriptions are there and end without trailing spaces", () => {
    const described = [manifest, ...manifest.commands, ...preferences] as Array<{ description?: string; name: string }>;
    for (const { name, description } of described) {
      expect(description, `${name}: description`).toBeTruthy();
      expect(description, `${name}: trailing space`).toBe(description!.trimEnd());
    }
  });

  it("every preference has a title and a default", () => {
    for (const preference of preferences) {
      expect(preference.title, `${preference.name}: title`).toBeTruthy();
      expect(preference, `${preference.name}: default`).toHaveProperty("default");
      expect(preference.default, `${preference.name}: default`).not.toBeUndefined();
    }
  });

  it("every icon is a 512×512 PNG in assets/, with its @dark variant when there is one", () => {
    const icons = new Set([manifest.icon, ...manifest.commands.flatMap((c) => (c.icon ? [c.icon] : []))]);
    expect(manifest.icon).toBeTruthy();
    for (const icon of icons) {
      const file = join(ROOT, "assets", icon);
      expect(existsSync(file), `assets/${icon}`).toBe(true);
      expect(icon, `${icon}: PNG`).toMatch(/\.png$/);
      expect(pngSize(file), `assets/${icon}`).toEqual({ width: 512, height: 512 });
      const dark = file.replace(/\.png$/, "@dark.png");
      if (existsSync(dark)) expect(pngSize(dark), dark).toEqual({ width: 512, height: 512 });
    }
  });
});

describe("Store files", () => {
  const metadataDir = join(ROOT, "metadata");
  const screenshots = existsSync(metadataDir) ? readdirSync(metadataDir).filter((f) => !f.startsWith(".")) : [];

  it.skipIf(screenshots.length === 0)(
    screenshots.length === 0
      ? "metadata/ screenshots: SKIPPED, metadata/ is empty (npm run previews makes them)"
      : "metadata/ holds 3 to 6 PNG screenshots of exactly 2000×1250",
    () => {
      expect(screenshots.length).toBeGreaterThanOrEqual(3);
      expect(screenshots.length).toBeLessThanOrEqual(6);
      for (const file of screenshots) {
        expect(file, "only PNGs in metadata/").toMatch(/\.png$/);
        expect(pngSize(join(metadataDir, file)), `metadata/${file}`).toEqual({ width: 2000, height: 1250 });
      }
    },
  );

  it("CHANGELOG.md: '# <Title> Changelog', then '## [Entry] - {PR_MERGE_DATE}' (or a date)", () => {
    const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
    expect(changelog.split("\n")[0]).toBe(`# ${manifest.title} Changelog`);
    expect(changelog.split("\n")[0]).toBe("# Apple ID Doctor Changelog");
    expect(changelog).toMatch(/^## \[[^\]]+\] - (\{PR_MERGE_DATE\}|\d{4}-\d{2}-\d{2})\s*$/m);
  });

  it("every media/ file the README shows exists", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const media = [...readme.matchAll(/\]\((\.\/)?(media\/[^)\s]+)\)/g)].map((m) => m[2]);
    for (const file of media) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});

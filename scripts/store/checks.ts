// The Raycast Store's rules that can be checked without a network or a Mac,
// as pure-ish functions over an extension folder (the repository or the
// folder `npm run store:export` writes). `npm run store:check` prints them;
// test/manifest.test.ts and test/store.test.ts run them too.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export type CheckStatus = "pass" | "fail" | "publisher";

export interface CheckResult {
  title: string;
  status: CheckStatus;
  /** What is wrong, or what the publisher has to do. */
  problems: string[];
}

interface Preference {
  name: string;
  title?: string;
  description?: string;
  type: string;
  default?: unknown;
}
interface Command {
  name: string;
  title: string;
  subtitle?: string;
  description: string;
  mode: string;
  icon?: string;
  preferences?: Preference[];
}
export interface Manifest {
  name: string;
  title: string;
  description: string;
  icon: string;
  author: string;
  license?: string;
  categories?: string[];
  platforms?: string[];
  commands: Command[];
  preferences?: Preference[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

// ---------------------------------------------------------------------------
// Title Case, the simple rule: every word capitalized except small words
// (not first); a few names keep their own spelling.

const SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "for", "in", "on", "of", "to", "with", "as"]);
const OWN_SPELLING = new Set(["iCloud", "macOS", "DNS", "Apple"]);
/** Units, written as units in parentheses: "Time Limit (ms)". */
const UNITS = new Set(["ms", "s", "min"]);

/** The words of `title` that break the rule (empty when it is Title Case). */
export function titleCaseErrors(title: string): string[] {
  const errors: string[] = [];
  title
    .split(/\s+/)
    .filter(Boolean)
    .forEach((word, index) => {
      const unit = word.match(/^\((.+)\)$/);
      if (unit && UNITS.has(unit[1])) return;
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (bare === "" || OWN_SPELLING.has(bare)) return;
      if (index > 0 && SMALL_WORDS.has(bare)) return;
      // Each part of a hyphenated word: "Sign-In", "Wi-Fi".
      for (const part of bare.split("-")) {
        if (part === "" || OWN_SPELLING.has(part) || /^\p{N}/u.test(part)) continue;
        if (!/^\p{Lu}/u.test(part)) errors.push(word);
      }
    });
  return errors;
}

// ---------------------------------------------------------------------------
// PNG

export function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const result = (title: string, problems: string[]): CheckResult => ({
  title,
  status: problems.length ? "fail" : "pass",
  problems,
});

function files(dir: string, skip: Set<string>): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (skip.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, skip) : [path];
  });
}

const IGNORED = new Set(["node_modules", "dist", ".tools", ".git", ".tls", "store"]);

// ---------------------------------------------------------------------------

export function readManifest(root: string): Manifest {
  return JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
}

function manifestCheck(root: string, manifest: Manifest): CheckResult {
  const problems: string[] = [];
  for (const field of ["name", "title", "description", "icon", "author", "license"] as const) {
    if (!manifest[field]) problems.push(`package.json has no "${field}"`);
  }
  if (manifest.license !== "MIT") problems.push(`license is "${manifest.license}", the Store takes MIT`);
  if (!manifest.categories?.length) problems.push("no categories");
  if (!manifest.platforms?.includes("macOS")) problems.push('platforms does not list "macOS"');
  const names = manifest.commands.map((c) => c.name);
  if (new Set(names).size !== names.length) problems.push("command names repeat");
  const preferences = [...(manifest.preferences ?? []), ...manifest.commands.flatMap((c) => c.preferences ?? [])];
  for (const command of manifest.commands) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(command.name)) problems.push(`${command.name}: not kebab-case`);
    if (!["tsx", "ts"].some((ext) => existsSync(join(root, "src", `${command.name}.${ext}`))))
      problems.push(`${command.name}: no src/${command.name}.tsx`);
  }
  for (const item of [manifest, ...manifest.commands, ...preferences] as Array<{
    name: string;
    description?: string;
  }>) {
    if (!item.description) problems.push(`${item.name}: no description`);
    else if (item.description !== item.description.trimEnd()) problems.push(`${item.name}: trailing space`);
  }
  for (const preference of preferences) {
    if (!preference.title) problems.push(`${preference.name}: preference without a title`);
    if (preference.default === undefined) problems.push(`${preference.name}: preference without a default`);
  }
  return result("Manifest (package.json)", problems);
}

/**
 * Action titles in the source: `<Action… title="…"`, one JSX element at a
 * time. Menu-bar items are left out: most of them are status lines, not commands.
 */
export function actionTitles(source: string): string[] {
  return [...source.matchAll(/<Action(?:\.\w+)?\b[^>]*?\btitle="([^"]+)"/gs)].map((m) => m[1]);
}

function titleCaseCheck(root: string, manifest: Manifest): CheckResult {
  const preferences = [...(manifest.preferences ?? []), ...manifest.commands.flatMap((c) => c.preferences ?? [])];
  const titles = [
    manifest.title,
    ...manifest.commands.flatMap((c) => [c.title, c.subtitle ?? ""]),
    ...preferences.map((p) => p.title ?? ""),
  ].filter(Boolean);
  const sources = files(join(root, "src"), IGNORED).filter((file) => file.endsWith(".tsx"));
  const problems = titles.flatMap((title) => (titleCaseErrors(title).length ? [`"${title}" (package.json)`] : []));
  for (const file of sources) {
    for (const title of actionTitles(readFileSync(file, "utf8"))) {
      if (titleCaseErrors(title).length) problems.push(`"${title}" (${relative(root, file)})`);
    }
  }
  return result("Title Case (commands, preferences, actions)", problems);
}

function iconCheck(root: string, manifest: Manifest): CheckResult {
  const problems: string[] = [];
  const icons = new Set([manifest.icon, ...manifest.commands.flatMap((c) => (c.icon ? [c.icon] : []))]);
  for (const icon of icons) {
    const file = join(root, "assets", icon);
    if (!icon.endsWith(".png")) problems.push(`${icon}: not a PNG`);
    else if (!existsSync(file)) problems.push(`assets/${icon} is missing`);
    else {
      for (const variant of [file, file.replace(/\.png$/, "@dark.png")]) {
        if (!existsSync(variant)) continue;
        const { width, height } = pngSize(variant);
        if (width !== 512 || height !== 512)
          problems.push(`${relative(root, variant)} is ${width}×${height}, not 512×512`);
      }
    }
  }
  return result("Icons (512×512 PNG in assets/)", problems);
}

function screenshotCheck(root: string): CheckResult {
  const dir = join(root, "metadata");
  const shots = existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith(".")) : [];
  const problems: string[] = [];
  if (shots.length < 3 || shots.length > 6) problems.push(`metadata/ holds ${shots.length} screenshots, not 3 to 6`);
  for (const file of shots) {
    if (!file.endsWith(".png")) problems.push(`metadata/${file} is not a PNG`);
    else {
      const { width, height } = pngSize(join(dir, file));
      if (width !== 2000 || height !== 1250) problems.push(`metadata/${file} is ${width}×${height}, not 2000×1250`);
    }
  }
  return result("Screenshots (metadata/, 2000×1250)", problems);
}

function changelogCheck(root: string, manifest: Manifest): CheckResult {
  const file = join(root, "CHANGELOG.md");
  if (!existsSync(file)) return result("CHANGELOG.md", ["CHANGELOG.md is missing"]);
  const text = readFileSync(file, "utf8");
  const problems: string[] = [];
  if (text.split("\n")[0] !== `# ${manifest.title} Changelog`)
    problems.push(`the first line is not "# ${manifest.title} Changelog"`);
  if (!/^## \[[^\]]+\] - (\{PR_MERGE_DATE\}|\d{4}-\d{2}-\d{2})\s*$/m.test(text))
    problems.push('no "## [Entry] - {PR_MERGE_DATE}" heading');
  return result("CHANGELOG.md (Store format)", problems);
}

function lockfileCheck(root: string, manifest: Manifest): CheckResult {
  const file = join(root, "package-lock.json");
  if (!existsSync(file)) return result("Lockfile (package-lock.json)", ["package-lock.json is missing"]);
  const lock = JSON.parse(readFileSync(file, "utf8")) as {
    lockfileVersion?: number;
    packages?: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  };
  const problems: string[] = [];
  if ((lock.lockfileVersion ?? 0) < 2) problems.push(`lockfileVersion ${lock.lockfileVersion}, npm 7+ writes 3`);
  const rootEntry = lock.packages?.[""];
  for (const kind of ["dependencies", "devDependencies"] as const) {
    const wanted = manifest[kind] ?? {};
    const locked = rootEntry?.[kind] ?? {};
    for (const [name, range] of Object.entries(wanted)) {
      if (locked[name] !== range) problems.push(`${name}@${range} is not in the lockfile as such`);
      if (!lock.packages?.[`node_modules/${name}`]) problems.push(`${name} has no locked version`);
    }
    for (const name of Object.keys(locked)) if (!(name in wanted)) problems.push(`${name} is locked but not a ${kind}`);
  }
  return result("Lockfile (package-lock.json matches package.json)", problems);
}

function secretsCheck(root: string): CheckResult {
  const problems = files(root, IGNORED)
    .filter(
      (file) => file.endsWith(".key") || (file.endsWith(".pem") && /PRIVATE KEY/.test(readFileSync(file, "utf8"))),
    )
    .map((file) => `${relative(root, file)} holds a private key`);
  return result("No private keys", problems);
}

function readmeCheck(root: string): CheckResult {
  const file = join(root, "README.md");
  if (!existsSync(file)) return result("README.md", ["README.md is missing"]);
  const readme = readFileSync(file, "utf8");
  const media = [...readme.matchAll(/\]\((\.\/)?(media\/[^)\s]+)\)/g)].map((m) => m[2]);
  return result(
    "README.md (and the media it shows)",
    media.filter((path) => !existsSync(join(root, path))).map((path) => `${path} is missing`),
  );
}

/** What only the person publishing can do: named so that nobody mistakes a pass for "ready". */
export function publisherSteps(manifest: Manifest): CheckResult[] {
  return [
    {
      title: "Author is your Raycast account handle",
      status: "publisher",
      problems: [
        `package.json says "author": "${manifest.author}"; set it to your handle from raycast.com/<handle> (ray lint checks it online)`,
      ],
    },
    {
      title: "Screenshots taken with Raycast's Window Capture",
      status: "publisher",
      problems: [
        "metadata/ holds rendered previews (npm run previews); replace them with Window Capture shots on a Mac",
      ],
    },
    {
      title: "Publish",
      status: "publisher",
      problems: ["npm run store:export, then in that folder: npm ci && npx ray lint && npx ray publish"],
    },
  ];
}

/** Every offline check, then the publisher's steps. */
export function storeChecks(root: string): CheckResult[] {
  const manifest = readManifest(root);
  return [
    manifestCheck(root, manifest),
    titleCaseCheck(root, manifest),
    iconCheck(root, manifest),
    screenshotCheck(root),
    changelogCheck(root, manifest),
    lockfileCheck(root, manifest),
    secretsCheck(root),
    readmeCheck(root),
    ...publisherSteps(manifest),
  ];
}

// npm run store:export [folder]: the Store pull request's folder, holding the
// Raycast extension and nothing else: the commands, src/core, the components,
// assets, metadata, the CHANGELOG, a README without the Alfred, CLI and
// development sections (between store:omit markers), and a package.json and
// lockfile without the CLI's and Alfred's scripts and dependencies.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readManifest } from "./checks";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_OUT = join(ROOT, ".tools/store", readManifest(ROOT).name);

/** Front ends that are not the extension. */
const NOT_RAYCAST = ["src/alfred", "src/cli"];
const COPIED = ["assets", "metadata", "CHANGELOG.md", ".prettierrc"];
/** Tooling the extension's own lint and build need; everything else in devDependencies is for tests and other front ends. */
const DEV_KEPT = ["@raycast/eslint-config", "@types/node", "@types/react", "eslint", "prettier", "typescript"];
const SCRIPTS: Record<string, string> = {
  build: "ray build -e dist -o dist",
  dev: "ray develop",
  lint: "ray lint",
  "fix-lint": "ray lint --fix",
  publish: "npx @raycast/api@latest publish",
};

/** The README between store:omit markers removed, and no more than one blank line in a row. */
export function storeReadme(readme: string): string {
  return (
    readme
      .replace(/<!-- store:omit:start -->[^]*?<!-- store:omit:end -->\n?/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Bare package names the exported sources import. */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of walk(dir).filter((f) => /\.(ts|tsx)$/.test(f))) {
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "([^".][^"]*)"/g)) {
      if (spec.startsWith("node:")) continue;
      names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return names;
}

export function exportStore(out = DEFAULT_OUT, options: { lockfile?: boolean } = {}): string {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  cpSync(join(ROOT, "src"), join(out, "src"), {
    recursive: true,
    filter: (source) => !NOT_RAYCAST.some((skip) => relative(ROOT, source).startsWith(skip)),
  });
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(out, entry), { recursive: true });

  const readme = storeReadme(readFileSync(join(ROOT, "README.md"), "utf8"));
  writeFileSync(join(out, "README.md"), readme);
  // Only the media the Store README shows.
  for (const [, path] of readme.matchAll(/\]\((?:\.\/)?(media\/[^)\s]+)\)/g)) {
    mkdirSync(join(out, "media"), { recursive: true });
    cpSync(join(ROOT, path), join(out, path));
  }

  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown> & {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const used = importedPackages(join(out, "src"));
  const pick = (deps: Record<string, string>, keep: (name: string) => boolean) =>
    Object.fromEntries(Object.entries(deps).filter(([name]) => keep(name)));
  // The CLI's bin is not part of the extension (its bundle isn't exported either).
  const storeManifest = {
    ...Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== "bin")),
    dependencies: pick(manifest.dependencies, (name) => used.has(name)),
    devDependencies: pick(manifest.devDependencies, (name) => DEV_KEPT.includes(name)),
    scripts: SCRIPTS,
  };
  writeFileSync(join(out, "package.json"), JSON.stringify(storeManifest, null, 2) + "\n");

  writeFileSync(
    join(out, "tsconfig.json"),
    JSON.stringify(
      {
        $schema: "https://json.schemastore.org/tsconfig",
        display: "Node 22",
        include: ["src/**/*", "raycast-env.d.ts"],
        compilerOptions: JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")).compilerOptions,
      },
      null,
      2,
    ) + "\n",
  );
  writeFileSync(
    join(out, "eslint.config.js"),
    readFileSync(join(ROOT, "eslint.config.js"), "utf8").replace(/, "bench\/results\.json"/, ""),
  );
  writeFileSync(join(out, ".gitignore"), "node_modules/\ndist/\nraycast-env.d.ts\n*.log\n");

  if (options.lockfile !== false) {
    // The repository's lockfile, pruned by npm to what this package.json needs: same versions, nothing extra.
    cpSync(join(ROOT, "package-lock.json"), join(out, "package-lock.json"));
    execFileSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: out,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = exportStore(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  if (!existsSync(join(out, "package-lock.json"))) throw new Error("no lockfile was written");
  console.log(`wrote the Store folder to ${relative(process.cwd(), out) || "."}`);
}

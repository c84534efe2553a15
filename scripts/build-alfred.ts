import { build } from "esbuild";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  BUNDLE_SCRIPT,
  FRAME_SCRIPT,
  GALLERY,
  infoPlist,
  LAUNCHER,
  README,
  renderInfoPlist,
  WORKER_SCRIPT,
} from "../src/alfred/info-plist";
import { CHECKLIST_PROBES } from "../src/core/probes";
import { rowIcons } from "./alfred-icons";
import { writeZip, type ZipInput } from "./zip";

// Builds the Alfred workflow: three CommonJS bundles (Node 22, which execa
// 10 needs): a tiny entry, lib/frame.js (what a keystroke loads: the rows
// and the run cache, no probes) and lib/worker.js (the checks, the fixes),
// so the first frame never parses the 200 KB it doesn't run; info.plist
// generated from src/alfred/info-plist.ts with package.json's version,
// launcher.sh, the icons, then everything zipped into
// dist/Apple ID Doctor.alfredworkflow. Two builds give the same bytes.
//
//   npm run build:alfred   (tsx --conditions=import scripts/build-alfred.ts)

export const WORKFLOW_FILE = "Apple ID Doctor.alfredworkflow";
/** The Alfred Gallery submission's fields, next to the package. */
export const GALLERY_FILE = "Apple ID Doctor.gallery.md";

/** The Gallery submission form's fields (alfredapp/gallery-edits 01_submit_workflow.yml), filled in. */
export function galleryText(): string {
  return [
    "# Apple ID Doctor: Alfred Gallery submission",
    "",
    "## Homepage",
    "",
    GALLERY.homepage,
    "",
    "## Gallery page content",
    "",
    README,
    "",
    "## Tags",
    "",
    GALLERY.tags.join(", "),
    "",
    "## Homebrew dependencies",
    "",
    ...GALLERY.homebrewDependencies,
    "",
    "## Bundled libraries",
    "",
    ...GALLERY.bundledLibraries,
    "",
  ].join("\n");
}

export interface AlfredBuildOptions {
  /** The project (default: this script's parent folder). */
  root?: string;
  /** The unpacked workflow folder (default: <root>/dist/alfred-workflow). */
  workflowDir?: string;
  /** The .alfredworkflow file (default: <root>/dist/Apple ID Doctor.alfredworkflow). */
  zipPath?: string;
}

export interface AlfredBuild {
  workflowDir: string;
  zipPath: string;
  galleryPath: string;
  /** Paths inside the workflow, sorted, as zipped. */
  files: string[];
  bytes: number;
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? [`${relative(base, path).split(sep).join("/")}/`, ...walk(path, base)] : [path];
  });
}

export async function buildAlfredWorkflow(options: AlfredBuildOptions = {}): Promise<AlfredBuild> {
  const root = options.root ?? resolve(__dirname, "..");
  const workflowDir = options.workflowDir ?? join(root, "dist", "alfred-workflow");
  const zipPath = options.zipPath ?? join(root, "dist", WORKFLOW_FILE);
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

  rmSync(workflowDir, { recursive: true, force: true });
  mkdirSync(join(workflowDir, "icons"), { recursive: true });
  mkdirSync(join(workflowDir, "lib"), { recursive: true });

  const probes = CHECKLIST_PROBES.map(({ id, title }) => ({ id, title }));
  for (const [source, outfile] of [
    ["main.ts", BUNDLE_SCRIPT],
    ["frame-main.ts", FRAME_SCRIPT],
    ["worker-main.ts", WORKER_SCRIPT],
  ]) {
    await build({
      absWorkingDir: root,
      entryPoints: [join(root, "src", "alfred", source)],
      outfile: join(workflowDir, outfile),
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node22",
      minify: true,
      legalComments: "eof",
      logLevel: "warning",
      // The entry loads the other two by path, on purpose.
      logOverride: { "unsupported-require-call": "silent" },
      define: { "process.env.NODE_ENV": '"production"', APPLE_ID_DOCTOR_PROBES: JSON.stringify(probes) },
    });
  }

  writeFileSync(join(workflowDir, "info.plist"), renderInfoPlist(infoPlist({ version })));
  copyFileSync(join(root, "src", "alfred", LAUNCHER), join(workflowDir, LAUNCHER));
  chmodSync(join(workflowDir, LAUNCHER), 0o755);
  copyFileSync(join(root, "assets", "extension-icon.png"), join(workflowDir, "icon.png"));
  for (const [name, png] of Object.entries(rowIcons())) writeFileSync(join(workflowDir, "icons", name), png);

  // Sorted names, fixed modes (exec bit from the file, nothing from the umask), fixed times.
  const entries: ZipInput[] = walk(workflowDir)
    .map((path) => {
      if (path.endsWith("/")) return { name: path, data: Buffer.alloc(0), mode: 0o755 };
      const name = relative(workflowDir, path).split(sep).join("/");
      const executable = (statSync(path).mode & 0o111) !== 0;
      return { name, data: readFileSync(path), mode: executable ? 0o755 : 0o644 };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const zip = writeZip(entries);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip);
  const galleryPath = join(dirname(zipPath), GALLERY_FILE);
  writeFileSync(galleryPath, galleryText());
  return { workflowDir, zipPath, galleryPath, files: entries.map((e) => e.name), bytes: zip.length };
}

if (/build-alfred\.ts$/.test(process.argv[1] ?? "")) {
  buildAlfredWorkflow().then(
    (result) => {
      const kb = (result.bytes / 1024).toFixed(0);
      process.stdout.write(
        `Built ${relative(process.cwd(), result.zipPath)} (${kb} KB, ${result.files.length} entries)\n`,
      );
    },
    (error) => {
      process.stderr.write(`build-alfred: ${(error as Error)?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}

// `npm run previews`: the Store screenshots and the README images, drawn from
// the commands' real views.
//
// 1. Bundles scripts/previews/build.tsx with esbuild, @raycast/api and
//    @raycast/utils aliased to the test mocks (the real package has no runtime
//    outside Raycast), and runs it: each command's view renders against a
//    replayed recording, the harness reads the finished tree, and one HTML page
//    per command lays it out like Raycast's window (nothing loaded from the network).
// 2. Screenshots each page with headless Chromium: metadata/apple-id-doctor-N.png
//    at 2000×1250 (the Store's size) and media/<command>.png at 1000×625.
//    Chromium is installed with apt-get when missing and running as root;
//    otherwise the screenshots are skipped with a message (the pages stay).
//
//   npm run previews                # pages + screenshots
//   npm run previews -- --html-only # pages only
import { build, type Plugin } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache", "apple-id-doctor-previews");
const BUNDLE = join(CACHE, "build.mjs");
const PAGES = join(CACHE, "pages");

/** The Store's screenshot size, and the README's (half of it, same layout). */
export const STORE_SIZE = { width: 2000, height: 1250 };
export const README_SIZE = { width: 1000, height: 625 };

interface BuiltPreview {
  index: number;
  command: string;
  recording: string;
  caption: string;
  html: string;
  rows: number;
  store: boolean;
}

/** @raycast/* → the test mocks; every other package stays external (resolved from node_modules). */
const mocks: Plugin = {
  name: "raycast-mocks",
  setup(b) {
    b.onResolve({ filter: /^@raycast\/api$/ }, () => ({ path: join(ROOT, "test", "mocks", "raycast-api.tsx") }));
    b.onResolve({ filter: /^@raycast\/utils$/ }, () => ({ path: join(ROOT, "test", "mocks", "raycast-utils.ts") }));
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function renderPages(): Promise<BuiltPreview[]> {
  mkdirSync(CACHE, { recursive: true });
  await build({
    entryPoints: [join(ROOT, "scripts", "previews", "build.tsx")],
    // Inside the project so the external packages resolve from its node_modules.
    outfile: BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    jsx: "automatic",
    plugins: [mocks],
    logLevel: "warning",
  });
  rmSync(PAGES, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [BUNDLE, ROOT, PAGES], {
    stdio: "inherit",
    env: { ...process.env, APPLE_ID_DOCTOR_LOOPBACK_ONLY: "1" },
  });
  if (run.status !== 0) throw new Error(`rendering the previews failed (exit ${run.status ?? run.signal})`);
  return JSON.parse(readFileSync(join(PAGES, "previews.json"), "utf8"));
}

// ---------------------------------------------------------------------------
// Chromium

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const file = join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

function findChromium(): string | undefined {
  if (process.env.CHROMIUM && existsSync(process.env.CHROMIUM)) return process.env.CHROMIUM;
  for (const name of CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}

/** Finds Chromium, installing the Debian package when missing (root with apt-get only). */
function ensureChromium(): string | undefined {
  const found = findChromium();
  if (found) return found;
  const apt = which("apt-get");
  if (process.getuid?.() !== 0 || !apt) {
    console.log(
      "Skipping screenshots: Chromium isn't installed (and this isn't root with apt-get to install it).\n" +
        "Install Chromium (or set CHROMIUM=/path/to/chrome) and run `npm run previews` again.",
    );
    return undefined;
  }
  console.log("Chromium not found: installing the Debian package (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync(apt, ["update"], { stdio: "inherit", env });
    execFileSync(apt, ["install", "-y", "chromium"], { stdio: "inherit", env });
  } catch (error) {
    console.log(`Skipping screenshots: installing Chromium failed (${(error as Error).message}).`);
    return undefined;
  }
  return findChromium();
}

/** Screenshots `html` into `png` at width×height device pixels (a 1000×625 page at `scale`). */
function screenshot(chromium: string, html: string, png: string, scale: number): void {
  const profile = mkdtempSync(join(tmpdir(), "aid-previews-chromium-"));
  try {
    const run = spawnSync(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        `--user-data-dir=${profile}`,
        "--hide-scrollbars",
        `--window-size=${README_SIZE.width},${README_SIZE.height}`,
        `--force-device-scale-factor=${scale}`,
        `--screenshot=${png}`,
        pathToFileURL(html).href,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (run.status !== 0 || !existsSync(png)) {
      throw new Error(`Chromium could not screenshot ${html}: ${run.error?.message ?? run.stderr.trim()}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  if (data.toString("latin1", 1, 4) !== "PNG" || data.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function expectSize(file: string, size: { width: number; height: number }): void {
  const actual = pngSize(file);
  if (actual.width !== size.width || actual.height !== size.height) {
    throw new Error(`${file} is ${actual.width}×${actual.height}, expected ${size.width}×${size.height}`);
  }
}

async function main(): Promise<void> {
  const htmlOnly = process.argv.includes("--html-only");
  const previews = await renderPages();
  for (const p of previews) console.log(`${p.index}. ${p.command} (${p.recording}, ${p.rows} rows): ${p.html}`);
  if (htmlOnly) return;

  const chromium = ensureChromium();
  if (!chromium) return;
  const metadata = join(ROOT, "metadata");
  const media = join(ROOT, "media");
  mkdirSync(metadata, { recursive: true });
  mkdirSync(media, { recursive: true });
  const shots = join(CACHE, "shots");
  mkdirSync(shots, { recursive: true });
  for (const p of previews) {
    // Rendered into the cache first, so a failed run never leaves half a metadata/ folder.
    const store = join(shots, `apple-id-doctor-${p.index}.png`);
    const readme = join(shots, `${p.command}.png`);
    screenshot(chromium, p.html, store, STORE_SIZE.width / README_SIZE.width);
    screenshot(chromium, p.html, readme, 1);
    expectSize(store, STORE_SIZE);
    expectSize(readme, README_SIZE);
  }
  for (const p of previews) {
    if (p.store) {
      copyFileSync(join(shots, `apple-id-doctor-${p.index}.png`), join(metadata, `apple-id-doctor-${p.index}.png`));
    }
    copyFileSync(join(shots, `${p.command}.png`), join(media, `${p.command}.png`));
    const where = p.store ? `metadata/apple-id-doctor-${p.index}.png (2000×1250), ` : "";
    console.log(`${where}media/${p.command}.png (1000×625): ${p.caption}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

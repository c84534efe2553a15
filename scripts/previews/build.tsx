// The part of `npm run previews` that renders: bundled by scripts/previews.tsx
// with @raycast/api and @raycast/utils aliased to the test mocks (the real
// package has no runtime outside Raycast), then run with Node. Writes one HTML
// page per scene and a previews.json listing them.
//
//   node <bundle> <repo root> <output dir>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderPage } from "./html";
import { SCENES, commandIcon, renderScene } from "./scenes";

export interface BuiltPreview {
  /** 1-based, the screenshot's number: metadata/apple-id-doctor-<index>.png. */
  index: number;
  command: string;
  recording: string;
  caption: string;
  html: string;
  /** How many rows the view showed, for the log. */
  rows: number;
  /** In the Store's screenshots (metadata/), or only in the README (media/). */
  store: boolean;
}

async function main(root: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const built: BuiltPreview[] = [];
  for (const [i, scene] of SCENES.entries()) {
    const screen = await renderScene(scene, root);
    const iconFile = join(root, "assets", commandIcon(manifest, scene.command));
    const iconDataUri = `data:image/png;base64,${readFileSync(iconFile).toString("base64")}`;
    const html = join(outDir, `apple-id-doctor-${i + 1}.html`);
    writeFileSync(html, renderPage(screen, { iconDataUri }));
    const rows = screen.sections.reduce((n, section) => n + section.items.length, 0);
    built.push({
      index: i + 1,
      command: scene.command,
      recording: scene.recording,
      caption: scene.caption,
      html,
      rows,
      store: scene.store !== false,
    });
  }
  writeFileSync(join(outDir, "previews.json"), JSON.stringify(built, null, 2));
}

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) {
  console.error("usage: node <bundle> <repo root> <output dir>");
  process.exit(2);
}
main(root, outDir).then(
  // Replayed hosts and caches may leave timers behind: the pages are written.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// Bundles the CLI into one file (dist/cli/apple-id-doctor.js) with esbuild:
// what the bench starts cold, what package.json's `bin` points at (hence the
// shebang and the execute bit), and what runs on a Mac with nothing but Node.
import { build } from "esbuild";
import { chmod } from "node:fs/promises";
import { join } from "node:path";

export const CLI_BUNDLE = join(__dirname, "..", "dist", "cli", "apple-id-doctor.js");

export async function buildCli(outfile = CLI_BUNDLE): Promise<string> {
  await build({
    entryPoints: [join(__dirname, "..", "src", "cli", "bin.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    banner: { js: "#!/usr/bin/env node" },
  });
  await chmod(outfile, 0o755);
  return outfile;
}

if (require.main === module) {
  buildCli().then((file) => console.log(`built ${file}`));
}

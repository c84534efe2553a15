import { closeSync, rmSync, writeSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The workflow bundle's entry (launcher.sh runs `node apple-id-doctor.js …`):
//   <keyword command> [-- <query>]   a Script Filter: Script Filter JSON on stdout
//   <command> --background <run-id>  a keyword's checks, in the background
//   action -- <arg>                  the Run Script action: one line for the notification
// Kept tiny so it costs nothing to compile: it turns on Node's compile cache
// (in the workflow's cache folder), then loads only the half it needs:
// lib/frame.js for a Script Filter frame (no probes, no execa), lib/worker.js
// for everything that checks or fixes. It exits 0 once stdout is flushed,
// without waiting for sockets a deadline gave up on: Alfred ignores the
// output of a script that fails.

export const MIN_NODE_MAJOR = 22;

interface Half {
  run(argv: string[], env: NodeJS.ProcessEnv): Promise<string>;
  /** Work that needn't hold up the answer: runs once it is written and stdout is closed. */
  afterAnswer?(): void;
}

const argv = process.argv.slice(2);
const env = process.env;
const isAction = argv[0] === "action";

function say(title: string, subtitle: string): string {
  if (isAction) return `${title}. ${subtitle}.\n`;
  const text = `${title}. ${subtitle}.`;
  return JSON.stringify({
    items: [
      {
        uid: "error",
        title,
        subtitle,
        arg: "",
        valid: false,
        icon: { path: "icons/error.png" },
        text: { copy: text, largetype: text },
        variables: { action: "run" },
      },
    ],
    skipknowledge: true,
  });
}

/**
 * Writes straight to fd 1, closes it (Alfred has the whole answer), then
 * does what can come after, and exits: process.stdout on a pipe would load
 * Node's stream and socket modules first, a cost paid on every frame.
 */
function finish(out: string, after?: () => void): void {
  const bytes = Buffer.from(out);
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") break; // Alfred went away: nothing to tell
    }
  }
  try {
    closeSync(1);
  } catch {
    // Already closed.
  }
  after?.();
  process.exit(0);
}

function start() {
  const major = Number(process.versions.node.split(".")[0]);
  if (!(major >= MIN_NODE_MAJOR)) {
    // The launcher cached a node that has since been replaced by an older one: search again next time.
    if (env.alfred_workflow_cache) rmSync(join(env.alfred_workflow_cache, "node-path.txt"), { force: true });
    return finish(
      say(
        `Apple ID Doctor needs Node.js ${MIN_NODE_MAJOR} or later (found v${process.versions.node})`,
        "Install it with Homebrew (brew install node) or from nodejs.org, then try again",
      ),
    );
  }
  try {
    enableCompileCache(join(env.alfred_workflow_cache || tmpdir(), "compile-cache"));
  } catch {
    // No cache folder: just slower.
  }
  const dash = argv.indexOf("--");
  const options = dash >= 0 ? argv.slice(0, dash) : argv;
  const heavy =
    isAction || options.includes("--background") || options.includes("--replay") || !env.alfred_workflow_cache;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the half this run needs, loaded by path
  const half = require(join(__dirname, "lib", heavy ? "worker.js" : "frame.js")) as Half;
  half.run(argv, env).then(
    (out) => finish(out, half.afterAnswer),
    (error) =>
      finish(
        say(
          `Apple ID Doctor broke: ${(error as Error)?.message ?? error}`,
          "Try again; if it keeps happening, report this message",
        ),
      ),
  );
}

start();

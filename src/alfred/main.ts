import { runAction } from "./run-action";
import { errorItem, output } from "./items";
import { main as scriptFilterMain, parseAlfredArgs, runBackground } from "./script-filter";

// The workflow bundle's entry (launcher.sh runs `node apple-id-doctor.js …`):
//   <keyword command> [-- <query>]   a Script Filter: Script Filter JSON on stdout
//   checklist --background <run-id>  the checklist's background process
//   action -- <arg>                  the Run Script action: one line for the notification
// It exits once stdout is flushed, without waiting for sockets a deadline gave up on.

async function run(argv: string[]): Promise<{ out: string; code: number }> {
  if (argv[0] === "action") {
    const dash = argv.indexOf("--");
    const result = await runAction((dash >= 0 ? argv.slice(dash + 1) : argv.slice(1)).join(" "), { env: process.env });
    return { out: result.line ? `${result.line}\n` : "", code: result.code };
  }
  const parsed = parseAlfredArgs(argv);
  if (parsed.ok && parsed.args.background) {
    await runBackground(parsed.args.background, { env: process.env });
    return { out: "", code: 0 };
  }
  return { out: await scriptFilterMain(argv, process.env), code: 0 };
}

const argv = process.argv.slice(2);
run(argv).then(
  ({ out, code }) => process.stdout.write(out, () => process.exit(code)),
  (error) => {
    const message = `Apple ID Doctor broke: ${(error as Error)?.message ?? error}`;
    const out =
      argv[0] === "action"
        ? `${message}\n`
        : JSON.stringify(output([errorItem(message, "Try again; if it keeps happening, report this message")]));
    process.stdout.write(out, () => process.exit(2));
  },
);

import { main } from "./main";

// The CLI's entry point: `npm run cli -- <command>`, and the bundled copy
// the Alfred workflow runs. Exits once output is flushed, without waiting
// for sockets the deadline already gave up on.
// A closed stdout (`… | head -3`) ends the CLI quietly: nobody is reading any more.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error?.code === "EPIPE") process.exit(0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    process.stdout.write("", () => process.exit(code));
  },
  (error) => {
    process.stderr.write(`apple-id-doctor: ${(error as Error)?.stack ?? error}\n`);
    process.exit(2);
  },
);

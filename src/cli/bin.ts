import { nodeVersionProblem } from "./node-version";

// The CLI's entry point: `npm run cli -- <command>`, the `apple-id-doctor`
// bin (the bundled copy, which the Alfred workflow runs too). On an old Node
// it says so in one line before loading anything that needs Node 22. Exits
// once output is flushed, without waiting for sockets the deadline already
// gave up on.
// A closed stdout (`… | head -3`) ends the CLI quietly: nobody is reading any more.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error?.code === "EPIPE") process.exit(0);
    throw error;
  });
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`apple-id-doctor: ${problem}\n`);
  process.exit(2);
} else {
  import("./main")
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
        process.stdout.write("", () => process.exit(code));
      },
      (error) => {
        process.stderr.write(`apple-id-doctor: ${(error as Error)?.stack ?? error}\n`);
        process.exit(2);
      },
    );
}

import { writeFile } from "node:fs/promises";
import { checklistJson } from "../../core/checklist";
import { createRecordingHost } from "../../core/host/record";
import type { Host } from "../../core/host/types";
import type { CliArgs } from "../args";
import type { CliDeps } from "../deps";
import { exitFor, runWithProgress } from "../shared";

export async function run(args: CliArgs, host: Host, deps: CliDeps): Promise<number> {
  const recorder = createRecordingHost(host);
  const result = await runWithProgress(args, recorder, deps);
  const file = args.positional[0];
  const recording = recorder.recording();
  try {
    await writeFile(file, JSON.stringify(recording, null, 2) + "\n", { mode: 0o600 });
  } catch (error) {
    deps.stderr.write(`apple-id-doctor: can't write ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const lists = [
    recording.exec,
    recording.http,
    recording.dns,
    recording.tcp,
    recording.tls,
    recording.ntp,
    recording.files,
  ];
  const inputs = lists.reduce((n, list) => n + (list?.length ?? 0), 0);
  if (args.json) deps.stdout.write(JSON.stringify({ file, inputs, ...checklistJson(result) }, null, 2) + "\n");
  else {
    deps.stdout.write(
      `Saved ${inputs} inputs from ${result.findings.length} checks to ${file}.\n` +
        "It holds identifiers (your Apple Account email, IP addresses, network names): send it only to someone helping you.\n",
    );
  }
  return exitFor(result.findings);
}

import { main, type CliDeps } from "../../src/cli/main";
import type { Host } from "../../src/core/host/types";

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[], extra: Partial<CliDeps> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { APPLE_ID_DOCTOR_DATA: "/nonexistent/apple-id-doctor-test" },
    realHost: (): Host => {
      throw new Error("tests never use the live host without loopback redirects");
    },
    ...extra,
  });
  return { code, stdout, stderr };
}

import type { Host } from "../core/host/types";
import type { RunOptions } from "../core/run";

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches, injectable so tests run it in-process against loopback or a recording. */
export interface CliDeps {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** The live host; tests pass one redirected to loopback servers. */
  realHost: () => Host | Promise<Host>;
  run?: Pick<RunOptions, "targets" | "binaries">;
  /** Asks a yes/no question before a destructive fix; false when nobody can answer. */
  confirm?: (question: string) => Promise<boolean>;
}

import type { Host } from "../core/host/types";
import type { RunOptions } from "../core/run";

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

/** Everything the CLI touches, injectable so tests run it in-process against loopback or a recording. */
export interface CliDeps {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** The script Node ran (process.argv[1]): hints are printed in the form that started this run. */
  scriptPath?: string;
  /** The live host; tests pass one redirected to loopback servers. */
  realHost: () => Host | Promise<Host>;
  run?: Pick<RunOptions, "targets" | "binaries">;
  /** Asks a yes/no question before a destructive fix; undefined when nobody can answer (no terminal). */
  confirm?: (question: string) => Promise<boolean | undefined>;
}

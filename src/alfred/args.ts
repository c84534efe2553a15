// How the workflow starts the bundle for a Script Filter. Light on purpose:
// the first frame loads this, not the probes.

export const SCRIPT_FILTER_COMMANDS = ["checklist", "status", "dns", "clock", "icloud"] as const;
export type ScriptFilterCommand = (typeof SCRIPT_FILTER_COMMANDS)[number];

export interface AlfredArgs {
  command: ScriptFilterCommand;
  /** What the user typed after the keyword: narrows the rows. */
  query: string;
  replay?: string;
  /** The id of a background checklist run this process should carry out. */
  background?: string;
}

/**
 * `<command> [--replay <file>] [--background <run-id>] [-- <query>]`. Only
 * whole tokens before `--` are options: the workflow passes the query after
 * `--`, so nothing typed in Alfred can become one.
 */
export function parseAlfredArgs(argv: string[]): { ok: true; args: AlfredArgs } | { ok: false; error: string } {
  const [command, ...rest] = argv;
  if (!(SCRIPT_FILTER_COMMANDS as readonly string[]).includes(command)) {
    return { ok: false, error: `unknown command "${command ?? ""}" (one of ${SCRIPT_FILTER_COMMANDS.join(", ")})` };
  }
  const args: AlfredArgs = { command: command as ScriptFilterCommand, query: "" };
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token === "--") {
      words.push(...rest.slice(i + 1));
      break;
    }
    if (token === "--replay" || token === "--background") {
      const value = rest[++i];
      if (value === undefined) return { ok: false, error: `${token} needs a value` };
      if (token === "--replay") args.replay = value;
      else args.background = value;
    } else if (token.startsWith("--")) return { ok: false, error: `unknown option ${token}` };
    else words.push(token);
  }
  args.query = words.join(" ").trim();
  return { ok: true, args };
}

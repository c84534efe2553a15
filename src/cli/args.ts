import { parseArgs } from "node:util";

// CONTRACT.md section 1. Parsing is strict: an unknown option is bad usage
// (exit 2), never silently ignored.

export const COMMANDS = ["checklist", "report", "record", "status", "dns", "clock", "fix", "explain"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliArgs {
  command: CommandName;
  positional: string[];
  json: boolean;
  plain: boolean;
  replay?: string;
  deadlineMs: number;
  redact: boolean;
  yes: boolean;
  /** fix: use the macOS password prompt, not Touch ID sudo. */
  password: boolean;
  all: boolean;
  developer: boolean;
}

export type ParsedArgs =
  { ok: true; args: CliArgs } | { ok: false; help: true } | { ok: false; version: true } | { ok: false; error: string };

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: protectCodes(argv),
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        plain: { type: "boolean", default: false },
        replay: { type: "string" },
        deadline: { type: "string" },
        "no-redact": { type: "boolean", default: false },
        yes: { type: "boolean", short: "y", default: false },
        password: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        developer: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message.split("\n")[0] };
  }
  const { values, positionals } = parsed;
  if (values.version) return { ok: false, version: true };
  const [command, ...rest] = positionals.map(restoreCode);
  if (values.help || !command || command === "help") return { ok: false, help: true };
  if (!(COMMANDS as readonly string[]).includes(command))
    return { ok: false, error: `unknown command "${command}" (try --help)` };
  let deadlineMs = 5000;
  if (values.deadline !== undefined) {
    deadlineMs = Number(values.deadline);
    if (!Number.isInteger(deadlineMs) || deadlineMs < 100 || deadlineMs > 120_000) {
      return {
        ok: false,
        error: `--deadline must be a whole number of milliseconds from 100 to 120000, got "${values.deadline}"`,
      };
    }
  }
  // `--replay=` or `--replay "$UNSET"` must not quietly read the live Mac (with `fix`: run real commands).
  if (values.replay !== undefined && values.replay.trim() === "")
    return { ok: false, error: "--replay needs a recording file: --replay <file>" };
  if (command === "record" && !rest[0]) return { ok: false, error: "record needs a file to write: record <file>" };
  if (command === "fix" && !rest[0]) return { ok: false, error: "fix needs a fix id: fix <fix-id> (try --help)" };
  if (command === "explain" && !rest.join(" ").trim())
    return {
      ok: false,
      error: "explain needs an error code or a few words of the message: explain <error> (try --help)",
    };
  return {
    ok: true,
    args: {
      command: command as CommandName,
      positional: rest,
      json: values.json,
      plain: values.plain,
      replay: values.replay,
      deadlineMs,
      redact: !values["no-redact"],
      yes: values.yes,
      password: values.password,
      all: values.all,
      developer: values.developer,
    },
  };
}

// explain's codes are often negative numbers ("-20209", "-60007"): words to
// look up, not options. They pass the parser with a Unicode minus.
const MINUS = "\u2212";
function protectCodes(argv: string[]): string[] {
  const at = argv.indexOf("explain");
  if (at < 0) return argv;
  return argv.map((arg, i) => (i > at && /^-\d+$/.test(arg) ? MINUS + arg.slice(1) : arg));
}
const restoreCode = (arg: string) => (/^\u2212\d+$/.test(arg) ? "-" + arg.slice(1) : arg);

export const USAGE = `Apple ID Doctor: why can't this Mac connect to the Apple Account server?

Usage: apple-id-doctor <command> [options]

Commands:
  checklist            run every check at once, then the diagnosis
  report               run the checklist and print a support-ready report (Markdown; --plain for text)
  record <file>        run the checklist and save every input it read (contains identifiers)
  status               Apple System Status for sign-in services (--all every service, --developer)
  dns                  how this Mac resolves Apple's sign-in hosts, against public resolvers
  clock                this Mac's clock against time.apple.com, and its time settings
  fix <fix-id>         run one fix, then re-run the checks it should change (before → after)
                       fixes: flush-dns, sync-clock, restart-icloud-daemons,
                       reset-account-cache (asks first; --yes), restore-account-cache [<backup>],
                       open-network-settings, open-vpn-settings,
                       open-date-time-settings, open-apple-account-settings,
                       open-status-page, contact-apple-support
  explain <error>      what an error code or message means, its likely causes, checks and fixes
                       (explain -20209, explain verification failed; exit 1 when nothing matches)

Options:
  --json               one JSON document on stdout, nothing else
  --replay <file>      read every input from a recording instead of this Mac
  --deadline <ms>      overall time limit (default 5000)
  --plain              report as plain text
  --no-redact          report: keep identifiers (emails, IPs, names)
  -y, --yes            fix: don't ask before a destructive fix
  --password           fix: ask with the macOS password prompt instead of Touch ID
  -v, --version        print the version
  -h, --help           show this help

Exit status: 0 nothing failed, 1 a check failed, 2 bad usage or unreadable recording,
3 a fix refused because this isn't macOS (nothing was run).`;

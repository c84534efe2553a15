import { parseArgs } from "node:util";
import { FIX_IDS } from "../core/ids";
import { LEGEND } from "./format";
import { didYouMean } from "./suggest";

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
  /** checklist: print identifiers (email, network names) instead of hiding them. */
  showIdentifiers: boolean;
  /** checklist: `jamf` prints one Jamf Pro extension attribute line instead of the human output. */
  format?: "jamf";
}

export type ParsedArgs =
  { ok: true; args: CliArgs } | { ok: false; help: true } | { ok: false; version: true } | { ok: false; error: string };

const OPTIONS = {
  json: { type: "boolean", default: false },
  plain: { type: "boolean", default: false },
  replay: { type: "string" },
  format: { type: "string" },
  deadline: { type: "string" },
  "no-redact": { type: "boolean", default: false },
  "show-identifiers": { type: "boolean", default: false },
  yes: { type: "boolean", short: "y", default: false },
  password: { type: "boolean", default: false },
  all: { type: "boolean", default: false },
  developer: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} as const;

/** What a value-taking option's value is, for "--replay needs a file". */
const VALUE_OF: Record<string, string> = {
  replay: "a recording file: --replay <file>",
  deadline: "milliseconds: --deadline <ms>",
  format: "a format: --format jamf",
};

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: protectCodes(argv), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return { ok: false, error: parseErrorText(error as Error & { code?: string }) };
  }
  const { values, positionals } = parsed;
  if (values.version) return { ok: false, version: true };
  const [command, ...rest] = positionals.map(restoreCode);
  if (values.help || !command || command === "help") return { ok: false, help: true };
  if (!(COMMANDS as readonly string[]).includes(command))
    return { ok: false, error: `unknown command "${command}"${didYouMean(command, COMMANDS)} (try --help)` };
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
  if (values.format !== undefined) {
    if (values.format !== "jamf")
      return { ok: false, error: `unknown format "${values.format}": the one format is jamf` };
    if (command !== "checklist") return { ok: false, error: "--format jamf is for checklist only" };
    if (values.json) return { ok: false, error: "--format jamf and --json are two outputs: pick one" };
  }
  if (command === "record" && !rest[0]) return { ok: false, error: "record needs a file to write: record <file>" };
  if (command === "fix" && !rest[0])
    return { ok: false, error: `fix needs a fix id: fix <fix-id>; fixes: ${FIX_LIST}` };
  if (command === "fix" && !(FIX_IDS as readonly string[]).includes(rest[0]))
    return { ok: false, error: `unknown fix "${rest[0]}"${didYouMean(rest[0], FIX_IDS)}; fixes: ${FIX_LIST}` };
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
      showIdentifiers: values["show-identifiers"],
      ...(values.format === "jamf" ? { format: "jamf" as const } : {}),
    },
  };
}

const FIX_LIST = FIX_IDS.join(", ");

/** node:util's parser speaks to programmers ("To specify a positional argument starting with a '-'…"): say it plainly. */
function parseErrorText(error: Error & { code?: string }): string {
  const named = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  const long = named?.replace(/^-+/, "") ?? "";
  const known = Object.keys(OPTIONS).map((o) => `--${o}`);
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && named)
    return `unknown option ${named}${didYouMean(named.startsWith("--") ? named : `--${long}`, known)} (try --help)`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named) {
    const option = Object.entries(OPTIONS).find(([name, o]) => name === long || ("short" in o && o.short === long));
    if (option && option[1].type === "string") return `--${option[0]} needs ${VALUE_OF[option[0]] ?? "a value"}`;
    if (option) return `--${option[0]} takes no value`;
  }
  return `${error.message.split("\n")[0]} (try --help)`;
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

/** `--help`, with commands in the form that started this run (`prefix`). */
export const usage = (
  prefix = "apple-id-doctor",
) => `Apple ID Doctor: why can't this Mac connect to the Apple Account server?

Usage: ${prefix} <command> [options]

Commands:
  checklist            run every check at once, then the diagnosis
  report               run the checklist and print a support-ready report (Markdown; --plain for text)
  record <file>        run the checklist and save every input it read (contains identifiers)
  status               Apple System Status for sign-in services (--all every service, --developer)
  dns                  how this Mac resolves Apple's sign-in hosts, against public resolvers
  clock                this Mac's clock against time.apple.com, and its time settings
  fix <fix-id>         run one fix, then re-run the checks it should change (before → after);
                       macOS only. Fixes: flush-dns, sync-clock, restart-icloud-daemons,
                       reset-account-cache (asks first; --yes), restore-account-cache [<backup>],
                       open-network-settings, open-vpn-settings,
                       open-date-time-settings, open-apple-account-settings,
                       open-status-page, contact-apple-support
  explain <error>      what an error code or message means, its likely causes, checks and fixes
                       (explain -20209, explain verification failed; exit 1 when nothing matches)

Options:
  --json               one JSON document on stdout, nothing else
  --format jamf        checklist: one Jamf Pro extension attribute line, <result>cause: summary</result>
  --replay <file>      read every input from a recording instead of this Mac
  --deadline <ms>      overall time limit (default 5000)
  --plain              report as plain text
  --no-redact          report: keep identifiers (emails, IPs, names)
  --show-identifiers   checklist: show identifiers on screen (hidden by default, as in reports)
  -y, --yes            fix: don't ask before a destructive fix
  --password           fix: ask with the macOS password prompt instead of Touch ID
  -v, --version        print the version
  -h, --help           show this help

Marks: ${LEGEND}

Exit status: 0 nothing failed, 1 a check failed (or a fix didn't run: declined or cancelled),
2 bad usage or unreadable recording, 3 a fix refused because this isn't macOS (nothing was run).`;

export const USAGE = usage();

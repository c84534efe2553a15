import type { BinaryTable } from "./host/binaries";
import { errorCode, type Host } from "./host/types";

// The one place that asks for admin rights. Commands come from a fixed
// allowlist as argv arrays; the only value that ever goes in (an NTP server
// name) is validated first and stays one shell-quoted word. Touch ID sudo
// where the user enabled it, else one macOS password prompt for the batch.

export type AdminCommand =
  { kind: "flush-dns-cache" } | { kind: "restart-mdnsresponder" } | { kind: "set-clock"; server: string };

export type AdminOutcome =
  | { outcome: "done"; via: "touch-id" | "password"; output: string }
  | { outcome: "cancelled"; via: "touch-id" | "password" }
  | {
      outcome: "failed";
      via: "touch-id" | "password" | "none";
      reason:
        | "wrong-password"
        | "denied"
        | "no-prompt"
        | "touch-id-unavailable"
        | "command"
        | "timeout"
        | "not-allowed"
        | "unavailable";
      message: string;
    };

export const ADMIN_TIMEOUT_MS = 60_000;

/** A host name or IP literal, nothing a shell or AppleScript could read as syntax. */
export function isValidServerName(server: string): boolean {
  if (server.length === 0 || server.length > 253) return false;
  if (/^[0-9.]+$/.test(server))
    return /^(\d{1,3})(\.\d{1,3}){3}$/.test(server) && server.split(".").every((n) => Number(n) <= 255);
  if (/^[0-9a-f:]+$/i.test(server) && server.includes(":")) return /^[0-9a-f:]{2,39}$/i.test(server);
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(
    server,
  );
}

/** The argv for an allowed command, or a reason it is refused. */
export function adminArgv(command: AdminCommand, bin: BinaryTable): string[] | { refused: string } {
  switch (command.kind) {
    case "flush-dns-cache":
      return [bin.dscacheutil, "-flushcache"];
    case "restart-mdnsresponder":
      return [bin.killall, "-HUP", "mDNSResponder"];
    case "set-clock":
      if (!isValidServerName(command.server)) return { refused: `"${command.server}" is not a valid time server name` };
      return [bin.sntp, "-sS", command.server];
  }
}

/** POSIX shell quoting: one word, whatever it holds. `do shell script` hands the text to /bin/sh. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The AppleScript run for every admin batch: constant, so no value is ever part of script source.
 * `without altering line endings`: otherwise AppleScript turns the command's `\n` into `\r`
 * (sntp's measurement line is read back from this output).
 */
export const ADMIN_SCRIPT = [
  "on run argv",
  "do shell script (item 1 of argv) with prompt (item 2 of argv) with administrator privileges without altering line endings",
  "end run",
] as const;

/**
 * The osascript argv for one password prompt over the batch. The shell text
 * (item 1) and the prompt (item 2, which can name a time server from
 * preferences) travel as arguments, never spliced into the script.
 */
export function osascriptArgv(bin: BinaryTable, commands: string[][], prompt: string): string[] {
  const shell = commands.map((argv) => argv.map(shellQuote).join(" ")).join(" && ");
  return [bin.osascript, ...ADMIN_SCRIPT.flatMap((line) => ["-e", line]), "--", shell, prompt];
}

/** Touch ID for sudo: an uncommented `auth sufficient pam_tid.so` in sudo_local (macOS 14+) or sudo. */
export function pamEnablesTouchId(text: string): boolean {
  return text.split("\n").some((line) => /^\s*auth\s+sufficient\s+pam_tid\.so\b/.test(line));
}

export async function touchIdEnabled(host: Host): Promise<boolean> {
  for (const path of ["/etc/pam.d/sudo_local", "/etc/pam.d/sudo"]) {
    try {
      const file = await host.readFile(path);
      if (file.text !== undefined && pamEnablesTouchId(file.text)) return true;
    } catch {
      // missing or unreadable: try the next file, then fall back to the password prompt
    }
  }
  return false;
}

/**
 * osascript's error numbers: stable across languages, unlike the text.
 * -128 is AppleScript's user cancel; -60006 errAuthorizationCanceled;
 * -60005 errAuthorizationDenied; -60007 errAuthorizationInteractionNotAllowed
 * (Security framework's Authorization.h): no prompt could be shown at all
 * (a remote session, nobody at the screen), even though AppleScript's English
 * text for it talks about an incorrect password.
 */
export function classifyOsascriptFailure(stderr: string): "cancelled" | "denied" | "no-prompt" | "command" {
  if (/\(-128\)|\(-60006\)/.test(stderr)) return "cancelled";
  if (/\(-60007\)/.test(stderr)) return "no-prompt";
  if (/\(-60005\)/.test(stderr)) return "denied";
  return "command";
}

/**
 * sudo's words when it needed a password it had no way to ask for: Touch ID
 * wasn't offered or didn't go through (lid closed, Screen Sharing, a session
 * pam_tid can't show a sheet in), so PAM fell back to a password with no
 * terminal. Not a choice the user made, so never a silent "Cancelled".
 */
export function isSudoWithoutPrompt(text: string): boolean {
  return /^sudo: (?:a terminal is required|a password is required|no tty present)/m.test(text);
}

/** What a fix says when Touch ID sudo couldn't authenticate. */
export const TOUCH_ID_UNAVAILABLE =
  "Touch ID wasn't available, so nothing was changed. Use the password prompt instead.";

export interface AdminOptions {
  bin: BinaryTable;
  /** Why we ask, shown in the password dialog: what and why. */
  prompt: string;
  timeoutMs?: number;
  /** Skip Touch ID detection (tests; or a caller that already knows). false = the password prompt. */
  touchId?: boolean;
}

/** Runs a batch of allowlisted commands as root with at most one prompt. */
export async function runAsAdmin(host: Host, commands: AdminCommand[], options: AdminOptions): Promise<AdminOutcome> {
  const argvs: string[][] = [];
  for (const command of commands) {
    const argv = adminArgv(command, options.bin);
    if (!Array.isArray(argv)) return { outcome: "failed", via: "none", reason: "not-allowed", message: argv.refused };
    argvs.push(argv);
  }
  const timeoutMs = options.timeoutMs ?? ADMIN_TIMEOUT_MS;
  const useTouchId = options.touchId ?? (await touchIdEnabled(host));
  return useTouchId ? viaSudo(host, argvs, options.bin, timeoutMs) : viaPrompt(host, argvs, options, timeoutMs);
}

async function viaSudo(host: Host, argvs: string[][], bin: BinaryTable, timeoutMs: number): Promise<AdminOutcome> {
  const outputs: string[] = [];
  for (const argv of argvs) {
    try {
      // stdin is empty, so sudo can never sit on a hidden password prompt.
      const run = await host.exec([bin.sudo, ...argv], { timeoutMs, input: "" });
      if (run.exitCode !== 0) {
        // After a Touch ID cancel or a sudo failure: stop, never a second prompt.
        const text = (run.stderr || run.stdout).trim();
        // No way to authenticate here: say so and offer the password prompt, never a quiet "Cancelled".
        if (isSudoWithoutPrompt(text))
          return { outcome: "failed", via: "touch-id", reason: "touch-id-unavailable", message: TOUCH_ID_UNAVAILABLE };
        // Any other complaint from sudo itself: authentication didn't happen.
        if (/^sudo: /m.test(text)) return { outcome: "cancelled", via: "touch-id" };
        return {
          outcome: "failed",
          via: "touch-id",
          reason: "command",
          message: text.split("\n")[0] || `exit ${run.exitCode}`,
        };
      }
      outputs.push(run.stdout);
    } catch (error) {
      return failure("touch-id", error, timeoutMs);
    }
  }
  return { outcome: "done", via: "touch-id", output: outputs.join("") };
}

async function viaPrompt(
  host: Host,
  argvs: string[][],
  options: AdminOptions,
  timeoutMs: number,
): Promise<AdminOutcome> {
  try {
    const run = await host.exec(osascriptArgv(options.bin, argvs, options.prompt), { timeoutMs });
    if (run.exitCode === 0) return { outcome: "done", via: "password", output: run.stdout };
    const kind = classifyOsascriptFailure(run.stderr);
    if (kind === "cancelled") return { outcome: "cancelled", via: "password" };
    if (kind === "no-prompt") {
      return {
        outcome: "failed",
        via: "password",
        reason: "no-prompt",
        message:
          "macOS couldn't show the administrator prompt here (-60007: a remote session, or nobody at the screen), so nothing was changed",
      };
    }
    if (kind === "denied") {
      return {
        outcome: "failed",
        via: "password",
        reason: "denied",
        message: "macOS denied administrator rights (-60005), so nothing was changed",
      };
    }
    return {
      outcome: "failed",
      via: "password",
      reason: "command",
      message: commandMessage(run.stderr) || `exit ${run.exitCode}`,
    };
  } catch (error) {
    return failure("password", error, timeoutMs);
  }
}

function failure(via: "touch-id" | "password", error: unknown, timeoutMs: number): AdminOutcome {
  const code = errorCode(error);
  if (code === "ETIMEDOUT") {
    return {
      outcome: "failed",
      via,
      reason: "timeout",
      message: `No answer to the admin prompt within ${Math.round(timeoutMs / 1000)} s`,
    };
  }
  if (code === "ENOENT")
    return {
      outcome: "failed",
      via,
      reason: "unavailable",
      message: `${via === "touch-id" ? "sudo" : "osascript"} isn't available`,
    };
  return { outcome: "failed", via, reason: "command", message: (error as Error)?.message ?? code };
}

/** `0:54: execution error: dscacheutil: oops (1)` → `dscacheutil: oops`. */
function commandMessage(stderr: string): string {
  const line = stderr.trim().split("\n")[0] ?? "";
  return line.replace(/^\d+:\d+: execution error: /, "").replace(/ \(-?\d+\)$/, "");
}

import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binariesIn, type BinaryTable } from "../../src/core/host/binaries";

// A folder of fake macOS executables that record their argv and stdin and
// behave as a test tells them (through files in the folder, so the real
// host spawns them for real: exit codes, stderr, timeouts and all).

const PRELUDE = `#!/bin/bash
dir="$(cd "$(dirname "$0")" && pwd)"
name="$(basename "$0")"
{ printf '%s\\0' "$name" "$@"; printf '\\036'; } >> "$dir/calls.log"
mode="$(cat "$dir/$name.mode" 2>/dev/null || echo ok)"
`;

const SCRIPTS: Record<string, string> = {
  // Emulates `do shell script`: item 1 of argv (after --) goes to /bin/sh.
  osascript: `${PRELUDE}
shell=""; seen=0
for a in "$@"; do if [ "$seen" = 1 ]; then shell="$a"; break; fi; [ "$a" = "--" ] && seen=1; done
case "$mode" in
  ok) out="$(/bin/sh -c "$shell" 2>"$dir/osascript.err")"; code=$?
      if [ $code -ne 0 ]; then echo "0:97: execution error: $(head -n1 "$dir/osascript.err") ($code)" >&2; exit 1; fi
      printf '%s' "$out"; exit 0 ;;
  cancel-es) echo "0:54: execution error: El usuario ha cancelado. (-128)" >&2; exit 1 ;;
  no-prompt) echo "0:54: execution error: The administrator user name or password was incorrect. (-60007)" >&2; exit 1 ;;
  denied) echo "0:54: execution error: Authentication failed. (-60005)" >&2; exit 1 ;;
  hang) exec sleep 30 ;;
esac`,
  sudo: `${PRELUDE}
cat > "$dir/sudo.stdin"
case "$mode" in
  ok) exec "$@" ;;
  no-terminal) echo "sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper" >&2; exit 1 ;;
  password-required) echo "sudo: a password is required" >&2; exit 1 ;;
  hang) exec sleep 30 ;;
esac`,
  dscacheutil: `${PRELUDE}
case "$mode" in ok) exit 0 ;; fail) echo "dscacheutil: cache flush failed" >&2; exit 1 ;; esac`,
  killall: `${PRELUDE}
case "$mode" in
  ok) exit 0 ;;
  missing) echo "No matching processes belonging to you were found" >&2; exit 1 ;;
  cloudd-missing) [ "$1" = cloudd ] && { echo "No matching processes belonging to you were found" >&2; exit 1; }; exit 0 ;;
  cloudd-denied) [ "$1" = cloudd ] && { echo "kill: Operation not permitted" >&2; exit 1; }; exit 0 ;;
  denied) echo "kill: Operation not permitted" >&2; exit 1 ;;
esac`,
  // Keeps a real plist file as the MobileMeAccounts domain, like cfprefsd would.
  defaults: `${PRELUDE}
state="$dir/MobileMeAccounts.plist"
# Real defaults speaks through NSLog: a timestamp header line, then the message.
nslog() { printf '%s defaults[11951:419861] \n' "2023-11-10 20:58:08.277" >&2; printf '%s\n' "$@" >&2; }
missing() { nslog "Domain MobileMeAccounts does not exist"; exit 1; }
case "$1" in
  export)
    if [ "$3" = "-" ]; then [ -f "$state" ] || missing; cat "$state"; exit 0; fi
    case "$mode" in
      export-fails) echo "Could not export domain MobileMeAccounts to $3" >&2; exit 1 ;;
      export-empty) : > "$3"; exit 0 ;;
      export-other) sed 's/jane.doe@example.com/someone.else@example.com/' "$state" > "$3"; exit 0 ;;
      export-lossy) sed -e '/<key>Services<\\/key>/,/<\\/array>/d' -e '/<key>DisplayName<\\/key>/,+1d' "$state" > "$3"; exit 0 ;;
    esac
    [ -f "$state" ] || missing; cp "$state" "$3"; exit 0 ;;
  delete) [ "$mode" = delete-fails ] && { nslog "Domain (MobileMeAccounts) not found." "Defaults have not been changed."; exit 1; }; [ -f "$state" ] || missing; rm -f "$state"; exit 0 ;;
  import) [ "$mode" = import-fails ] && { echo "Could not import" >&2; exit 1; }
    [ "$mode" = import-noop ] && exit 0
    [ "$mode" = import-lossy ] && { sed '/<key>Services<\\/key>/,/<\\/array>/d' "$3" > "$state"; exit 0; }
    cp "$3" "$state"; exit 0 ;;
esac
exit 1`,
  plutil: `${PRELUDE}
[ "$mode" = fail ] && { echo "$5: Property List error: Unexpected character" >&2; exit 1; }
[ -s "$5" ] || { echo "$5: Property List error: Encountered unexpected EOF" >&2; exit 1; }
cat "$5"`,
  sntp: `${PRELUDE}
case "$mode" in ok) echo "+0.171773 +/- 0.105399 $2 17.253.60.45"; exit 0 ;; fail) echo "sntp: Exchange failed: Timeout" >&2; exit 1 ;; esac`,
  open: `${PRELUDE}
exit 0`,
};

export interface FakeBin {
  dir: string;
  bin: BinaryTable;
  /** Sets how a fake behaves next (its case in the script). */
  mode(name: string, mode: string): void;
  /** Every invocation so far: [name, ...argv]. */
  calls(): string[][];
  sudoStdin(): string | undefined;
  /** The fake defaults' MobileMeAccounts domain, as a file (undefined when deleted). */
  accountState(): string | undefined;
  setAccountState(xml: string | undefined): void;
}

export function makeFakeBin(): FakeBin {
  const dir = mkdtempSync(join(tmpdir(), "aid-fakebin-"));
  for (const [name, script] of Object.entries(SCRIPTS)) {
    writeFileSync(join(dir, name), script);
    chmodSync(join(dir, name), 0o755);
  }
  return {
    dir,
    bin: binariesIn(dir),
    mode: (name, mode) => writeFileSync(join(dir, `${name}.mode`), mode),
    calls: () => {
      const log = join(dir, "calls.log");
      if (!existsSync(log)) return [];
      return readFileSync(log, "utf8")
        .split("\u001e")
        .filter(Boolean)
        .map((entry) => entry.split("\u0000").slice(0, -1));
    },
    sudoStdin: () => (existsSync(join(dir, "sudo.stdin")) ? readFileSync(join(dir, "sudo.stdin"), "utf8") : undefined),
    accountState: () =>
      existsSync(join(dir, "MobileMeAccounts.plist"))
        ? readFileSync(join(dir, "MobileMeAccounts.plist"), "utf8")
        : undefined,
    setAccountState: (xml) =>
      xml === undefined
        ? rmSync(join(dir, "MobileMeAccounts.plist"), { force: true })
        : writeFileSync(join(dir, "MobileMeAccounts.plist"), xml),
  };
}

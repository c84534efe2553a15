// The process list: `/bin/ps -axo comm=` prints one executable per line,
// every user's and root's (macOS's ps(1): -A/-ax "display information about
// other users' processes"; /bin/ps runs setuid root, which is why a real
// `ps axu` from a user's Terminal lists its own line as root's, jc's
// osx-10.14.6 capture). A path may hold spaces; a process whose arguments ps
// can't read prints its bare name. A captured `ps aux`/`ps -ef` (a header with
// COMMAND or CMD) is read too: its command column, arguments included.
// Pure; never throws.

const MAX_LINES = 20_000;
const MAX_LINE = 4096;

/** Each process's command, in output order; blank lines and a header dropped. */
export function parseProcessCommands(text: string): string[] {
  const lines = String(text ?? "")
    .slice(0, 4_000_000)
    .split(/\r?\n/)
    .slice(0, MAX_LINES);
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1) return [];
  const header = lines[first].trim().split(/\s+/);
  // `ps -axo comm` (no `=`) prints a COMM header; `ps aux` and `ps -ef` print columns before COMMAND/CMD.
  const column = header.findIndex((h) => h === "COMMAND" || h === "CMD");
  const isHeader = header.length === 1 ? header[0] === "COMM" || header[0] === "COMMAND" : column > 0;
  const skip = column > 0 ? column : 0;
  const out: string[] = [];
  for (const raw of lines.slice(isHeader ? first + 1 : first)) {
    if (raw.length > MAX_LINE) continue;
    const line = raw.trim();
    if (!line) continue;
    // Columns before the command never hold spaces (USER, PID, TT, STAT, STARTED, TIME).
    const command = skip ? line.split(/\s+/).slice(skip).join(" ") : line;
    if (command) out.push(command);
  }
  return out;
}

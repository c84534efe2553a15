import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BINARIES, binariesIn, type BinaryTable } from "../../src/core/host/binaries";
import type { Recording } from "../../src/core/host/recording";

// A folder of fake macOS commands built from a recording's exec entries:
// each prints the captured stdout/stderr and exits with the captured code,
// so the real host spawns real processes that answer like the Mac did.

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function fakeMacBin(recording: Recording): { dir: string; bin: BinaryTable } {
  const dir = mkdtempSync(join(tmpdir(), "aid-fakemac-"));
  const out = join(dir, "out");
  mkdirSync(out);
  const byBinary = new Map<string, string[]>();
  (recording.exec ?? []).forEach((entry, i) => {
    const name = entry.command[0].slice(entry.command[0].lastIndexOf("/") + 1);
    writeFileSync(join(out, `${i}.stdout`), entry.stdout ?? "");
    writeFileSync(join(out, `${i}.stderr`), entry.stderr ?? "");
    const args = entry.command.slice(1).join(" ");
    const lines = byBinary.get(name) ?? [];
    lines.push(
      `  ${shellQuote(args)}) cat "$d/out/${i}.stdout"; cat "$d/out/${i}.stderr" >&2; exit ${entry.exitCode ?? 0} ;;`,
    );
    byBinary.set(name, lines);
  });
  for (const path of Object.values(BINARIES)) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const cases = byBinary.get(name) ?? [];
    const script = `#!/bin/sh\nd="$(cd "$(dirname "$0")" && pwd)"\ncase "$*" in\n${cases.join("\n")}\n  *) echo "${name}: unexpected arguments: $*" >&2; exit 64 ;;\nesac\n`;
    writeFileSync(join(dir, name), script);
    chmodSync(join(dir, name), 0o755);
  }
  return { dir, bin: binariesIn(dir) };
}

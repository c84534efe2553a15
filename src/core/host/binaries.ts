// Every binary the project ever runs, by absolute path: Raycast and Alfred
// start with a minimal PATH, and a name looked up on PATH could be anything.
// Tests point this table at a folder of fake executables.

export const BINARIES = {
  sw_vers: "/usr/bin/sw_vers",
  sysctl: "/usr/sbin/sysctl",
  scutil: "/usr/sbin/scutil",
  ifconfig: "/sbin/ifconfig",
  netstat: "/usr/sbin/netstat",
  defaults: "/usr/bin/defaults",
  pgrep: "/usr/bin/pgrep",
  socketfilterfw: "/usr/libexec/ApplicationFirewall/socketfilterfw",
  killall: "/usr/bin/killall",
  dscacheutil: "/usr/bin/dscacheutil",
  sntp: "/usr/bin/sntp",
  sudo: "/usr/bin/sudo",
  osascript: "/usr/bin/osascript",
  open: "/usr/bin/open",
  plutil: "/usr/bin/plutil",
  profiles: "/usr/bin/profiles",
  systemextensionsctl: "/usr/bin/systemextensionsctl",
  ps: "/bin/ps",
} as const;

export type BinaryName = keyof typeof BINARIES;
export type BinaryTable = Record<BinaryName, string>;

/** The binary table with some entries pointed elsewhere (tests: a folder of fakes). */
export function binaryTable(overrides: Partial<BinaryTable> = {}): BinaryTable {
  return { ...BINARIES, ...overrides };
}

/** The same table with every binary looked up in one folder by its basename. */
export function binariesIn(folder: string): BinaryTable {
  const table = {} as BinaryTable;
  for (const [name, path] of Object.entries(BINARIES) as [BinaryName, string][]) {
    table[name] = `${folder}/${path.slice(path.lastIndexOf("/") + 1)}`;
  }
  return table;
}

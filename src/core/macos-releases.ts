// macOS versions as data, with the date they were last checked, so the
// table can go stale without the probe saying something false: a version
// newer than the table knows gets no name and no "unsupported" verdict.

export const MACOS_RELEASES = {
  /** When this table was last checked against Apple's public material. */
  asOf: "2026-12-01",
  /** 10.x releases are named by minor version. */
  names10: { 11: "El Capitan", 12: "Sierra", 13: "High Sierra", 14: "Mojave", 15: "Catalina" } as Record<
    number,
    string
  >,
  /** From 11 on, by major version (15 jumped straight to 26). 27 is in public 2026 material, not yet named here. */
  names: {
    11: "Big Sur",
    12: "Monterey",
    13: "Ventura",
    14: "Sonoma",
    15: "Sequoia",
    26: "Tahoe",
  } as Record<number, string>,
  /** The newest major version public material mentions as of `asOf`. */
  newestKnownMajor: 27,
  /** The oldest major version still getting security updates as of `asOf` (Apple keeps about three). */
  oldestSupportedMajor: 14,
} as const;

/** The marketing name, or undefined for a version the table doesn't name. */
export function macosName(major: number, minor: number): string | undefined {
  const table = major === 10 ? MACOS_RELEASES.names10 : MACOS_RELEASES.names;
  const key = major === 10 ? minor : major;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Newer than anything the table knows: the table is stale, not the Mac. */
export function isNewerThanKnown(major: number): boolean {
  return major > MACOS_RELEASES.newestKnownMajor;
}

/** "December 2026": when the support list was last checked, for wording that ages honestly. */
export function releasesCheckedOn(): string {
  const d = new Date(`${MACOS_RELEASES.asOf}T00:00:00Z`);
  return d.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

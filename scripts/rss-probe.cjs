// Preloaded into a child by the bench: writes the process's peak RSS (KB)
// to the file named in APPLE_ID_DOCTOR_RSS_FILE when the process exits.
// On Linux it reads VmHWM: getrusage's maxrss survives exec, so a child of
// a large parent would report the parent's size.
/* eslint-disable @typescript-eslint/no-require-imports */
const { readFileSync, writeFileSync } = require("node:fs");

function peakKb() {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const file = process.env.APPLE_ID_DOCTOR_RSS_FILE;
  if (file) writeFileSync(file, String(peakKb()));
});

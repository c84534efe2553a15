// Preloaded into a child by the bench: writes the process's peak RSS (KB)
// to the file named in APPLE_ID_DOCTOR_RSS_FILE when the process exits.
/* eslint-disable @typescript-eslint/no-require-imports */
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  const file = process.env.APPLE_ID_DOCTOR_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});

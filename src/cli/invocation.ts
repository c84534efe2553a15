import { basename, isAbsolute, relative } from "node:path";

// Hints ("Fix: apple-id-doctor fix sync-clock") are commands to copy, so
// they are printed in the form that started this run: a hint naming a
// command the shell can't find is worse than none.

/** How this run was started, as the words to type before a command. */
export function commandPrefix(env: NodeJS.ProcessEnv, scriptPath?: string, cwd = process.cwd()): string {
  // `npm run cli -- …` (npm sets both; `npm test` and others leave "cli" out).
  if (env.npm_lifecycle_event === "cli" && env.npm_command?.startsWith("run")) return "npm run --silent cli --";
  // `npx apple-id-doctor …`: the bin isn't on PATH outside npx.
  if (env.npm_command === "exec") return "npx apple-id-doctor";
  const name = scriptPath ? basename(scriptPath) : "apple-id-doctor";
  // `node dist/cli/apple-id-doctor.js …` (or any copy of the bundle).
  if (scriptPath && name.endsWith(".js")) return `node ${shellWord(pathFromHere(scriptPath, cwd))}`;
  // The source entry run some other way than `npm run cli`.
  if (name.endsWith(".ts")) return "npm run --silent cli --";
  // The `apple-id-doctor` bin (npm link, a global install) and in-process callers.
  return "apple-id-doctor";
}

function pathFromHere(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/** Quotes a path for a POSIX shell only when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

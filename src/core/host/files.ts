import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { toHostError } from "./sockets";
import { HostError, type FileRead } from "./types";

// The real host's file reads: a folder's names and one file, never following
// a FIFO or device that would block.

/** More names than any folder a probe lists holds: a hostile one stays cheap to record and read. */
const MAX_DIR_ENTRIES = 1000;

export async function listHostDir(path: string): Promise<string[]> {
  try {
    // readdir follows a link to a folder, as `ls /etc/resolver/` would.
    return (await readdir(path)).sort().slice(0, MAX_DIR_ENTRIES);
  } catch (error) {
    throw toHostError(error);
  }
}

export async function readHostFile(path: string): Promise<FileRead> {
  try {
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) return { link: await readlink(path) };
    // A FIFO or device would block or never end: only regular files are read.
    if (!stat.isFile()) throw new HostError(stat.isDirectory() ? "EISDIR" : "EINVAL", `${path} is not a file`);
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    throw toHostError(error);
  }
}

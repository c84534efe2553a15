import { FIX_TITLES } from "../fix-titles";
import type { Backup, BackupStore } from "../host/backups";
import { errorCode } from "../host/types";
import { defaultsMessage, defaultsMessageText } from "../parse/defaults-error";
import { parseMobileMeExport, sameDocument, type AppleAccount } from "../parse/mobileme";
import type { Fix, FixContext, FixResult } from "./types";

// A reversible reset of the cached account settings (what guides do with a
// bare delete of the MobileMeAccounts domain), made safe: backup first with
// `defaults export`, read the backup back and check it is the same whole
// document as the live settings (every key and value, not just who is signed
// in), and only then delete. Restoring imports a backup chosen by name from
// the list and checks the settings are then the same document as the backup. It does not sign out on Apple's servers, and it never touches the
// Keychain.

export const RESET_EXPLANATION =
  "An advanced, last-resort step: Sign Out and Back In is the supported way to get fresh tokens. This backs up, then clears, the account settings macOS caches for iCloud (MobileMeAccounts). iCloud's tokens aren't in them: they live in the Accounts framework and the Keychain, which this never touches, and it doesn't sign you out on Apple's servers. Afterwards Settings may show you half signed in until you sign out and back in. The backup can be restored, but restoring brings back only the settings file, not agreement with Apple's servers.";

type Read = { ok: true; accounts: AppleAccount[]; document: unknown } | { ok: false; reason: string };

async function readLive(ctx: FixContext): Promise<Read> {
  try {
    const r = await ctx.host.exec([ctx.bin.defaults, "export", "MobileMeAccounts", "-"]);
    if (r.exitCode !== 0)
      return { ok: false, reason: defaultsMessage(r.stderr, r.stdout) || `defaults exited ${r.exitCode}` };
    const parsed = parseMobileMeExport(r.stdout);
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
  } catch (error) {
    return { ok: false, reason: `couldn't run defaults (${errorCode(error)})` };
  }
}

/** Reads a backup file back through plutil (the export is a binary plist). */
async function readBackup(ctx: FixContext, path: string): Promise<Read> {
  try {
    const r = await ctx.host.exec([ctx.bin.plutil, "-convert", "xml1", "-o", "-", path]);
    if (r.exitCode !== 0)
      return { ok: false, reason: defaultsMessage(r.stderr, r.stdout) || `plutil exited ${r.exitCode}` };
    const parsed = parseMobileMeExport(r.stdout);
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
  } catch (error) {
    return { ok: false, reason: `couldn't read it back (${errorCode(error)})` };
  }
}

const failed = (message: string, ran: string[] = []): FixResult => ({ outcome: "failed", message, ran });

function needStore(ctx: FixContext): BackupStore | undefined {
  return ctx.backups;
}

type Backed = { ok: true; name: string; ran: string[] } | { ok: false; result: FixResult };

/**
 * Exports the live settings to a temporary file and proves it: read back
 * through plutil, it must be the same whole document as the live settings.
 * Only then does it get its backup name (and appear in the list); on any
 * failure the temporary file is removed.
 */
async function backupVerified(ctx: FixContext, store: BackupStore, live: Read & { ok: true }): Promise<Backed> {
  let path: string;
  try {
    path = await store.newPath(ctx.host.now());
  } catch (error) {
    return {
      ok: false,
      result: failed(`Couldn't create the backup folder (${errorCode(error)}), so nothing was changed`),
    };
  }
  const verified = await exportAndCheck(ctx, path, live);
  if (!verified.ok) {
    await store.discard(path);
    return verified;
  }
  try {
    return { ok: true, name: await store.commit(path), ran: verified.ran };
  } catch (error) {
    await store.discard(path);
    return { ok: false, result: failed(`The backup couldn't be saved (${errorCode(error)}), so nothing was changed`) };
  }
}

async function exportAndCheck(
  ctx: FixContext,
  path: string,
  live: Read & { ok: true },
): Promise<{ ok: true; ran: string[] } | { ok: false; result: FixResult }> {
  const no = (message: string, ran: string[] = []) => ({
    ok: false as const,
    result: failed(`${message}, so nothing was changed`, ran),
  });
  const ran = [`${ctx.bin.defaults} export MobileMeAccounts ${path}`];
  try {
    const r = await ctx.host.exec([ctx.bin.defaults, "export", "MobileMeAccounts", path]);
    if (r.exitCode !== 0)
      return no(`The backup failed (${defaultsMessage(r.stderr, r.stdout) || `exit ${r.exitCode}`})`, ran);
  } catch (error) {
    return no(`The backup failed (${errorCode(error)})`, ran);
  }
  const back = await readBackup(ctx, path);
  ran.push(`${ctx.bin.plutil} -convert xml1 -o - ${path}`);
  if (!back.ok) return no(`The backup couldn't be read back (${back.reason})`, ran);
  if (!sameDocument(back.document, live.document)) return no("The backup doesn't match the current settings", ran);
  return { ok: true, ran };
}

export const resetAccountCacheFix: Fix = {
  id: "reset-account-cache",
  title: FIX_TITLES["reset-account-cache"],
  needsAdmin: false,
  destructive: true,
  verifies: ["account"],
  async run(ctx) {
    const store = needStore(ctx);
    if (!store) return failed("No backup folder is set up, so nothing was changed");
    const live = await readLive(ctx);
    if (!live.ok) return failed(`Couldn't read the account settings (${live.reason}), so nothing was changed`);
    if (live.accounts.length === 0) return failed("There are no cached account settings to reset; nothing was changed");
    const backed = await backupVerified(ctx, store, live);
    if (!backed.ok) return backed.result;
    const { name, ran } = backed;

    // Verified: only now is anything deleted.
    ran.push(`${ctx.bin.defaults} delete MobileMeAccounts`);
    try {
      const r = await ctx.host.exec([ctx.bin.defaults, "delete", "MobileMeAccounts"]);
      if (r.exitCode !== 0)
        return failed(
          `Clearing the settings failed (${defaultsMessageText(r.stderr, r.stdout) || `exit ${r.exitCode}`}); the backup is saved as ${name}`,
          ran,
        );
    } catch (error) {
      return failed(`Clearing the settings failed (${errorCode(error)}); the backup is saved as ${name}`, ran);
    }
    return {
      outcome: "done",
      message: `Account cache reset; backup saved as ${name}`,
      ran,
    };
  },
};

/**
 * Restores one backup, by its name in the list (the newest when none is named), and checks the
 * settings are then the same document as the backup. A path, `..` or a symlink out of the folder
 * is not a name: it is refused with the names that exist.
 */
export async function restoreAccountCache(ctx: FixContext, backup?: Backup | string): Promise<FixResult> {
  const store = needStore(ctx);
  if (!store) return failed("No backup folder is set up, so there is no backup to restore");
  const wanted = typeof backup === "string" ? backup : backup?.name;
  let chosen: string;
  if (wanted === undefined || wanted === "") {
    const newest = (await store.list())[0];
    if (!newest) return failed("There is no backup to restore");
    chosen = newest.path;
  } else {
    const found = await store.find(wanted);
    if (!found.ok) return failed(`Nothing was restored: ${found.reason}`);
    chosen = found.backup.path;
  }
  const back = await readBackup(ctx, chosen);
  if (!back.ok) return failed(`That backup can't be read (${back.reason}); nothing was changed`);
  const ran: string[] = [];
  // Settings that differ from the backup (another account signed in since, or anything changed)
  // are backed up first, so a restore can be undone too.
  const live = await readLive(ctx);
  if (live.ok && live.accounts.length > 0 && !sameDocument(live.document, back.document)) {
    const safety = await backupVerified(ctx, store, live);
    if (!safety.ok) return safety.result;
    ran.push(...safety.ran);
  }
  ran.push(`${ctx.bin.defaults} import MobileMeAccounts ${chosen}`);
  try {
    const r = await ctx.host.exec([ctx.bin.defaults, "import", "MobileMeAccounts", chosen]);
    if (r.exitCode !== 0)
      return failed(`The restore failed (${defaultsMessageText(r.stderr, r.stdout) || `exit ${r.exitCode}`})`, ran);
  } catch (error) {
    return failed(`The restore failed (${errorCode(error)})`, ran);
  }
  const after = await readLive(ctx);
  if (!after.ok || !sameDocument(after.document, back.document)) {
    return failed(
      `The restore didn't take: the settings don't match the backup${after.ok ? "" : ` (${after.reason})`}`,
      ran,
    );
  }
  return {
    outcome: "done",
    message: `Account settings restored from ${chosen.slice(chosen.lastIndexOf("/") + 1)}`,
    ran,
  };
}

export const restoreAccountCacheFix: Fix = {
  id: "restore-account-cache",
  title: FIX_TITLES["restore-account-cache"],
  needsAdmin: false,
  destructive: false,
  verifies: ["account"],
  run: (ctx) => restoreAccountCache(ctx, ctx.backupName),
};

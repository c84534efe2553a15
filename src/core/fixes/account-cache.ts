import { FIX_TITLES } from "../fix-titles";
import type { Backup, BackupStore } from "../host/backups";
import { errorCode } from "../host/types";
import { defaultsMessage, defaultsMessageText } from "../parse/defaults-error";
import { parseMobileMeExport, sameAccounts, type AppleAccount } from "../parse/mobileme";
import type { Fix, FixContext, FixResult } from "./types";

// A reversible reset of the cached account settings (what guides do with a
// bare delete of the MobileMeAccounts domain), made safe: backup first with
// `defaults export`, read the backup back and check it holds the same
// accounts, and only then delete. Restoring imports a backup and checks it
// took. It does not sign out on Apple's servers, and it never touches the
// Keychain.

export const RESET_EXPLANATION =
  "An advanced, last-resort step: Sign Out and Back In is the supported way to get fresh tokens. This backs up, then clears, the account settings macOS caches for iCloud (MobileMeAccounts). iCloud's tokens aren't in them: they live in the Accounts framework and the Keychain, which this never touches, and it doesn't sign you out on Apple's servers. Afterwards Settings may show you half signed in until you sign out and back in. The backup can be restored, but restoring brings back only the settings file, not agreement with Apple's servers.";

type Read = { ok: true; accounts: AppleAccount[] } | { ok: false; reason: string };

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

type Backed = { ok: true; path: string; ran: string[] } | { ok: false; result: FixResult };

/**
 * Exports the live settings to a new backup file and proves it: read back
 * through plutil, it must hold the same accounts as the live settings.
 */
async function backupVerified(ctx: FixContext, store: BackupStore, live: AppleAccount[]): Promise<Backed> {
  const no = (message: string, ran: string[] = []): Backed => ({
    ok: false,
    result: failed(`${message}, so nothing was changed`, ran),
  });
  let path: string;
  try {
    path = await store.newPath(ctx.host.now());
  } catch (error) {
    return no(`Couldn't create the backup folder (${errorCode(error)})`);
  }
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
  if (!sameAccounts(back.accounts, live)) return no("The backup doesn't match the current settings", ran);
  return { ok: true, path, ran };
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
    const backed = await backupVerified(ctx, store, live.accounts);
    if (!backed.ok) return backed.result;
    const { path, ran } = backed;

    // Verified: only now is anything deleted.
    ran.push(`${ctx.bin.defaults} delete MobileMeAccounts`);
    try {
      const r = await ctx.host.exec([ctx.bin.defaults, "delete", "MobileMeAccounts"]);
      if (r.exitCode !== 0)
        return failed(
          `Clearing the settings failed (${defaultsMessageText(r.stderr, r.stdout) || `exit ${r.exitCode}`}); the backup is at ${path}`,
          ran,
        );
    } catch (error) {
      return failed(`Clearing the settings failed (${errorCode(error)}); the backup is at ${path}`, ran);
    }
    return {
      outcome: "done",
      message: `Account cache reset; backup saved as ${path.slice(store.dir.length + 1)}`,
      ran,
    };
  },
};

/** Restores one backup (the newest when none is named) and checks the settings now match it. */
export async function restoreAccountCache(ctx: FixContext, backup?: Backup | string): Promise<FixResult> {
  const store = needStore(ctx);
  const chosen = typeof backup === "string" ? backup : (backup?.path ?? (await store?.list())?.[0]?.path);
  if (!chosen) return failed("There is no backup to restore");
  const back = await readBackup(ctx, chosen);
  if (!back.ok) return failed(`That backup can't be read (${back.reason}); nothing was changed`);
  const ran: string[] = [];
  // Settings that differ from the backup (another account signed in since)
  // are backed up first, so a restore can be undone too.
  const live = await readLive(ctx);
  if (live.ok && live.accounts.length > 0 && !sameAccounts(live.accounts, back.accounts)) {
    if (!store)
      return failed(
        "The current settings differ from the backup and there is no backup folder to keep them; nothing was changed",
      );
    const safety = await backupVerified(ctx, store, live.accounts);
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
  if (!after.ok || !sameAccounts(after.accounts, back.accounts)) {
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
  run: (ctx) => restoreAccountCache(ctx, ctx.backupPath),
};

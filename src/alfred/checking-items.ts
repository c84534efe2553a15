import type { ScriptFilterCommand } from "./args";
import { disabledMod, fixItem, ICONS, NOT_READY, RUN, STATUS_PAGE_URL, type AlfredItem } from "./items";

// The single commands' rows while their checks run: part of the first
// frame, so only items.ts, no probe code.

/** A row for something still being checked: not actionable, nothing to copy yet. */
export function checkingItem(uid: string, title: string, subtitle = "Checking…"): AlfredItem {
  return {
    uid,
    title,
    subtitle,
    arg: "",
    valid: false,
    icon: { path: ICONS.pending },
    text: { copy: NOT_READY, largetype: `${title}: ${subtitle}` },
    mods: { cmd: disabledMod("Still checking…"), alt: disabledMod("The results are ready in a few seconds") },
    variables: { ...RUN },
  };
}

/**
 * What a single command shows the moment its keyword is typed, while its
 * checks run in the background: the action rows at once (⏎ works before
 * any result is in), then a row for what is still being checked.
 */
export function checkingItems(command: Exclude<ScriptFilterCommand, "checklist">): AlfredItem[] {
  const ctx = { copy: NOT_READY };
  const rows: (AlfredItem | undefined)[] =
    command === "dns"
      ? [
          fixItem("flush-dns", "Clears this Mac's DNS cache", ctx),
          checkingItem("dns:checking", "Looking Up Apple's Sign-In Servers…"),
        ]
      : command === "clock"
        ? [
            checkingItem("finding:clock", "Clock", "Asking time.apple.com…"),
            fixItem("sync-clock", "Set the clock from Apple's time server now", ctx),
          ]
        : command === "icloud"
          ? [
              checkingItem("finding:account", "Apple Account", "Reading the account settings…"),
              fixItem(
                "restart-icloud-daemons",
                "Restarts bird and cloudd (iCloud Drive, CloudKit); macOS starts them again",
                ctx,
              ),
              fixItem("reset-account-cache", "Backs up, then clears the account settings macOS caches for iCloud", ctx),
              fixItem("open-apple-account-settings", "Sign out and back in there: the supported fix", ctx),
            ]
          : [
              checkingItem("status:summary", "Asking Apple…", "Apple System Status for the sign-in services"),
              {
                ...checkingItem("status:open", "Open Apple System Status", "⏎ Open the status page"),
                arg: `open:${STATUS_PAGE_URL}`,
                valid: true,
                icon: { path: ICONS.app },
                quicklookurl: STATUS_PAGE_URL,
              },
            ];
  const later = disabledMod("The results are ready in a few seconds");
  return rows
    .filter((r): r is AlfredItem => !!r)
    .map((r) => (r.uid.startsWith("fix:") ? { ...r, mods: { ...r.mods, alt: later } } : r));
}

import { Icon } from "@raycast/api";
import { FIX_TITLES } from "../../core/fix-titles";
import { RESET_EXPLANATION } from "../../core/fixes/account-cache";
import { ICLOUD_DAEMONS } from "../../core/fixes/restart-icloud-daemons";
import type { FixId } from "../../core/ids";

// The steps the guides give, in their order: two run from here, two are explained.

export interface Step {
  id: "sign-out" | "restart-services" | "reset-cache" | "restart-mac";
  title: string;
  subtitle: string;
  icon: Icon;
  keywords: string[];
  markdown: string;
  /** Steps that run from here; the others are guides. */
  fix?: FixId;
  destructive?: boolean;
  /** False when there is nothing for the fix to work on. */
  available?: boolean;
  guideNote?: string;
}

export function stepRows({ signedOut, macosMajor }: { signedOut: boolean; macosMajor?: number }): Step[] {
  const settingsName = macosMajor !== undefined && macosMajor < 13 ? "System Preferences" : "System Settings";
  const daemons = ICLOUD_DAEMONS.map((d) => `\`killall ${d}\``).join(", then ");
  return [
    {
      id: "sign-out",
      title: "Sign Out and Back In",
      subtitle: "The supported way to get fresh tokens from Apple",
      icon: Icon.Person,
      keywords: ["sign out", "sign in", "apple account", "tokens"],
      guideNote: "Done by you in System Settings",
      markdown: [
        "## Sign Out and Back In",
        "",
        "The supported way to get fresh iCloud tokens: signing out and in asks Apple's servers for new ones, which nothing on this Mac can do for you.",
        "",
        "### What It Changes",
        "",
        "- Apple's servers end this Mac's session and issue new tokens when you sign back in.",
        "- macOS replaces the tokens it keeps in the Accounts framework (`accountsd`) and the Keychain, and rewrites the account settings (MobileMeAccounts) to match.",
        "",
        `1. Open **${settingsName}** and click **your name** at the top.`,
        "2. Click **Sign Out**.",
        "3. When asked, choose to **keep a copy** of your iCloud data on this Mac. Choosing not to keep it removes the local copies of iCloud Drive, Contacts, Calendars and the like.",
        "4. **Restart** your Mac.",
        `5. Open **${settingsName}** again and sign in with your Apple Account.`,
        "6. **Approve** the sign-in on another of your devices and type the verification code.",
        "",
        "iCloud may take a while to sync again afterwards. Keep a trusted device nearby for the code.",
      ].join("\n"),
    },
    {
      id: "restart-services",
      title: FIX_TITLES["restart-icloud-daemons"],
      subtitle: "Restarts iCloud Drive's sync services; doesn't touch sign-in",
      icon: Icon.ArrowClockwise,
      keywords: ["bird", "cloudd", "killall", "icloud drive"],
      fix: "restart-icloud-daemons",
      available: true,
      markdown: [
        `## ${FIX_TITLES["restart-icloud-daemons"]}`,
        "",
        "Quits **bird** (iCloud Drive) and **cloudd** (CloudKit). They run as you, so no password is needed, and macOS starts them again at once.",
        "",
        "Your data is safe: syncing pauses for a moment and picks up where it left off. It helps when iCloud Drive seems stuck or hasn't noticed a sign-in.",
        "",
        "It doesn't sign you in or out, and doesn't refresh any token: those belong to the Accounts framework and the Keychain, which this never touches.",
        "",
        `Runs ${daemons}.`,
      ].join("\n"),
    },
    {
      id: "restart-mac",
      title: "Restart Your Mac",
      subtitle: "Starts the account services afresh; do it before signing in",
      icon: Icon.Power,
      keywords: ["restart", "reboot"],
      guideNote: "Done by you from the Apple menu",
      markdown: [
        "## Restart Your Mac",
        "",
        "A restart starts every account and iCloud service afresh, so they read the account settings again instead of what they held in memory. The guides restart after signing out (and after resetting the account cache), before signing back in.",
        "",
        "Save your work, then choose **Apple menu → Restart…**. This extension never restarts your Mac for you.",
      ].join("\n"),
    },
    {
      id: "reset-cache",
      title: FIX_TITLES["reset-account-cache"],
      subtitle: "Advanced, last resort: clears the cached account settings (backed up first)",
      icon: Icon.Warning,
      keywords: ["MobileMeAccounts", "defaults", "cache", "backup"],
      fix: "reset-account-cache",
      destructive: true,
      available: !signedOut,
      markdown: [
        `## ${FIX_TITLES["reset-account-cache"]}`,
        "",
        RESET_EXPLANATION,
        "",
        "### What It Does",
        "",
        "1. Saves the account settings to a backup file (`defaults export MobileMeAccounts`).",
        "2. Reads the backup back and checks it holds the same account.",
        "3. Only then clears the settings (`defaults delete MobileMeAccounts`).",
        "",
        "### What It Doesn't Do",
        "",
        "- It doesn't clear iCloud's tokens: they live in the Accounts framework (`~/Library/Accounts`) and the Keychain, not in these settings, and this never touches either.",
        "- It doesn't sign you out on Apple's servers: Settings may show you half signed in until you sign out and back in.",
        "- It doesn't delete your files.",
        "- Restoring the backup brings the settings file back, but can't bring the Mac and Apple's servers back in step: only signing out and in does.",
        "",
        "Use it only after Sign Out and Back In and a restart didn't help. Afterwards, sign out and back in (the first step) and restart. To undo it, restore the backup from **Backups** below.",
        ...(signedOut ? ["", "**Nothing to reset right now:** no Apple Account is signed in on this Mac."] : []),
      ].join("\n"),
    },
  ];
}

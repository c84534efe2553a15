import { List } from "@raycast/api";
import type { ReactNode } from "react";
import type { Finding } from "../../core/types";
import { findingMarkdown } from "../finding-item";
import { PENDING_LOOK, statusLook } from "../status-icons";
import { SIGNED_OUT, accountData } from "./account-data";
import { AccountEntryRows } from "./account-entry-rows";
import { PaneAwareItem } from "../pane-aware-item";

/** A row's action panel: its own actions, then Open Apple Account Settings (unless told not to) and the shared ones. */
export type Panel = (own: ReactNode, withSettings?: boolean) => ReactNode;

/** The Apple Account section: checking, why it couldn't tell, signed out, or each signed-in account. */
export function AccountRows({ account, crash, panel }: { account?: Finding; crash?: string; panel: Panel }) {
  if (!account && !crash) {
    return (
      <PaneAwareItem
        id="account:pending"
        title="Checking Apple Account…"
        icon={PENDING_LOOK.icon}
        accessories={[{ tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }]}
        detail={<List.Item.Detail markdown={findingMarkdown("Apple Account", undefined)} />}
        actions={panel(null)}
      />
    );
  }
  const data = accountData(account);
  if (!account || !data) {
    // Skipped (not a Mac, unreadable settings) or errored: say so, with the reason.
    const status = account?.status ?? "error";
    const look = statusLook(status);
    const title = status === "skip" ? "Apple Account Not Checked" : "Couldn't Check Apple Account";
    const reason = account?.summary ?? `The check stopped: ${crash}`;
    return (
      <PaneAwareItem
        id="account:problem"
        title={title}
        subtitle={reason}
        icon={look.icon}
        accessories={[{ tag: { value: look.word, color: look.color } }]}
        detail={<List.Item.Detail markdown={account ? findingMarkdown(title, account) : `## ${title}\n\n${reason}`} />}
        actions={panel(null)}
      />
    );
  }
  if (!data.signedIn || data.accounts.length === 0) {
    const look = statusLook("warn");
    return (
      <PaneAwareItem
        id="account:signed-out"
        title={SIGNED_OUT}
        subtitle="Sign in from System Settings"
        icon={look.icon}
        accessories={[{ tag: { value: "Signed Out", color: look.color } }]}
        detail={<List.Item.Detail markdown={SIGNED_OUT_MARKDOWN} />}
        actions={panel(null)}
      />
    );
  }
  return (
    <>
      {data.accounts.map((entry, index) => (
        <AccountEntryRows key={`${entry.email ?? "account"}-${index}`} entry={entry} index={index} panel={panel} />
      ))}
    </>
  );
}

const SIGNED_OUT_MARKDOWN = [
  `## ${SIGNED_OUT}`,
  "",
  "The account settings macOS keeps for iCloud (MobileMeAccounts) hold no account, so there is nothing to reset.",
  "",
  "Sign in from **System Settings** → **Sign in with your Apple Account**, and approve the sign-in on another of your devices if asked.",
  "",
  "If you just reset the account cache and want the old settings back, restore a backup from **Backups** below.",
].join("\n");

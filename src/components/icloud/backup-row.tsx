import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { Backup } from "../../core/host/backups";
import { absoluteTime, timeAgo } from "./history-words";
import { PaneAwareItem } from "../pane-aware-item";

export const NO_BACKUPS_MARKDOWN = [
  "## No Backups Yet",
  "",
  "Reset Account Cache saves the account settings here before it clears anything, so each reset can be undone.",
].join("\n");

export function BackupRow({ backup, now, actions }: { backup: Backup; now: Date; actions: ReactNode }) {
  const at = new Date(backup.createdAt);
  const markdown = [
    `## Backup from ${absoluteTime(at)}`,
    "",
    "The account settings (MobileMeAccounts) as they were before a reset.",
    "",
    "**Restore Account Cache** imports this file with `defaults import MobileMeAccounts` and checks the settings then match it. It brings back the settings on this Mac, not Apple's sign-in on its servers: if iCloud still asks, sign out and back in.",
  ].join("\n");
  return (
    <PaneAwareItem
      id={`backup:${backup.name}`}
      title={absoluteTime(at)}
      subtitle={formatBytes(backup.bytes)}
      icon={{ source: Icon.Document, tintColor: Color.PrimaryText }}
      keywords={[backup.name, "backup", "restore"]}
      accessories={[{ text: timeAgo(at, now), tooltip: backup.createdAt }]}
      detail={
        <List.Item.Detail
          markdown={markdown}
          metadata={
            <List.Item.Detail.Metadata>
              <List.Item.Detail.Metadata.Label title="Saved" text={`${absoluteTime(at)} (${timeAgo(at, now)})`} />
              <List.Item.Detail.Metadata.Label title="File" text={backup.name} />
              <List.Item.Detail.Metadata.Label title="Size" text={formatBytes(backup.bytes)} />
            </List.Item.Detail.Metadata>
          }
        />
      }
      actions={actions}
    />
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export const plural = (n: number) => (n === 1 ? "backup" : "backups");

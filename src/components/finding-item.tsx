import { List } from "@raycast/api";
import type { ReactNode } from "react";
import { FIX_TITLES } from "../core/fix-titles";
import type { Finding } from "../core/types";
import { statusLook } from "./status-icons";

/** "412 ms" under a second, "1.2 s" above: the unit a person reads without counting digits. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export interface FindingItemProps {
  /** The probe the row stands for; enough to show it while it is still running. */
  probe: { id: string; title: string };
  /** Undefined while the probe has not settled. */
  finding?: Finding;
  actions?: ReactNode;
  /** With the detail pane open the row keeps its icon and title only: the pane says the rest. */
  showingDetail?: boolean;
}

/** One checklist row: pending ("Checking…") until its finding arrives. */
export function FindingItem({ probe, finding, actions, showingDetail = false }: FindingItemProps) {
  const look = statusLook(finding?.status);
  const accessories: List.Item.Accessory[] = [{ tag: { value: look.word, color: look.color } }];
  if (finding) accessories.push({ text: formatDuration(finding.durationMs) });
  return (
    <List.Item
      id={probe.id}
      title={probe.title}
      subtitle={showingDetail ? undefined : finding?.summary}
      icon={look.icon}
      keywords={[probe.id, look.word]}
      accessories={showingDetail ? [] : accessories}
      detail={<FindingDetail probe={probe} finding={finding} />}
      actions={actions}
    />
  );
}

function FindingDetail({ probe, finding }: Pick<FindingItemProps, "probe" | "finding">) {
  const look = statusLook(finding?.status);
  return (
    <List.Item.Detail
      markdown={findingMarkdown(probe.title, finding)}
      metadata={
        <List.Item.Detail.Metadata>
          <List.Item.Detail.Metadata.Label title="Status" text={{ value: look.word, color: look.color }} />
          <List.Item.Detail.Metadata.Label title="Check" text={probe.id} />
          {finding && <List.Item.Detail.Metadata.Label title="Duration" text={formatDuration(finding.durationMs)} />}
          {finding && finding.fixes.length > 0 && (
            <>
              <List.Item.Detail.Metadata.Separator />
              <List.Item.Detail.Metadata.TagList title="Fixes">
                {finding.fixes.map((fix) => (
                  <List.Item.Detail.Metadata.TagList.Item key={fix} text={FIX_TITLES[fix]} />
                ))}
              </List.Item.Detail.Metadata.TagList>
            </>
          )}
        </List.Item.Detail.Metadata>
      }
    />
  );
}

/** The summary, then the evidence verbatim in a code block: support reads it exactly as the Mac said it. */
export function findingMarkdown(title: string, finding: Finding | undefined): string {
  if (!finding) return `## ${title}\n\nChecking…`;
  const lines = [`## ${title}`, "", finding.summary];
  if (finding.details.length > 0) {
    // A fence longer than any backtick run in the evidence keeps it verbatim.
    const longestRun = Math.max(
      0,
      ...finding.details.map((d) => Math.max(0, ...(d.match(/`+/g) ?? []).map((m) => m.length))),
    );
    const fence = "`".repeat(Math.max(3, longestRun + 1));
    lines.push("", "### Evidence", "", fence, ...finding.details, fence);
  }
  return lines.join("\n");
}

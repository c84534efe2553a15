import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import { causeName } from "../core/cause-titles";
import { FIX_TITLES } from "../core/fix-titles";
import type { Cause, Confidence } from "../core/types";

const CONFIDENCE: Record<Confidence, { word: string; color: Color }> = {
  high: { word: "High Confidence", color: Color.Red },
  medium: { word: "Medium Confidence", color: Color.Orange },
  low: { word: "Low Confidence", color: Color.Yellow },
};

export function causeTitle(cause: Cause): string {
  return causeName(cause);
}

export interface CauseItemProps {
  cause: Cause;
  actions?: ReactNode;
  /** With the detail pane open the row keeps its icon and title only: the pane says the rest. */
  showingDetail?: boolean;
}

/** One diagnosis row: what is wrong, how sure we are, and the fix to run. */
export function CauseItem({ cause, actions, showingDetail = false }: CauseItemProps) {
  const healthy = cause.cause === "none" && cause.confidence === "high";
  const confidence = CONFIDENCE[cause.confidence];
  // A healthy Mac is green whatever the confidence; a problem's colour says how sure we are.
  const icon = healthy
    ? { source: Icon.CheckCircle, tintColor: Color.Green }
    : { source: Icon.ExclamationMark, tintColor: confidence.color };
  return (
    <List.Item
      id={`cause-${cause.cause}`}
      title={causeTitle(cause)}
      subtitle={showingDetail ? undefined : cause.summary}
      icon={icon}
      keywords={[cause.cause, "diagnosis"]}
      accessories={healthy || showingDetail ? [] : [{ tag: { value: confidence.word, color: confidence.color } }]}
      detail={
        <List.Item.Detail
          markdown={causeMarkdown(cause)}
          metadata={
            <List.Item.Detail.Metadata>
              <List.Item.Detail.Metadata.Label
                title="Confidence"
                text={{ value: confidence.word, color: healthy ? Color.Green : confidence.color }}
              />
              {cause.fixes.length > 0 && (
                <List.Item.Detail.Metadata.TagList title="Fixes">
                  {cause.fixes.map((fix) => (
                    <List.Item.Detail.Metadata.TagList.Item key={fix} text={FIX_TITLES[fix]} />
                  ))}
                </List.Item.Detail.Metadata.TagList>
              )}
            </List.Item.Detail.Metadata>
          }
        />
      }
      actions={actions}
    />
  );
}

export function causeMarkdown(cause: Cause): string {
  const lines = [`## ${causeTitle(cause)}`, "", cause.summary];
  if (cause.evidence.length > 0) lines.push("", "### Evidence", "", ...cause.evidence.map((e) => `- ${e}`));
  if (cause.fixes.length > 0) {
    lines.push("", "### Fix", "", ...cause.fixes.map((fix, i) => `${i + 1}. ${FIX_TITLES[fix]}`));
  }
  return lines.join("\n");
}

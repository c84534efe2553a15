import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import { CAUSE_TITLES } from "../../core/cause-titles";
import { FIX_TITLES } from "../../core/fix-titles";
import { confidenceWords, type KnowledgeEntry } from "../../core/knowledge";
import { probeById } from "../../core/probes";
import { PaneAwareItem } from "../pane-aware-item";

const CONFIDENCE_COLORS: Record<KnowledgeEntry["confidence"], Color> = {
  high: Color.Green,
  medium: Color.Blue,
  low: Color.Orange,
};

interface ExplainItemProps {
  entry: KnowledgeEntry;
  /** What the search matched: a code shows as a tag. */
  matched: string;
  actions: ReactNode;
}

/** One knowledge entry: how sure it is, whether a source confirms it, and the code that matched. */
export function ExplainItem({ entry, matched, actions }: ExplainItemProps) {
  const accessories: List.Item.Accessory[] = [
    {
      tag: { value: capitalise(entry.confidence), color: CONFIDENCE_COLORS[entry.confidence] },
      tooltip: `${capitalise(entry.confidence)} confidence`,
    },
  ];
  if (!entry.verified) {
    accessories.push({ tag: { value: "Unverified", color: Color.Orange }, tooltip: "No public source confirms this" });
  }
  if (matched && entry.match.codes.includes(matched)) accessories.push({ tag: matched, tooltip: "Matched code" });
  return (
    <PaneAwareItem
      id={entry.id}
      title={entry.title}
      subtitle={shortMeaning(entry.meaning)}
      icon={
        entry.verified
          ? { source: Icon.Info, tintColor: Color.Blue }
          : { source: Icon.QuestionMarkCircle, tintColor: Color.Orange }
      }
      keywords={[...entry.match.codes, entry.id]}
      accessories={accessories}
      detail={<ExplainDetail entry={entry} />}
      actions={actions}
    />
  );
}

function ExplainDetail({ entry }: { entry: KnowledgeEntry }) {
  return (
    <List.Item.Detail
      markdown={explanationMarkdown(entry)}
      metadata={
        <List.Item.Detail.Metadata>
          <List.Item.Detail.Metadata.Label
            title="Confidence"
            text={{ value: confidenceWords(entry), color: CONFIDENCE_COLORS[entry.confidence] }}
          />
          {entry.match.codes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Codes">
              {entry.match.codes.map((code) => (
                <List.Item.Detail.Metadata.TagList.Item key={code} text={code} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          {entry.probes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Related Checks">
              {entry.probes.map((id) => (
                <List.Item.Detail.Metadata.TagList.Item key={id} text={probeById(id)?.title ?? id} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          {entry.fixes.length > 0 && (
            <List.Item.Detail.Metadata.TagList title="Fixes">
              {entry.fixes.map((fix) => (
                <List.Item.Detail.Metadata.TagList.Item key={fix} text={FIX_TITLES[fix]} />
              ))}
            </List.Item.Detail.Metadata.TagList>
          )}
          <List.Item.Detail.Metadata.Separator />
          <List.Item.Detail.Metadata.Label title="Source" text={entry.source} />
        </List.Item.Detail.Metadata>
      }
    />
  );
}

/** Meaning, what to do, likely causes and the source, as the detail pane shows them. */
export function explanationMarkdown(entry: KnowledgeEntry): string {
  const lines = [`## ${entry.title}`, ""];
  if (!entry.verified) lines.push(`> **Unverified:** ${entry.source}.`, "");
  lines.push(entry.meaning);
  if (entry.steps.length > 0) lines.push("", "### What to Do", "", ...entry.steps.map((s, i) => `${i + 1}. ${s}`));
  lines.push("", "### Likely Causes", "");
  if (entry.likelyCauses.length > 0) lines.push(...entry.likelyCauses.map((c) => `- ${CAUSE_TITLES[c]}`));
  else lines.push("Nothing this Mac's checks can see: it's about the account or the step itself.");
  lines.push("", "### Source", "", entry.source);
  return lines.join("\n");
}

/** The first sentence: the meaning in short, for the row (Raycast truncates what doesn't fit). */
function shortMeaning(meaning: string): string {
  return meaning.split(/(?<=[.:;])\s/)[0].replace(/[.:;]$/, "");
}

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

import { List } from "@raycast/api";
import type { ReactNode } from "react";
import type { Finding } from "../../core/types";
import { findingMarkdown } from "../finding-item";
import { statusLook } from "../status-icons";
import { PaneAwareItem } from "../pane-aware-item";

/** The top row: the probe's verdict, and after a flush what it was before. */
export function VerdictItem({ finding, before, actions }: { finding?: Finding; before?: Finding; actions: ReactNode }) {
  const look = statusLook(finding?.status);
  const accessories: List.Item.Accessory[] = [];
  if (finding && before) {
    const was = statusLook(before.status);
    accessories.push({
      tag: { value: `${was.word} → ${look.word}`, color: look.color },
      tooltip: `Before the flush: ${before.summary}`,
    });
  } else {
    accessories.push({ tag: { value: look.word, color: look.color } });
  }
  return (
    <PaneAwareItem
      id="verdict"
      title={finding?.summary ?? "Checking DNS…"}
      icon={look.icon}
      keywords={["verdict", "dns"]}
      accessories={accessories}
      detail={<List.Item.Detail markdown={verdictMarkdown(finding, before)} />}
      actions={actions}
    />
  );
}

function verdictMarkdown(finding: Finding | undefined, before: Finding | undefined): string {
  const now = findingMarkdown(before ? "DNS After Flush" : "DNS", finding);
  return before ? `${now}\n\n${findingMarkdown("Before Flush", before)}` : now;
}

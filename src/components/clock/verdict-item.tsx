import { Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { Finding } from "../../core/types";
import { causeMarkdown } from "../cause-item";
import type { ClockVerdict } from "../clock-summary";
import { findingMarkdown } from "../finding-item";
import { PENDING_LOOK, STATUS_LOOKS, statusLook } from "../status-icons";
import { wasText } from "./was-text";
import { PaneAwareItem } from "../pane-aware-item";

/** The top row: the clock is right, off, or couldn't be told, with what it was before Sync Clock. */
export function VerdictItem(props: { verdict: ClockVerdict; clock?: Finding; before?: Finding; actions: ReactNode }) {
  const { verdict, clock, before, actions } = props;
  const icon =
    verdict.kind === "checking"
      ? PENDING_LOOK.icon
      : verdict.kind === "right"
        ? STATUS_LOOKS.pass.icon
        : verdict.kind === "off"
          ? clock?.status === "warn"
            ? STATUS_LOOKS.warn.icon
            : STATUS_LOOKS.fail.icon
          : statusLook(clock?.status === "pass" ? "warn" : clock?.status).icon;
  const was = wasText(before);
  const accessories: List.Item.Accessory[] = [];
  if (was) accessories.push({ text: was, icon: Icon.Clock, tooltip: "Before Sync Clock" });
  const markdown = verdict.cause
    ? causeMarkdown(verdict.cause)
    : verdict.kind === "checking"
      ? "## Clock\n\nChecking…"
      : findingMarkdown(verdict.title, clock);
  return (
    <PaneAwareItem
      id={verdict.cause ? `cause-${verdict.cause.cause}` : `clock-${verdict.kind}`}
      title={verdict.title}
      subtitle={verdict.line}
      icon={icon}
      keywords={["diagnosis", verdict.kind, ...(verdict.cause ? [verdict.cause.cause] : [])]}
      accessories={accessories}
      detail={
        <List.Item.Detail
          markdown={markdown}
          metadata={
            was ? (
              <List.Item.Detail.Metadata>
                <List.Item.Detail.Metadata.Label title="Before Sync Clock" text={was} />
              </List.Item.Detail.Metadata>
            ) : undefined
          }
        />
      }
      actions={actions}
    />
  );
}

import { Color, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { FixRecord } from "../../core/types";
import { lastRunAccessories } from "./history-words";
import type { Step } from "./steps";
import { PaneAwareItem } from "../pane-aware-item";

/** One step: a fix's row says when it last ran; a guide's says who does it. */
export function StepItem({
  step,
  record,
  now,
  actions,
}: {
  step: Step;
  record?: FixRecord;
  now: Date;
  actions: ReactNode;
}) {
  return (
    <PaneAwareItem
      id={`step:${step.id}`}
      title={step.title}
      subtitle={step.subtitle}
      icon={{ source: step.icon, tintColor: step.destructive ? Color.Orange : Color.PrimaryText }}
      keywords={step.keywords}
      accessories={step.fix ? lastRunAccessories(record, now) : [{ tag: "Guide", tooltip: step.guideNote }]}
      detail={<List.Item.Detail markdown={step.markdown} />}
      actions={actions}
    />
  );
}

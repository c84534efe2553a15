import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import type { Finding } from "../../core/types";
import { failedAttempts, measurementOf } from "../clock-summary";
import { findingMarkdown } from "../finding-item";
import { PaneAwareItem } from "../pane-aware-item";

/**
 * The HTTP `date` header: whole seconds, so only a fallback. The clock probe
 * reads it only when NTP didn't answer, and the row says exactly that.
 */
export function CrossCheckItem({ clock, actions }: { clock: Finding; actions: ReactNode }) {
  const m = measurementOf(clock);
  const failedHttp = failedAttempts(clock).filter((f) => f.via === "HTTP date");
  const row =
    m?.source === "http"
      ? {
          subtitle: `Used because NTP didn't answer: ${m.server}'s date header, ±1 s`,
          tag: { value: "In Use", color: Color.Orange },
          icon: { source: Icon.Globe, tintColor: Color.Orange },
        }
      : m
        ? {
            subtitle: "Not needed: the HTTP date is only read when NTP is blocked",
            tag: { value: "Not Used", color: Color.SecondaryText },
            icon: { source: Icon.Globe, tintColor: Color.SecondaryText },
          }
        : {
            subtitle: failedHttp.length
              ? `No date header either: ${failedHttp.map((f) => `${f.server} ${f.reason}`).join(", ")}`
              : "No date header to compare with",
            tag: { value: "Unavailable", color: Color.SecondaryText },
            icon: { source: Icon.Globe, tintColor: Color.SecondaryText },
          };
  return (
    <PaneAwareItem
      id="http-cross-check"
      title="HTTP Cross-Check"
      subtitle={row.subtitle}
      icon={row.icon}
      keywords={["http", "date"]}
      accessories={[{ tag: row.tag }]}
      detail={<List.Item.Detail markdown={findingMarkdown("HTTP Cross-Check", clock)} />}
      actions={actions}
    />
  );
}

import { Color, List } from "@raycast/api";
import type { ReactNode } from "react";
import { clockProbe } from "../../core/probes/clock";
import type { Finding } from "../../core/types";
import { capitalize, failedAttempts, measurementOf, offsetPhrase, precisionWords, sourceWords } from "../clock-summary";
import { findingMarkdown, formatDuration } from "../finding-item";
import { PENDING_LOOK, STATUS_LOOKS, statusLook } from "../status-icons";
import { CrossCheckItem } from "./cross-check-item";
import { wasText } from "./was-text";
import { PaneAwareItem } from "../pane-aware-item";

/** A row per time server that didn't answer, the one that did, then the HTTP cross-check. */
export function TimeServerItems(props: { clock?: Finding; firstServer: string; before?: Finding; actions: ReactNode }) {
  const { clock, firstServer, before, actions } = props;
  if (!clock) {
    return (
      <PaneAwareItem
        id="server-pending"
        title={firstServer}
        icon={PENDING_LOOK.icon}
        accessories={[{ tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }]}
        detail={<List.Item.Detail markdown={findingMarkdown("Time Servers", undefined)} />}
        actions={actions}
      />
    );
  }
  const evidence = <List.Item.Detail markdown={findingMarkdown(clockProbe.title, clock)} />;
  const m = measurementOf(clock);
  const failedNtp = failedAttempts(clock).filter((f) => f.via === "NTP");
  // Skipped (nothing recorded) or cut short: one row with the reason beats a row per unanswered server.
  if (!m && (clock.status === "skip" || clock.status === "error" || failedNtp.length === 0)) {
    const look = statusLook(clock.status);
    return (
      <PaneAwareItem
        id="server-none"
        title={clockProbe.title}
        subtitle={clock.summary}
        icon={look.icon}
        accessories={[{ tag: { value: look.word, color: look.color } }]}
        detail={evidence}
        actions={actions}
      />
    );
  }
  const look = statusLook(clock.status);
  const was = wasText(before);
  return (
    <>
      {failedNtp.map((failed) => (
        <PaneAwareItem
          key={`failed-${failed.server}`}
          id={`server-failed-${failed.server}`}
          title={failed.server}
          subtitle={`No answer over NTP: ${failed.reason}`}
          icon={STATUS_LOOKS.warn.icon}
          keywords={["ntp", "failed"]}
          accessories={[{ tag: { value: "NTP", color: Color.SecondaryText } }]}
          detail={evidence}
          actions={actions}
        />
      ))}
      {m && (
        <PaneAwareItem
          id={`server-${m.server}`}
          title={m.server}
          subtitle={capitalize(offsetPhrase(m.offsetMs))}
          icon={look.icon}
          keywords={[m.source, "offset"]}
          accessories={[
            { tag: { value: sourceWords(m), color: m.source === "ntp" ? Color.Blue : Color.Orange } },
            { text: formatDuration(m.delayMs), tooltip: "Round trip" },
          ]}
          detail={
            <List.Item.Detail
              markdown={findingMarkdown(clockProbe.title, clock)}
              metadata={
                <List.Item.Detail.Metadata>
                  <List.Item.Detail.Metadata.Label title="Server" text={m.server} />
                  <List.Item.Detail.Metadata.Label title="Source" text={sourceWords(m)} />
                  <List.Item.Detail.Metadata.Label
                    title="Offset"
                    text={`${m.offsetMs > 0 ? "+" : ""}${m.offsetMs} ms (server minus this Mac)`}
                  />
                  <List.Item.Detail.Metadata.Label title="Precision" text={precisionWords(m.precisionMs)} />
                  <List.Item.Detail.Metadata.Label title="Round Trip" text={formatDuration(m.delayMs)} />
                  {was && <List.Item.Detail.Metadata.Label title="Before Sync Clock" text={was} />}
                </List.Item.Detail.Metadata>
              }
            />
          }
          actions={actions}
        />
      )}
      <CrossCheckItem clock={clock} actions={actions} />
    </>
  );
}

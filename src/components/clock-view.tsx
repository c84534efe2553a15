import { ActionPanel, List } from "@raycast/api";
import { useCallback, useRef, useState } from "react";
import { syncClockFix } from "../core/fixes/sync-clock";
import type { KeyValueStorage } from "../core/history";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import { clockProbe } from "../core/probes/clock";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import type { Finding } from "../core/types";
import { CauseItem } from "./cause-item";
import { clockSummaryText, clockVerdict } from "./clock-summary";
import { CheckSection, FixSection } from "./clock/clock-actions";
import { SettingsItems } from "./clock/settings-items";
import { TimeServerItems } from "./clock/time-server-items";
import { useClockCheck } from "./clock/use-clock-check";
import { VerdictItem } from "./clock/verdict-item";
import { DetailPaneOpen } from "./pane-aware-item";
import { ToggleDetailAction } from "./toggle-detail-action";
import { useFix } from "./use-fix";

export interface ClockViewProps {
  host: Host;
  /** Where the fix history lives (Raycast's LocalStorage in the extension). */
  storage: KeyValueStorage;
  /** Network targets; `ntpServers[0]` is the time server from preferences. Apple's by default. */
  targets?: Targets;
  /** Absolute paths of the binaries probes and Sync Clock run (tests: a folder of fakes). */
  binaries?: BinaryTable;
  /** Overall bound for a check; the core's default when unset. */
  deadlineMs?: number;
}

export function ClockView(props: ClockViewProps) {
  const { findings, causes, running, crash, clock, settings, check } = useClockCheck(props);
  /** The clock finding before the last successful Sync Clock, for before → after. */
  const [before, setBefore] = useState<Finding>();
  const [showingDetail, setShowingDetail] = useState(false);
  const shown = useRef(findings);
  shown.current = findings;

  const macosMajor = numberOr(findings.get("macos")?.data?.major);
  const fixer = useFix({
    host: props.host,
    storage: props.storage,
    fixes: [syncClockFix],
    probes: [clockProbe],
    targets: props.targets,
    binaries: props.binaries,
    macosMajor,
  });
  const { run: runFix, running: fixRunning } = fixer;

  const syncClock = useCallback(async () => {
    // The findings on screen are the "before"; without a clock reading yet, applyFix takes its own.
    const onScreen = [...shown.current.values()];
    const applied = await runFix("sync-clock", shown.current.has("clock") ? onScreen : undefined);
    if (applied?.result.outcome !== "done") return;
    setBefore(applied.before.find((f) => f.probe === "clock"));
    // Sync Clock changed the Mac: check everything again to show the after state.
    await check();
  }, [runFix, check]);

  const checkAgain = useCallback(() => {
    setBefore(undefined);
    void check();
  }, [check]);
  const toggleDetail = useCallback(() => setShowingDetail((on) => !on), []);

  const targets = props.targets ?? DEFAULT_TARGETS;
  const verdict = clockVerdict(clock, crash ? [] : causes);
  const done = !running && !fixRunning && (causes !== undefined || crash !== undefined);
  const summary = done ? clockSummaryText({ verdict, clock, settings, before }) : undefined;

  const actions = (
    <ActionPanel>
      {verdict.kind === "off" ? (
        <>
          <FixSection syncing={fixRunning === "sync-clock"} onSync={syncClock} macosMajor={macosMajor} />
          <CheckSection summary={summary} onCheck={checkAgain} />
        </>
      ) : (
        <>
          <CheckSection summary={summary} onCheck={checkAgain} />
          <FixSection syncing={fixRunning === "sync-clock"} onSync={syncClock} macosMajor={macosMajor} />
        </>
      )}
      <ActionPanel.Section>
        <ToggleDetailAction showing={showingDetail} onToggle={toggleDetail} />
      </ActionPanel.Section>
    </ActionPanel>
  );

  const otherCauses = (causes ?? []).filter((c) => c.cause !== "none" && c !== verdict.cause);

  return (
    <List
      isLoading={running || fixRunning !== undefined}
      isShowingDetail={showingDetail}
      searchBarPlaceholder="Filter clock checks"
    >
      <DetailPaneOpen.Provider value={showingDetail}>
        <List.Section title="Diagnosis">
          <VerdictItem verdict={verdict} clock={clock} before={before} actions={actions} />
          {otherCauses.map((cause) => (
            <CauseItem key={cause.cause} cause={cause} actions={actions} showingDetail={showingDetail} />
          ))}
        </List.Section>
        <List.Section title="Time Servers">
          <TimeServerItems clock={clock} firstServer={targets.ntpServers[0]} before={before} actions={actions} />
        </List.Section>
        <List.Section title="Settings">
          <SettingsItems settings={settings} syncServer={targets.ntpServers[0]} actions={actions} />
        </List.Section>
      </DetailPaneOpen.Provider>
    </List>
  );
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { diagnose } from "../core/diagnose";
import { FIX_TITLES } from "../core/fix-titles";
import { settingsUrl } from "../core/fixes/open-settings";
import { syncClockFix } from "../core/fixes/sync-clock";
import type { KeyValueStorage } from "../core/history";
import type { BinaryTable } from "../core/host/binaries";
import type { Host } from "../core/host/types";
import type { ProbeId } from "../core/ids";
import { clockProbe } from "../core/probes/clock";
import { macosProbe } from "../core/probes/macos";
import { timeSettingsProbe } from "../core/probes/time-settings";
import { tlsInspectionProbe } from "../core/probes/tls-inspection";
import type { Probe } from "../core/probes/types";
import { runChecklist } from "../core/run";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import type { Cause, Finding } from "../core/types";
import { CauseItem, causeMarkdown } from "./cause-item";
import {
  capitalize,
  clockSummaryText,
  clockVerdict,
  failedAttempts,
  measurementOf,
  offsetPhrase,
  precisionWords,
  sourceWords,
  timeSettingsOf,
  type ClockVerdict,
} from "./clock-summary";
import { findingMarkdown, formatDuration } from "./finding-item";
import { PENDING_LOOK, STATUS_LOOKS, statusLook } from "./status-icons";
import { useFix } from "./use-fix";
import { useLatestRun } from "./use-latest-run";
import { ToggleDetailAction } from "./toggle-detail-action";

// The clock on its own: the measurement against the time servers, the
// settings that keep it right, and the certificates as a cross-check
// (a clock a year off makes every certificate look expired). macOS is read
// only for the Date & Time pane's URL, which changed in macOS 13.
const PROBES: readonly Probe[] = [clockProbe, timeSettingsProbe, tlsInspectionProbe, macosProbe];

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
  const [findings, setFindings] = useState<ReadonlyMap<ProbeId, Finding>>(new Map());
  const [causes, setCauses] = useState<Cause[]>();
  const [running, setRunning] = useState(true);
  /** Set when the check itself broke: rows still pending can never fill. */
  const [crash, setCrash] = useState<string>();
  /** The clock finding before the last successful Sync Clock, for before → after. */
  const [before, setBefore] = useState<Finding>();
  const [showingDetail, setShowingDetail] = useState(false);
  const startRun = useLatestRun();
  const latest = useRef(props);
  latest.current = props;
  const shown = useRef(findings);
  shown.current = findings;

  const check = useCallback(async () => {
    const { host, targets, binaries, deadlineMs } = latest.current;
    // A new check abandons the one in flight: its late findings must not land.
    const { signal, isCurrent: current } = startRun();
    setFindings(new Map());
    setCauses(undefined);
    setCrash(undefined);
    setRunning(true);
    try {
      const results = await runChecklist(PROBES, host, {
        deadlineMs,
        targets,
        binaries,
        signal,
        onFinding: (finding) => {
          if (current()) setFindings((previous) => new Map(previous).set(finding.probe, finding));
        },
      });
      if (current()) setCauses(diagnose(results));
    } catch (error) {
      if (!current()) return;
      setCrash(error instanceof Error ? error.message : String(error));
      await showFailureToast(error, { title: "Couldn't Check Clock" });
    } finally {
      if (current()) setRunning(false);
    }
  }, [startRun]);

  // Closing the command cancels the check (useLatestRun).
  useEffect(() => void check(), [check]);

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
  const clock = findings.get("clock") ?? (crash ? notFinished(clockProbe, crash) : undefined);
  const settings = findings.get("time-settings") ?? (crash ? notFinished(timeSettingsProbe, crash) : undefined);
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
    </List>
  );
}

// ---------------------------------------------------------------------------
// Actions

function FixSection({ syncing, onSync, macosMajor }: { syncing: boolean; onSync: () => void; macosMajor?: number }) {
  return (
    <ActionPanel.Section title="Fix">
      {!syncing && (
        <Action
          title="Sync Clock Now"
          icon={Icon.Clock}
          shortcut={{ modifiers: ["cmd"], key: "t" }}
          onAction={onSync}
        />
      )}
      <Action.Open
        title={FIX_TITLES["open-date-time-settings"]}
        icon={Icon.Gear}
        target={settingsUrl("open-date-time-settings", macosMajor)!}
        shortcut={Keyboard.Shortcut.Common.Open}
      />
    </ActionPanel.Section>
  );
}

function CheckSection({ summary, onCheck }: { summary?: string; onCheck: () => void }) {
  return (
    <ActionPanel.Section>
      {/* Only a finished check is worth pasting to support. */}
      {summary !== undefined && (
        <Action.CopyToClipboard
          title="Copy Clock Summary"
          icon={Icon.Clipboard}
          content={summary}
          shortcut={Keyboard.Shortcut.Common.Copy}
        />
      )}
      <Action
        title="Check Again"
        icon={Icon.ArrowClockwise}
        shortcut={Keyboard.Shortcut.Common.Refresh}
        onAction={onCheck}
      />
    </ActionPanel.Section>
  );
}

// ---------------------------------------------------------------------------
// Rows

const wasText = (before: Finding | undefined) => {
  const m = measurementOf(before);
  return m ? `Was ${offsetPhrase(m.offsetMs)}` : undefined;
};

function VerdictItem(props: { verdict: ClockVerdict; clock?: Finding; before?: Finding; actions: ReactNode }) {
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
    <List.Item
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

function TimeServerItems(props: { clock?: Finding; firstServer: string; before?: Finding; actions: ReactNode }) {
  const { clock, firstServer, before, actions } = props;
  if (!clock) {
    return (
      <List.Item
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
      <List.Item
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
        <List.Item
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
        <List.Item
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

/**
 * The HTTP `date` header: whole seconds, so only a fallback. The clock probe
 * reads it only when NTP didn't answer, and the row says exactly that.
 */
function CrossCheckItem({ clock, actions }: { clock: Finding; actions: ReactNode }) {
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
    <List.Item
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

interface SettingRow {
  id: string;
  title: string;
  icon: Icon;
  subtitle?: string;
  value?: string;
  /** A value worth a colour (the time daemon not running). */
  warn?: boolean;
}

function SettingsItems(props: { settings?: Finding; syncServer: string; actions: ReactNode }) {
  const { settings, syncServer, actions } = props;
  const s = timeSettingsOf(settings);
  if (settings && !s) {
    // Skipped or broken: the reason, once.
    const look = statusLook(settings.status);
    return (
      <List.Item
        id="settings-none"
        title={timeSettingsProbe.title}
        subtitle={settings.summary}
        icon={look.icon}
        accessories={[{ tag: { value: look.word, color: look.color } }]}
        detail={<List.Item.Detail markdown={findingMarkdown(timeSettingsProbe.title, settings)} />}
        actions={actions}
      />
    );
  }
  const known = (value: string | undefined) => (s ? (value ?? "Unknown") : undefined);
  const flag = (value: boolean | undefined, on: string, off: string) =>
    known(value === undefined ? undefined : value ? on : off);
  const rows: SettingRow[] = [
    { id: "time-zone", title: "Time Zone", icon: Icon.Globe, value: known(s?.timeZone?.replace(/_/g, " ")) },
    {
      id: "auto-time-zone",
      title: "Set Time Zone Automatically",
      icon: Icon.Geopin,
      value: flag(s?.autoTimeZone, "On", "Off"),
    },
    {
      id: "time-daemon",
      title: "Time Daemon",
      subtitle: "timed",
      icon: Icon.Clock,
      value: flag(s?.timedRunning, "Running", "Not Running"),
      warn: s?.timedRunning === false,
    },
    {
      id: "time-server",
      title: "Time Server",
      icon: Icon.Network,
      value: known(s?.ntpServer),
      // Sync Clock uses the preference, which may differ from what macOS uses.
      subtitle:
        s?.ntpServer && s.ntpServer.replace(/\.$/, "") !== syncServer.replace(/\.$/, "")
          ? `Sync Clock uses ${syncServer}`
          : undefined,
    },
  ];
  const detail = <List.Item.Detail markdown={findingMarkdown(timeSettingsProbe.title, settings)} />;
  return (
    <>
      {rows.map((row) => {
        const accessory: List.Item.Accessory =
          row.value === undefined
            ? { tag: { value: PENDING_LOOK.word, color: PENDING_LOOK.color } }
            : row.warn
              ? { tag: { value: row.value, color: Color.Orange } }
              : { text: row.value };
        return (
          <List.Item
            key={row.id}
            id={row.id}
            title={row.title}
            subtitle={row.subtitle}
            icon={row.warn ? { source: row.icon, tintColor: Color.Orange } : row.icon}
            keywords={["settings"]}
            accessories={[accessory]}
            detail={detail}
            actions={actions}
          />
        );
      })}
    </>
  );
}

// ---------------------------------------------------------------------------

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function notFinished(probe: Probe, reason: string): Finding {
  return {
    probe: probe.id,
    title: probe.title,
    status: "error",
    summary: `Not checked: the check stopped (${reason})`,
    details: [],
    fixes: [],
    durationMs: 0,
  };
}

import { Color, Icon, List } from "@raycast/api";
import type { ReactNode } from "react";
import { timeSettingsProbe } from "../../core/probes/time-settings";
import type { Finding } from "../../core/types";
import { timeSettingsOf } from "../clock-summary";
import { findingMarkdown } from "../finding-item";
import { PENDING_LOOK, statusLook } from "../status-icons";
import { PaneAwareItem } from "../pane-aware-item";

interface SettingRow {
  id: string;
  title: string;
  icon: Icon;
  subtitle?: string;
  value?: string;
  /** A value worth a colour (the time daemon not running). */
  warn?: boolean;
}

/** The settings that keep the clock right: time zone, automatic time zone, the time daemon, the time server. */
export function SettingsItems(props: { settings?: Finding; syncServer: string; actions: ReactNode }) {
  const { settings, syncServer, actions } = props;
  const s = timeSettingsOf(settings);
  if (settings && !s) {
    // Skipped or broken: the reason, once.
    const look = statusLook(settings.status);
    return (
      <PaneAwareItem
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
      id: "auto-time",
      title: "Set Time and Date Automatically",
      icon: Icon.Clock,
      value: flag(s?.autoTime, "On", "Off"),
      warn: s?.autoTime === false,
    },
    {
      id: "time-daemon",
      title: "Time Daemon",
      subtitle: "timed",
      icon: Icon.Clock,
      // What was seen, not a verdict: timed not running doesn't show the switch is off.
      value: flag(s?.timedRunning, "Running", "Not Running"),
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
          <PaneAwareItem
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

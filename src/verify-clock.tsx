import { LocalStorage } from "@raycast/api";
import { useMemo } from "react";
import { ClockView } from "./components/clock-view";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  // targets.ntpServers[0] is the time server from preferences, validated.
  const settings = useSettings();
  return <ClockView host={host} storage={LocalStorage} targets={settings.targets} deadlineMs={settings.deadlineMs} />;
}

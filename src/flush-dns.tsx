import { LocalStorage } from "@raycast/api";
import { useMemo } from "react";
import { DnsView } from "./components/dns-view";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

// The command only wires the real machine in; the view holds the logic so
// tests can drive it with a replayed Mac and fake executables.
export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  const settings = useSettings();
  return (
    <DnsView
      host={host}
      storage={LocalStorage}
      targets={settings.targets}
      deadlineMs={settings.deadlineMs}
      redact={!settings.includeIdentifiers}
    />
  );
}

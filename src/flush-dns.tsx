import { LocalStorage } from "@raycast/api";
import { useMemo } from "react";
import { DnsView } from "./components/dns-view";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

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

import { useMemo } from "react";
import { StatusView } from "./components/status-view";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  const settings = useSettings();
  return <StatusView host={host} targets={settings.targets} statusLocale={settings.statusLocale} />;
}

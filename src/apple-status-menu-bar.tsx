import { Cache } from "@raycast/api";
import { useMemo } from "react";
import { StatusMenuBar } from "./components/status-menu-bar";
import { createRealHost } from "./core/host/real";
import { loadSettings } from "./preferences";

export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  const cache = useMemo(() => new Cache({ namespace: "apple-status-menu-bar" }), []);
  const settings = useMemo(() => loadSettings(), []);
  return <StatusMenuBar host={host} cache={cache} targets={settings.targets} />;
}

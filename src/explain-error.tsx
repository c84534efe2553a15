import { LocalStorage, environment, type LaunchProps } from "@raycast/api";
import { join } from "node:path";
import { useMemo } from "react";
import { ExplainView } from "./components/explain-view";
import { createBackupStore } from "./core/host/backups";
import { createRealHost } from "./core/host/real";
import { loadSettings } from "./preferences";

// The search starts from the command's argument or, as a fallback command,
// from what was typed.
export default function Command(props: LaunchProps<{ arguments: { query?: string } }>) {
  const host = useMemo(() => createRealHost(), []);
  const backups = useMemo(() => createBackupStore(join(environment.supportPath, "backups")), []);
  const settings = useMemo(() => loadSettings(), []);
  const initialQuery = props.arguments?.query?.trim() || props.fallbackText?.trim() || undefined;
  return (
    <ExplainView
      host={host}
      storage={LocalStorage}
      initialQuery={initialQuery}
      targets={settings.targets}
      deadlineMs={settings.deadlineMs}
      backups={backups}
    />
  );
}

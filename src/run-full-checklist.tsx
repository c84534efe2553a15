import { LocalStorage } from "@raycast/api";
import { homedir, hostname, userInfo } from "node:os";
import { useMemo } from "react";
import { ChecklistView } from "./components/checklist-view";
import { createRealHost } from "./core/host/real";
import { CHECKLIST_PROBES } from "./core/probes";
import { useSettings } from "./preferences";

export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  // Names a report must hide even where no probe flagged them (paths, prompts).
  const reportContext = useMemo(
    () => ({ userName: userInfo().username, homeDir: homedir(), computerName: hostname().replace(/\.local$/, "") }),
    [],
  );
  const settings = useSettings();
  return (
    <ChecklistView
      host={host}
      probes={CHECKLIST_PROBES}
      storage={LocalStorage}
      reportContext={reportContext}
      deadlineMs={settings.deadlineMs}
      targets={settings.targets}
      redact={!settings.includeIdentifiers}
    />
  );
}

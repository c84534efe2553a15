import { LocalStorage, environment } from "@raycast/api";
import { join } from "node:path";
import { useMemo } from "react";
import { IcloudView } from "./components/icloud-view";
import { createBackupStore } from "./core/host/backups";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

// Account backups live in the extension's support folder.
export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  const backups = useMemo(() => createBackupStore(join(environment.supportPath, "backups")), []);
  const settings = useSettings();
  return <IcloudView host={host} storage={LocalStorage} backups={backups} deadlineMs={settings.deadlineMs} />;
}

import { LocalStorage, environment } from "@raycast/api";
import { join } from "node:path";
import { useMemo } from "react";
import { IcloudView } from "./components/icloud-view";
import { createBackupStore } from "./core/host/backups";
import { createRealHost } from "./core/host/real";
import { useSettings } from "./preferences";

// The command only wires the real machine in: the host, the fix history in
// LocalStorage, and the account backups in the extension's support folder.
// The view holds the logic so tests can drive it with a replayed Mac and fakes.
export default function Command() {
  const host = useMemo(() => createRealHost(), []);
  const backups = useMemo(() => createBackupStore(join(environment.supportPath, "backups")), []);
  const settings = useSettings();
  return <IcloudView host={host} storage={LocalStorage} backups={backups} deadlineMs={settings.deadlineMs} />;
}

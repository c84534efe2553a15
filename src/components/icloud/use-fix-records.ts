import { usePromise } from "@raycast/utils";
import { FixHistory, type KeyValueStorage } from "../../core/history";
import type { Backup, BackupStore } from "../../core/host/backups";
import type { FixRecord } from "../../core/types";

/** The fix history and the backups folder: both change with every fix, so they are read again after one. */
export function useFixRecords(storage: KeyValueStorage, backups: BackupStore) {
  const { data, isLoading, revalidate } = usePromise(async (): Promise<{ history: FixRecord[]; backups: Backup[] }> => {
    const [history, list] = await Promise.all([
      new FixHistory(storage).list(),
      backups.list().catch((): Backup[] => []),
    ]);
    return { history, backups: list };
  }, []);
  return { history: data?.history ?? [], backups: data?.backups, isLoading, revalidate };
}

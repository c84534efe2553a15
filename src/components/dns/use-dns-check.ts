import { showFailureToast } from "@raycast/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BinaryTable } from "../../core/host/binaries";
import type { Host } from "../../core/host/types";
import { dnsProbe } from "../../core/probes/dns";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import type { Finding } from "../../core/types";
import { useLatestRun } from "../use-latest-run";

/** The screen's state: the finding on screen, and the one before a flush to compare with. */
export interface DnsShown {
  finding?: Finding;
  before?: Finding;
  /** The check itself broke (not the DNS): nothing to show but why. */
  crash?: string;
}

export interface DnsCheckOptions {
  host: Host;
  targets?: Targets;
  binaries?: BinaryTable;
  deadlineMs?: number;
}

/**
 * The DNS probe's one finding. A new check empties the rows (a stale answer
 * next to a fresh flush would mislead) and abandons the one in flight, so it
 * keeps its own state rather than usePromise's "keep the old data"; `showAfter`
 * puts a flush's after state on screen without a second lookup.
 */
export function useDnsCheck(options: DnsCheckOptions) {
  const [shown, setShown] = useState<DnsShown>({});
  const [checking, setChecking] = useState(true);
  const startRun = useLatestRun();
  // check() reads the latest options through a ref, so inline props never restart it.
  const latest = useRef(options);
  latest.current = options;

  const check = useCallback(async () => {
    const { host, targets, binaries, deadlineMs } = latest.current;
    const { signal, isCurrent } = startRun();
    setShown({});
    setChecking(true);
    try {
      const [finding] = await runChecklist([dnsProbe], host, { targets, binaries, deadlineMs, signal });
      if (isCurrent()) setShown({ finding });
    } catch (error) {
      if (!isCurrent()) return;
      setShown({ crash: error instanceof Error ? error.message : String(error) });
      await showFailureToast(error, { title: "Couldn't Check DNS" });
    } finally {
      if (isCurrent()) setChecking(false);
    }
  }, [startRun]);

  useEffect(() => void check(), [check]);

  const showAfter = useCallback(
    (after: Finding, before: Finding | undefined) => {
      // A check still in flight would overwrite the after state with older news.
      startRun();
      setChecking(false);
      setShown({ finding: after, before });
    },
    [startRun],
  );

  return { ...shown, checking, check, showAfter };
}

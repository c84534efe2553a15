import { showFailureToast, usePromise } from "@raycast/utils";
import { useCallback, useRef, useState } from "react";
import type { BinaryTable } from "../../core/host/binaries";
import type { Host } from "../../core/host/types";
import { dnsProbe } from "../../core/probes/dns";
import { runChecklist } from "../../core/run";
import type { Targets } from "../../core/targets";
import type { Finding } from "../../core/types";

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
 * The DNS probe's one finding, on usePromise. A new check empties the rows (a
 * stale answer next to a fresh flush would mislead) and abandons the one in
 * flight (`abortable`); closing the command cancels it. `showAfter` puts a
 * flush's after state on screen without a second lookup, until the next check.
 */
export function useDnsCheck(options: DnsCheckOptions): DnsShown & {
  checking: boolean;
  check: () => Promise<unknown>;
  showAfter: (after: Finding, before: Finding | undefined) => void;
} {
  const { host, targets, binaries, deadlineMs } = options;
  const abortable = useRef<AbortController>(null);
  const [flushed, setFlushed] = useState<{ finding: Finding; before?: Finding }>();
  const { data, error, isLoading, revalidate } = usePromise(
    async () => {
      const signal = abortable.current?.signal;
      const [finding] = await runChecklist([dnsProbe], host, { targets, binaries, deadlineMs, signal });
      return finding;
    },
    [],
    {
      abortable,
      onWillExecute: () => setFlushed(undefined),
      onError: async (failure) => void (await showFailureToast(failure, { title: "Couldn't Check DNS" })),
    },
  );

  const showAfter = useCallback((after: Finding, before: Finding | undefined) => {
    // A check still in flight would be older news than the after state.
    abortable.current?.abort();
    setFlushed({ finding: after, before });
  }, []);

  if (flushed) return { ...flushed, checking: false, check: revalidate, showAfter };
  if (isLoading) return { checking: true, check: revalidate, showAfter };
  return error
    ? { crash: error.message, checking: false, check: revalidate, showAfter }
    : { finding: data, checking: false, check: revalidate, showAfter };
}

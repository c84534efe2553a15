import { usePromise } from "@raycast/utils";
import { useRef, useState } from "react";
import type { Finding } from "../core/types";

export interface Stream {
  /** Aborted when a newer run starts or the command closes (usePromise's `abortable`). */
  signal: AbortSignal;
  /** Puts a settled probe's finding on screen, unless a newer run took over. */
  onFinding(finding: Finding): void;
}

/**
 * A run of probes on usePromise whose rows fill in as probes settle: the
 * promise has one answer (what the findings mean), the findings stream into a
 * small state beside it. `abortable` gives "latest run wins": a new run aborts
 * the one in flight, whose late findings and answer never land, and closing
 * the command aborts it. A new run starts from empty rows and no answer, so a
 * stale answer never sits next to fresh rows.
 */
export function useStreamedRun<T>(run: (stream: Stream) => Promise<T>, onError: (error: Error) => Promise<unknown>) {
  const [findings, setFindings] = useState<ReadonlyMap<Finding["probe"], Finding>>(new Map());
  const abortable = useRef<AbortController>(null);
  const { data, error, isLoading, revalidate } = usePromise(
    async () => {
      const signal = abortable.current?.signal ?? new AbortController().signal;
      const onFinding = (finding: Finding) => {
        if (!signal.aborted) setFindings((previous) => new Map(previous).set(finding.probe, finding));
      };
      return run({ signal, onFinding });
    },
    [],
    {
      abortable,
      onWillExecute: () => setFindings(new Map()),
      onError: async (failure) => void (await onError(failure)),
    },
  );
  return {
    findings,
    data: isLoading ? undefined : data,
    /** The run itself broke (not a probe): rows still pending can never fill. */
    crash: isLoading || !error ? undefined : error.message,
    running: isLoading,
    revalidate,
  };
}

import { useCallback, useEffect, useRef } from "react";

export interface RunTicket {
  /** Aborted when a newer run starts or the command closes. */
  signal: AbortSignal;
  /** False once a newer run started or the command closed: drop late results. */
  isCurrent(): boolean;
}

/**
 * The "latest run wins" rule every view follows: starting a run abandons
 * the one in flight (its probes are cancelled and its late findings never
 * land), and closing the command cancels whatever is still running.
 */
export function useLatestRun(): () => RunTicket {
  const runId = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      runId.current += 1;
      controller.current?.abort();
    },
    [],
  );
  return useCallback(() => {
    const id = ++runId.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    return { signal: abort.signal, isCurrent: () => id === runId.current };
  }, []);
}

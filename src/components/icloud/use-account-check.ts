import { showFailureToast, usePromise } from "@raycast/utils";
import { useRef } from "react";
import type { BinaryTable } from "../../core/host/binaries";
import type { Host } from "../../core/host/types";
import { accountProbe } from "../../core/probes/account";
import { macosProbe } from "../../core/probes/macos";
import { runChecklist } from "../../core/run";
import type { Finding } from "../../core/types";

export interface AccountCheck {
  account: Finding;
  /** For the Settings URL: System Preferences before macOS 13. */
  macosMajor?: number;
}

/**
 * The account (and the macOS version) read through the account probe. A
 * re-check keeps the rows on screen until it answers and abandons the one in
 * flight; a check that breaks (not the account: the run itself) is a failure
 * toast and `crash`.
 */
export function useAccountCheck(options: { host: Host; binaries?: BinaryTable; deadlineMs?: number }) {
  const abortable = useRef<AbortController | null>(null);
  const { data, error, isLoading, revalidate } = usePromise(
    async (): Promise<AccountCheck> => {
      const [account, macos] = await runChecklist([accountProbe, macosProbe], options.host, {
        binaries: options.binaries,
        deadlineMs: options.deadlineMs,
        signal: abortable.current?.signal,
      });
      const major = macos.data?.major;
      return { account, macosMajor: typeof major === "number" ? major : undefined };
    },
    [],
    {
      abortable,
      onError: (error) => void showFailureToast(error, { title: "Couldn't Check Apple Account" }),
    },
  );
  return { ...data, crash: error?.message, isLoading, revalidate };
}

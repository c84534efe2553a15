import type { BinaryTable } from "../host/binaries";
import type { BackupStore } from "../host/backups";
import type { Host } from "../host/types";
import type { FixId, ProbeId } from "../ids";
import type { Targets } from "../targets";

export interface FixContext {
  host: Host;
  bin: BinaryTable;
  targets: Targets;
  /** macOS major version when known: System Settings URLs changed in 13. */
  macosMajor?: number;
  /** Where account-settings backups go (reset-account-cache needs it). */
  backups?: BackupStore;
  /** restore-account-cache: which backup, by its name in the list (the newest when unset). */
  backupName?: string;
  /** "password": ask with the macOS password prompt even where Touch ID sudo is set up (the retry after Touch ID wasn't available). */
  adminPrompt?: "password";
}

export interface FixResult {
  outcome: "done" | "cancelled" | "failed";
  /** One line for a toast or a terminal: what happened. */
  message: string;
  /** What ran, for the record and for support (argv joined for display). */
  ran?: string[];
  /** Touch ID wasn't available: offer the password prompt as the next action (run again with adminPrompt "password"). */
  retryWithPassword?: boolean;
}

export interface Fix {
  id: FixId;
  title: string;
  needsAdmin: boolean;
  destructive: boolean;
  /** Probes whose findings this fix should change: re-run to show before → after. */
  verifies: ProbeId[];
  run(ctx: FixContext): Promise<FixResult>;
}

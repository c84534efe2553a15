import type { AdminOutcome } from "../privileged";
import type { FixResult } from "./types";

/** An admin outcome as a fix result: a cancel is quiet, not a failure. */
export function fromAdminOutcome(outcome: AdminOutcome, doneMessage: string, ran: string[]): FixResult {
  switch (outcome.outcome) {
    case "done":
      return { outcome: "done", message: `${doneMessage}${outcome.via === "touch-id" ? " (Touch ID)" : ""}`, ran };
    case "cancelled":
      return { outcome: "cancelled", message: "Canceled", ran: [] };
    case "failed":
      return outcome.reason === "touch-id-unavailable"
        ? { outcome: "failed", message: outcome.message, ran: [], retryWithPassword: true }
        : { outcome: "failed", message: outcome.message, ran };
  }
}

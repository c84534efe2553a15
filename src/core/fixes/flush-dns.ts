import { FIX_TITLES } from "../fix-titles";
import { runAsAdmin } from "../privileged";
import { fromAdminOutcome } from "./admin-result";
import type { Fix } from "./types";

// Clears the resolver cache and restarts mDNSResponder, in one admin batch:
// the same two commands on macOS 10.15 through 26.
export const flushDnsFix: Fix = {
  id: "flush-dns",
  title: FIX_TITLES["flush-dns"],
  needsAdmin: true,
  destructive: false,
  verifies: ["dns"],
  async run({ host, bin, adminPrompt }) {
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }, { kind: "restart-mdnsresponder" }], {
      bin,
      touchId: adminPrompt === "password" ? false : undefined,
      prompt: "Apple ID Doctor wants to flush the DNS cache so this Mac looks up Apple's sign-in servers afresh.",
    });
    return fromAdminOutcome(outcome, "DNS cache flushed", [
      `${bin.dscacheutil} -flushcache`,
      `${bin.killall} -HUP mDNSResponder`,
    ]);
  },
};

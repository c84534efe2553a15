import type { AccountService } from "../../core/parse/mobileme";
import type { Finding } from "../../core/types";

/** One account as the account probe reports it in `finding.data`. */
export interface AccountEntry {
  email?: string;
  managed: boolean;
  services: AccountService[];
  displayName?: string;
}

export interface AccountData {
  signedIn: boolean;
  accounts: AccountEntry[];
  servicesOn?: string[];
}

/** The account probe's structured data, or undefined when it has none (skipped, errored, still checking). */
export function accountData(finding: Finding | undefined): AccountData | undefined {
  const data = finding?.data;
  if (!data || typeof data.signedIn !== "boolean" || !Array.isArray(data.accounts)) return undefined;
  return data as unknown as AccountData;
}

export const SIGNED_OUT = "No Apple Account is signed in on this Mac";

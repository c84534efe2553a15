import type { CauseId, FixId, ProbeId } from "../ids";

// One entry of the knowledge base, and the wording entries share.

export interface KnowledgeEntry {
  id: string;
  /** Title Case. */
  title: string;
  match: {
    /** Error codes as they are usually written: "-20209", "4001", "ENOTFOUND". */
    codes: string[];
    /** Message texts (close to verbatim) and the words people use for the symptom. */
    phrases: string[];
  };
  /** What it means, in plain words. */
  meaning: string;
  /** How sure the sources are of that meaning. */
  confidence: "high" | "medium" | "low";
  /** False when no public source confirms it (REFERENCE's UNVERIFIED); `source` says so. */
  verified: boolean;
  /** Where the meaning comes from. */
  source: string;
  likelyCauses: CauseId[];
  /** The checks that confirm (or rule out) it. */
  probes: ProbeId[];
  fixes: FixId[];
  /** What a person does, in order. */
  steps: string[];
}

export const GUIDES = "Product troubleshooting guides, restated";

// Steps several entries share, worded once.
export const STEP = {
  status: "Check Apple System Status for Apple Account and iCloud. If a service there is down, waiting is the fix.",
  otherNetwork:
    "Try another network, such as your phone's hotspot. If sign-in works there, the usual network is the cause.",
  vpnOff: "Turn off any VPN, proxy or web-filtering app for one test, then try again.",
  signOutIn:
    "Sign out of your Apple Account in System Settings (your name at the top), restart, and sign back in. When macOS offers to keep a copy of your iCloud data on this Mac, keep it.",
  updates: "Install any macOS updates (System Settings → General → Software Update) and restart.",
  dateTime:
    "Set the date and time automatically (System Settings → General → Date & Time) and make sure the region matches your Apple Account's country.",
  iforgot:
    "Reset or unlock the account at iforgot.apple.com, or on a trusted iPhone or iPad (Settings → your name → Sign-In & Security).",
  provePassword:
    "Try your email and password at account.apple.com in a browser. If they fail there too, it's the account, not this Mac.",
  trustedDevice:
    "Keep a trusted device nearby to approve the sign-in and read the code, and check that your trusted phone number is current.",
  checks: "Run the related checks: they show whether this Mac's network, clock or filters are involved.",
  support: "If nothing helped, contact Apple Support with the report from Run Full Checklist.",
  flushDns: "Flush DNS Cache, then try again.",
  publicDns:
    "As a test, use 1.1.1.1 or 8.8.8.8 as the DNS server (System Settings → Network → your connection → Details → DNS). Put the old setting back afterwards if it made no difference.",
  nothingChanged: "Nothing was changed, so there is nothing to undo.",
};

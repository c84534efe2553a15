import { STEP, type KnowledgeEntry } from "./entry";

// Codes from the fixes themselves.
export const FIX_CODES: readonly KnowledgeEntry[] = [
  {
    id: "password-prompt-cancelled",
    title: "Password Prompt Cancelled",
    match: { codes: ["-128"], phrases: ["User canceled", "User cancelled", "userCanceledErr"] },
    meaning: "The administrator password prompt was closed before the fix ran.",
    confidence: "high",
    verified: true,
    source: "AppleScript error -128 from osascript, seen across many projects",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      STEP.nothingChanged,
      "Run the fix again when you're ready, and enter an administrator password or use Touch ID.",
    ],
  },
  {
    id: "admin-password-rejected",
    title: "Administrator Password Not Accepted",
    match: {
      codes: ["-60007"],
      phrases: ["The administrator user name or password was incorrect", "admin password incorrect"],
    },
    meaning: "macOS didn't accept the administrator name or password in the prompt, so the fix didn't run.",
    confidence: "high",
    verified: true,
    source: "AppleScript error -60007 from osascript, seen across many projects",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      STEP.nothingChanged,
      "Use the password of an administrator account on this Mac (not your Apple Account password).",
      "If your user isn't an administrator, ask someone who is.",
    ],
  },
  {
    id: "icloud-process-not-running",
    title: "iCloud Process Wasn't Running",
    match: {
      codes: [],
      phrases: [
        "No matching processes belonging to you were found",
        "killall exit 1",
        "killall bird",
        "killall cloudd",
      ],
    },
    meaning:
      "killall found no process by that name and exited with 1. For Restart iCloud Services that's harmless: the process wasn't running, and macOS starts it again when needed.",
    confidence: "high",
    verified: true,
    source: "killall's exit status, seen across many projects",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      "Nothing to fix: no data was touched.",
      "If iCloud still misbehaves, sign out and back in in System Settings.",
    ],
  },
  {
    id: "keychain-item-not-found",
    title: "Keychain Item Not Found",
    match: {
      codes: ["44"],
      phrases: ["security exit 44", "The specified item could not be found in the keychain"],
    },
    meaning:
      "The security tool looked for a Keychain item and found none (exit 44). It only looked; nothing was changed.",
    confidence: "high",
    verified: true,
    source: "security's exit status, seen across many projects",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [STEP.nothingChanged, "On its own this is no problem. Apple ID Doctor never reads or changes the Keychain."],
  },
];

import { STEP, type KnowledgeEntry } from "./entry";

// Codes from the fixes themselves.
export const FIX_CODES: readonly KnowledgeEntry[] = [
  {
    id: "password-prompt-cancelled",
    title: "Password Prompt Cancelled",
    match: {
      codes: ["-128", "-60006"],
      phrases: ["User canceled", "User cancelled", "userCanceledErr", "errAuthorizationCanceled"],
    },
    meaning: "The administrator password prompt was closed before the fix ran.",
    confidence: "high",
    verified: true,
    source:
      "AppleScript error -128 from osascript, seen across many projects; -60006 is errAuthorizationCanceled in the Security framework's Authorization.h",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      STEP.nothingChanged,
      "Run the fix again when you're ready, and enter an administrator password (or use Touch ID, where it is set up for administrator commands).",
    ],
  },
  {
    id: "admin-prompt-not-allowed",
    title: "Administrator Prompt Couldn't Be Shown",
    match: {
      codes: ["-60007"],
      phrases: [
        "errAuthorizationInteractionNotAllowed",
        "The administrator user name or password was incorrect",
        "admin password incorrect",
      ],
    },
    meaning:
      "macOS couldn't show the administrator prompt at all (errAuthorizationInteractionNotAllowed): the session can't show dialogs, for example over SSH or Screen Sharing, or with nobody at the screen. AppleScript's English text for this code says the name or password was incorrect, but the code itself means no prompt could be shown. Nothing ran.",
    confidence: "high",
    verified: true,
    source:
      "Security framework Authorization.h: -60007 errAuthorizationInteractionNotAllowed (quoted in public code); osascript over SSH prints this code in public logs",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      STEP.nothingChanged,
      "Run the fix while you're at this Mac and logged in to its screen, not over SSH or a remote session.",
      "When the prompt appears, use the password of an administrator account on this Mac (not your Apple Account password).",
    ],
  },
  {
    id: "admin-rights-denied",
    title: "Administrator Rights Denied",
    match: { codes: ["-60005"], phrases: ["errAuthorizationDenied", "Authentication failed"] },
    meaning:
      "macOS denied administrator rights for the fix (errAuthorizationDenied): the name or password wasn't accepted, or this user isn't allowed to administer the Mac. Nothing ran.",
    confidence: "high",
    verified: true,
    source: "Security framework Authorization.h: -60005 errAuthorizationDenied (quoted in public code)",
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
    id: "touch-id-unavailable",
    title: "Touch ID Wasn't Available",
    match: {
      codes: [],
      phrases: [
        "a terminal is required to read the password",
        "sudo: a password is required",
        "no tty present and no askpass program specified",
        "Touch ID wasn't available",
      ],
    },
    meaning:
      "The administrator command needed a password it had no way to ask for: Touch ID wasn't offered or didn't go through (the lid is closed, the Mac is used over Screen Sharing, or the app can't show the Touch ID sheet). That isn't a cancel: nothing ran, and the password prompt still works.",
    confidence: "medium",
    verified: true,
    source:
      "sudo's own messages when it has no terminal, as quoted in public issues and code (raycast/extensions flush-dns Touch ID support, PR #30012); REFERENCE.md k",
    likelyCauses: [],
    probes: [],
    fixes: [],
    steps: [
      STEP.nothingChanged,
      "Use the password prompt instead: Raycast and Alfred go on to it by themselves; in the CLI, run `fix <fix-id> --password`.",
      "For Touch ID next time, open the lid or run the fix at the Mac itself.",
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

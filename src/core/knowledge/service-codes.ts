import { STEP, type KnowledgeEntry } from "./entry";

// Sign-in service codes (GrandSlam `ec`, idmsa, AuthKit, CloudKit).
export const SERVICE_CODES: readonly KnowledgeEntry[] = [
  {
    id: "account-locked",
    title: "Account Locked for Security Reasons",
    match: {
      codes: ["-20209"],
      phrases: [
        "This Apple Account has been locked for security reasons",
        "The Apple ID has been locked for security reasons",
        "locked for security reasons",
        "Apple ID locked",
        "Apple Account locked",
      ],
    },
    meaning:
      "Apple locked the account, usually after too many wrong passwords or an unusual sign-in. Nothing on this Mac can unlock it; only Apple's account recovery can.",
    confidence: "high",
    verified: true,
    source:
      "Error -20209 from Apple's sign-in server, with Apple's own message, as users reported it (nab138/iloader#237, altstoreio/AltStore#756)",
    likelyCauses: [],
    probes: ["account"],
    fixes: ["open-apple-account-settings", "contact-apple-support"],
    steps: [
      "Avoid more tries with the old password for now.",
      STEP.iforgot,
      "Apple may ask for a code sent to your trusted phone number, or ask you to reset the password.",
      "Once it's unlocked, sign in again on this Mac in System Settings.",
      "If recovery can't unlock it or you can't receive codes, contact Apple Support.",
    ],
  },
  {
    id: "wrong-credentials",
    title: "Wrong Apple Account or Password",
    match: {
      codes: ["-22406"],
      phrases: ["Apple ID or password was incorrect", "wrong credentials", "invalid credentials"],
    },
    meaning: "Apple's sign-in service (GrandSlam) turned down the email address or the password.",
    confidence: "medium",
    verified: true,
    source:
      "Error codes from Apple's sign-in server (ec -22406), seen by apps that sign in with it (rileytestut/AltSign and others)",
    likelyCauses: [],
    probes: ["account"],
    fixes: ["open-apple-account-settings"],
    steps: [
      "Check the email address: it must be the one you sign in to your Apple Account with.",
      "Type the password again, watching Caps Lock and the keyboard layout.",
      STEP.provePassword,
      STEP.iforgot,
    ],
  },
  {
    id: "locked-or-two-factor-unconfirmed",
    title: "Locked or Two-Factor Needed (Unconfirmed)",
    match: { codes: ["-20210", "-29751"], phrases: [] },
    meaning:
      "Single sign-in clients report these codes for a locked account or for a sign-in that still needs a two-factor code. No public source confirms which is which, so treat them as hints.",
    confidence: "low",
    verified: false,
    source: "Single third-party sign-in clients only; unverified",
    likelyCauses: [],
    probes: ["account", "push"],
    fixes: ["open-apple-account-settings"],
    steps: [
      STEP.trustedDevice,
      "If no prompt or code arrives, check whether the account is locked at iforgot.apple.com.",
      STEP.support,
    ],
  },
  {
    id: "check-account-information",
    title: "Check the Account Information You Entered",
    match: {
      codes: ["-20101", "-20283", "401"],
      phrases: ["Check the account information you entered and try again", "HTTP 401", "serviceErrors"],
    },
    meaning:
      "Apple's web sign-in (idmsa.apple.com) turned down the email address or password (HTTP 401). A client's own bug can cause it too: third-party clients got -20101 / 401 with the right password when they hashed it wrongly. (-20101 from GrandSlam, the Mac's own sign-in service, is reported by one client only and is unconfirmed.)",
    confidence: "medium",
    verified: true,
    source:
      "Errors from Apple's sign-in web service, as users reported them (icloud-photos-downloader/icloud_photos_downloader #1348, #987, #1010, #1062); a client's own password-hash bug behind -20101 / 401 in #975, #994; -20101 from Apple's sign-in server (GrandSlam) only in altstoreio/AltStore#135 (unverified)",
    likelyCauses: [],
    probes: ["account"],
    fixes: ["open-apple-account-settings"],
    steps: ["Check the email address and type the password again.", STEP.provePassword, STEP.iforgot],
  },
  {
    id: "two-factor-needed",
    title: "Two-Factor Code Needed",
    match: {
      codes: ["409"],
      phrases: ["HTTP 409", "two-factor code required", "verification code required", "2FA required"],
    },
    meaning:
      "Apple's sign-in service answered 409: the password was right, and now it wants a two-factor code from a trusted device.",
    confidence: "medium",
    verified: true,
    source:
      "Answers from Apple's sign-in web service, as users reported them (icloud-photos-downloader/icloud_photos_downloader #1348, #987, #1010, #1062)",
    likelyCauses: ["push-blocked"],
    probes: ["push", "account"],
    fixes: ["open-apple-account-settings"],
    steps: [
      STEP.trustedDevice,
      "No prompt? Get a code on another Mac signed in to the same account (System Settings → your name → Sign-In & Security → Get Verification Code).",
      "If this Mac never shows the prompt, run the related checks: Apple's push service carries it.",
    ],
  },
  {
    id: "sign-in-again",
    title: "Sign-In Needs to Start Again",
    match: { codes: ["421"], phrases: ["HTTP 421", "authentication required"] },
    meaning:
      "Apple's sign-in service answered 421: the sign-in session is no longer accepted and has to authenticate again.",
    confidence: "medium",
    verified: true,
    source:
      "Answers from Apple's sign-in web service, as users reported them (icloud-photos-downloader/icloud_photos_downloader #1348, #987, #1010, #1062)",
    likelyCauses: [],
    probes: ["account"],
    fixes: ["open-apple-account-settings"],
    steps: [
      "Sign in again where you were asked.",
      "If it keeps coming back, sign out of your Apple Account in System Settings and back in.",
    ],
  },
  {
    id: "too-many-tries",
    title: "Locked After Too Many Tries",
    match: { codes: ["403"], phrases: ["HTTP 403", "too many attempts", "too many tries"] },
    meaning:
      "Apple's sign-in service answered 403: after several failed tries it stopped accepting sign-ins for this account for now.",
    confidence: "medium",
    verified: true,
    source:
      "Answers from Apple's sign-in web service, as users reported them (icloud-photos-downloader/icloud_photos_downloader #1348, #987, #1010, #1062)",
    likelyCauses: [],
    probes: ["account"],
    fixes: ["contact-apple-support"],
    steps: ["Stop trying for a while.", STEP.iforgot, "If it stays locked, contact Apple Support."],
  },
  {
    id: "service-unavailable",
    title: "Sign-In Service Unavailable",
    match: { codes: ["503"], phrases: ["HTTP 503", "service unavailable"] },
    meaning:
      "Apple's sign-in service answered 503: it was unavailable for a while. That is usually Apple's side, though a proxy in between can answer 503 too.",
    confidence: "medium",
    verified: true,
    source:
      "Answers from Apple's sign-in web service, as users reported them (icloud-photos-downloader/icloud_photos_downloader #1348, #987, #1010, #1062)",
    likelyCauses: ["apple-outage", "proxy"],
    probes: ["apple-status", "apple-hosts", "proxy"],
    fixes: ["open-status-page"],
    steps: [STEP.status, "Try again in a few minutes.", "If you use a proxy, try once without it."],
  },
  {
    id: "authkit-failed",
    title: "Sign-In Failed or Was Cancelled (Unconfirmed)",
    match: {
      codes: ["-7003"],
      phrases: ["AKAuthenticationError", "AKAuthenticationErrorDomain", "com.apple.AuthKit"],
    },
    meaning:
      "AuthKit's code for a sign-in that failed or that was cancelled, for example by closing the dialog. On its own it doesn't say why.",
    confidence: "low",
    verified: false,
    source:
      "Seen in public code only in Sign in with Apple app flows (AKAuthenticationError -7003); Apple doesn't document it for macOS sign-in (unverified)",
    likelyCauses: [],
    probes: ["apple-hosts", "dns", "clock", "tls-inspection"],
    fixes: ["open-apple-account-settings"],
    steps: [
      "Try again and finish the sign-in dialog.",
      "If it fails again without you cancelling, run the related checks.",
    ],
  },
  {
    id: "authkit-unconfirmed",
    title: "Other AuthKit Errors (Unconfirmed)",
    match: { codes: ["-7022", "-7071"], phrases: [] },
    meaning: "AuthKit codes seen in logs without a public explanation. Their meaning is not confirmed.",
    confidence: "low",
    verified: false,
    source: "Seen in logs only; no public source explains them (unverified)",
    likelyCauses: [],
    probes: ["apple-hosts", "dns", "clock", "account"],
    fixes: ["contact-apple-support"],
    steps: [STEP.checks, "Note the exact code and when it appeared: Apple Support will ask for it.", STEP.support],
  },
  {
    id: "bad-auth-token",
    title: "Bad Auth Token",
    match: {
      codes: [],
      phrases: ["Account temporarily unavailable due to bad auth token", "bad auth token", "CloudKit"],
    },
    meaning:
      "CloudKit stopped accepting the iCloud token this Mac saved. The token is stale; signing in again issues a new one.",
    confidence: "low",
    verified: true,
    source: "An iCloud (CloudKit) message a user reported (0xCUB3/wBlock#849)",
    likelyCauses: ["signed-out", "clock-skew"],
    probes: ["account", "clock"],
    fixes: ["restart-icloud-daemons", "open-apple-account-settings"],
    steps: [
      "Restart iCloud Services: it only restarts the iCloud background processes.",
      STEP.signOutIn,
      "Check the clock is set automatically.",
    ],
  },
  {
    id: "apple-account-unknown",
    title: "Apple Account Unknown (Unconfirmed)",
    match: {
      codes: ["-100"],
      phrases: ["kCSIdentityAppleIDUnknownError", "CSIdentityErrorDomain", "AppleIDAuthAgent"],
    },
    meaning: "macOS's identity service couldn't find the Apple Account it was asked about.",
    confidence: "low",
    verified: false,
    source:
      "No public source found for -100 as kCSIdentityAppleIDUnknownError; the pairing comes from one sign-in log a user posted (unverified)",
    likelyCauses: ["signed-out"],
    probes: ["account"],
    fixes: ["open-apple-account-settings"],
    steps: ["Check which Apple Account this Mac is signed in to (System Settings → your name).", STEP.signOutIn],
  },
  {
    id: "icloud-error-4001",
    title: "iCloud Error 4001 (Unconfirmed)",
    match: {
      codes: ["4001"],
      phrases: [
        "Authentication failed. Please check your credentials and try again",
        "iCloud error 4001",
        "Error 4001",
      ],
    },
    meaning:
      "One product guide says 4001 means the device couldn't authenticate with iCloud: wrong email or password, an expired token, a missing two-factor code, a locked account or a macOS that's too old.",
    confidence: "low",
    verified: false,
    source: "One product guide only; Apple doesn't document it (unverified)",
    likelyCauses: ["signed-out"],
    probes: ["apple-status", "account", "macos"],
    fixes: ["open-apple-account-settings", "restart-icloud-daemons"],
    steps: [
      "Try your email and password at account.apple.com in a browser. If they fail there, recover the account at iforgot.apple.com.",
      STEP.signOutIn,
      `${STEP.trustedDevice} You can also get a code on another Mac (System Settings → your name → Sign-In & Security → Get Verification Code).`,
      "If iCloud Drive still doesn't sync after signing in, Restart iCloud Services. It doesn't refresh tokens: signing out and in is what does.",
      "Advanced, last resort: Clear iCloud Tokens → Reset Account Cache clears only the cached account settings (not the tokens, which live in the Accounts framework and the Keychain), after a verified backup you can restore.",
      STEP.updates,
      "On Windows: sign out of iCloud for Windows, end iCloudServices.exe and iCloudDrive.exe in Task Manager, then sign in again.",
      "If you just changed your Apple Account email address, allow up to 24 hours.",
      STEP.support,
    ],
  },
];

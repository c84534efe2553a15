import { CAUSE_TITLES } from "./cause-titles";
import { FIX_TITLES } from "./fix-titles";
import type { CauseId, FixId, ProbeId } from "./ids";

// What an error message or code means, what usually causes it, which checks
// confirm it and what a person does about it. Pure data and a pure search:
// the Raycast command, the CLI's `explain` and tests all read it.
//
// Sources are REFERENCE.md sections a (troubleshooting guides, restated) and
// g (codes and messages). Anything no public source confirms is marked
// `verified: false` and says so in `source`. Manual, account-level steps
// (password reset, approving on a trusted device, signing out) are text a
// person follows; no entry points at a fix that deletes Keychain items,
// resets NVRAM/SMC or signs out.

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

const GUIDES = "Product troubleshooting guides, restated";

// Steps several entries share, worded once.
const STEP = {
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

export const KNOWLEDGE: readonly KnowledgeEntry[] = [
  // -------------------------------------------------------------------------
  // Where to start: the guides' recommended order.
  {
    id: "where-to-start",
    title: "Where to Start",
    match: {
      codes: [],
      phrases: [
        "can't sign in",
        "cannot sign in to Apple ID",
        "Apple ID not working",
        "Apple Account not working",
        "where to start",
        "what to try first",
        "troubleshooting order",
      ],
    },
    meaning:
      "No specific message to go on? These steps, in this order, find the usual causes fastest: Apple's side first, then the network, the time, the account and finally this Mac.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (recommended order)`,
    likelyCauses: ["apple-outage", "offline", "dns", "blocked", "vpn", "proxy", "clock-skew", "signed-out"],
    probes: [
      "apple-status",
      "apple-hosts",
      "push",
      "internet",
      "captive-portal",
      "dns",
      "tls-inspection",
      "clock",
      "time-settings",
      "proxy",
      "vpn",
      "firewall",
      "account",
      "macos",
    ],
    fixes: ["open-status-page", "open-network-settings", "open-date-time-settings", "open-apple-account-settings"],
    steps: [
      STEP.status,
      "Try your password on another device or at account.apple.com: if it works there, the account is fine.",
      `${STEP.otherNetwork} ${STEP.vpnOff}`,
      STEP.dateTime,
      `${STEP.signOutIn} Approve the sign-in on a trusted device.`,
      "If macOS keeps asking for the password, quit System Settings, open it again and sign in. Leave Keychain items alone unless Apple Support asks.",
      STEP.updates,
      "Try the App Store, Messages and FaceTime: if all of them fail, the problem is broader than one app.",
      "Restart your router, or try Ethernet or another router.",
      "Flush DNS Cache. Leave NVRAM or SMC resets to Apple Support's guidance.",
      "Try signing in from a new macOS user account: if it works there, the problem is in your user profile.",
      STEP.support,
    ],
  },

  // -------------------------------------------------------------------------
  // The messages people see.
  {
    id: "apple-id-server-error",
    title: "Error Connecting to the Apple Account Server",
    match: {
      codes: [],
      phrases: [
        "There was an error connecting to the Apple ID server",
        "There was an error connecting to the Apple Account server",
        "Verification failed",
        "Verification Failed: There was an error connecting to the Apple ID server",
        "can't connect to the Apple ID server",
        "cannot connect to the Apple Account server",
        "Apple ID server error",
      ],
    },
    meaning:
      "macOS's general message when sign-in couldn't reach Apple or couldn't finish talking to it. It names no cause: the network, DNS, the clock, a VPN or proxy, HTTPS inspection or an Apple outage all end in this message.",
    confidence: "medium",
    verified: true,
    source:
      "Common user reports (newer macOS says “Apple Account server”); the causes come from product troubleshooting guides",
    likelyCauses: ["dns", "blocked", "clock-skew", "tls-inspection", "vpn", "proxy", "apple-outage", "offline"],
    probes: ["apple-status", "internet", "dns", "apple-hosts", "tls-inspection", "clock", "proxy", "vpn"],
    fixes: ["flush-dns", "sync-clock", "open-status-page", "open-network-settings"],
    steps: [
      STEP.checks,
      STEP.status,
      `${STEP.otherNetwork} ${STEP.vpnOff}`,
      STEP.dateTime,
      STEP.signOutIn,
      STEP.updates,
    ],
  },
  {
    id: "could-not-communicate",
    title: "Could Not Communicate With the Server",
    match: {
      codes: [],
      phrases: [
        "Could not communicate with the server",
        "couldn't communicate with the server",
        "cannot communicate with the server",
      ],
    },
    meaning:
      "The Mac sent a request but got no usable answer. Usually the connection was blocked, dropped or intercepted on the way, or Apple's service was briefly unavailable.",
    confidence: "medium",
    verified: true,
    source: "Common user reports; the message itself names no cause",
    likelyCauses: ["blocked", "tls-inspection", "proxy", "vpn", "offline", "apple-outage"],
    probes: ["apple-status", "internet", "apple-hosts", "push", "tls-inspection", "proxy", "vpn"],
    fixes: ["open-status-page", "open-vpn-settings", "open-network-settings"],
    steps: [STEP.checks, STEP.status, STEP.vpnOff, STEP.otherNetwork],
  },
  {
    id: "unknown-error",
    title: "An Unknown Error Occurred",
    match: { codes: [], phrases: ["An unknown error occurred", "unknown error"] },
    meaning:
      "A catch-all: macOS didn't say what failed. Treat it like the Apple Account server error and let the checks narrow it down; note any code shown with it.",
    confidence: "low",
    verified: true,
    source: "Common user reports; the message itself names no cause",
    likelyCauses: ["dns", "blocked", "clock-skew", "tls-inspection", "vpn", "proxy", "apple-outage"],
    probes: ["apple-status", "internet", "dns", "apple-hosts", "tls-inspection", "clock", "proxy", "vpn", "account"],
    fixes: ["open-status-page", "open-network-settings"],
    steps: [STEP.checks, STEP.status, STEP.otherNetwork, STEP.signOutIn, STEP.support],
  },

  // -------------------------------------------------------------------------
  // The guides' symptom table.
  {
    id: "stuck-verifying",
    title: "Stuck on Verifying",
    match: {
      codes: [],
      phrases: [
        "stuck on verifying",
        "stuck on signing in",
        "verifying forever",
        "signing in forever",
        "spinning on verifying",
        "hangs on verifying",
      ],
    },
    meaning:
      "Sign-in started but never got an answer. Most often the network or DNS is in the way, a VPN or proxy holds the connection, a Wi-Fi login page is waiting, or Apple's service is slow.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (symptom table)`,
    likelyCauses: ["dns", "offline", "captive-portal", "vpn", "proxy", "blocked", "apple-outage"],
    probes: ["apple-status", "internet", "captive-portal", "dns", "apple-hosts", "vpn", "proxy"],
    fixes: [
      "open-status-page",
      "flush-dns",
      "open-vpn-settings",
      "open-network-settings",
      "open-apple-account-settings",
    ],
    steps: [STEP.status, STEP.otherNetwork, STEP.vpnOff, STEP.signOutIn, STEP.updates],
  },
  {
    id: "password-keeps-failing",
    title: "Password Keeps Failing",
    match: {
      codes: [],
      phrases: [
        "password keeps failing",
        "password not accepted",
        "incorrect password",
        "wrong password",
        "password is incorrect",
        "new password not working",
      ],
    },
    meaning:
      "Apple doesn't accept the password, or asks for it again and again. That is about the account, not the network: the password may have changed elsewhere, or the account may be locked after too many tries.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (symptom table)`,
    likelyCauses: [],
    probes: ["apple-status", "account"],
    fixes: ["open-apple-account-settings", "contact-apple-support"],
    steps: [
      STEP.provePassword,
      STEP.iforgot,
      "Check your two-factor trusted devices and phone number at account.apple.com.",
      "Sign in again on this Mac in System Settings, typing the password fresh (watch Caps Lock and the keyboard layout).",
      "If Apple emailed you about a security lock, follow that email, after checking that it really comes from Apple.",
    ],
  },
  {
    id: "iphone-works-mac-doesnt",
    title: "iPhone Works, Mac Doesn't",
    match: {
      codes: [],
      phrases: [
        "iPhone works, Mac doesn't",
        "works on iPhone but not on Mac",
        "iPad works, Mac doesn't",
        "other devices work",
        "only the Mac fails",
      ],
    },
    meaning:
      "The account and Apple's service are fine, so the cause is on this Mac: its network settings, its clock, a VPN or filtering app, or its saved sign-in.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (symptom table)`,
    likelyCauses: ["dns", "clock-skew", "vpn", "proxy", "tls-inspection", "blocked", "signed-out"],
    probes: ["account", "dns", "apple-hosts", "clock", "time-settings", "vpn", "proxy", "tls-inspection", "macos"],
    fixes: ["open-apple-account-settings", "flush-dns", "sync-clock", "restart-icloud-daemons"],
    steps: [
      "Check that the Mac uses the same Apple Account as the iPhone (System Settings → your name).",
      STEP.checks,
      STEP.signOutIn,
      STEP.updates,
    ],
  },
  {
    id: "icloud-services-erroring",
    title: "iCloud Services Erroring",
    match: {
      codes: [],
      phrases: [
        "iCloud services erroring",
        "iCloud not working",
        "iCloud not syncing",
        "iCloud Drive not syncing",
        "iCloud keeps failing",
      ],
    },
    meaning:
      "iCloud Drive, Photos or other iCloud features fail while the Mac otherwise works. Apple's service, a stale sign-in, a wrong clock or a blocked push connection are the usual reasons.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (symptom table)`,
    likelyCauses: ["apple-outage", "clock-skew", "push-blocked", "dns", "signed-out"],
    probes: ["apple-status", "account", "push", "dns", "clock", "time-settings"],
    fixes: [
      "open-status-page",
      "restart-icloud-daemons",
      "sync-clock",
      "open-date-time-settings",
      "open-apple-account-settings",
    ],
    steps: [
      STEP.status,
      STEP.dateTime,
      "Restart iCloud Services: it only restarts the iCloud background processes, and your data stays as it is.",
      "Reset the network connection: turn Wi-Fi off and on, or try another network.",
      STEP.signOutIn,
    ],
  },
  {
    id: "app-store-sign-in-fails",
    title: "App Store Sign-In Fails",
    match: {
      codes: [],
      phrases: [
        "App Store sign-in fails",
        "can't sign in to the App Store",
        "App Store keeps asking for password",
        "Media & Purchases",
      ],
    },
    meaning:
      "The App Store uses the same Apple Account but signs in on its own (Media & Purchases). It can fail by itself when payment or shipping details need a review, or when the region doesn't match the account.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (symptom table)`,
    likelyCauses: ["apple-outage", "dns", "clock-skew", "signed-out"],
    probes: ["apple-status", "apple-hosts", "clock", "time-settings", "account"],
    fixes: ["open-status-page", "open-apple-account-settings", "open-date-time-settings"],
    steps: [
      "Sign out in the App Store (Store → Sign Out) and sign back in.",
      "If it asks, review your payment and shipping details.",
      "Make sure the Mac's region matches your Apple Account's country.",
      STEP.status,
    ],
  },

  // -------------------------------------------------------------------------
  // Sign-in service codes (GrandSlam `ec`, idmsa, AuthKit, CloudKit).
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

  // -------------------------------------------------------------------------
  // Network and certificate codes (Node's names, as the checks report them).
  {
    id: "name-not-found",
    title: "Name Not Found (DNS)",
    match: {
      codes: ["ENOTFOUND", "EAI_AGAIN"],
      phrases: [
        "getaddrinfo ENOTFOUND",
        "getaddrinfo EAI_AGAIN",
        "name not found",
        "server can't be found",
        "DNS lookup failed",
      ],
    },
    meaning:
      "The Mac couldn't turn an Apple host name into an address, so sign-in can't start. EAI_AGAIN means the DNS server didn't answer in time.",
    confidence: "high",
    verified: true,
    source: "Node.js DNS error codes",
    likelyCauses: ["dns", "offline", "captive-portal"],
    probes: ["internet", "captive-portal", "dns", "apple-hosts"],
    fixes: ["flush-dns", "open-network-settings"],
    steps: [STEP.flushDns, STEP.publicDns, STEP.otherNetwork, "Restart your router."],
  },
  {
    id: "connection-refused",
    title: "Connection Refused or Timed Out",
    match: {
      codes: ["ECONNREFUSED", "ETIMEDOUT"],
      phrases: ["connect ECONNREFUSED", "connect ETIMEDOUT", "connection refused", "connection timed out", "timed out"],
    },
    meaning:
      "The name resolved, but the connection to Apple didn't go through: something refused it or silently dropped it. Firewalls, proxies, VPNs and filtered networks do this; rarely it's Apple's side.",
    confidence: "high",
    verified: true,
    source: "Node.js socket error codes",
    likelyCauses: ["blocked", "proxy", "vpn", "push-blocked", "apple-outage"],
    probes: ["apple-status", "apple-hosts", "push", "proxy", "vpn", "firewall"],
    fixes: ["open-vpn-settings", "open-network-settings"],
    steps: [
      STEP.vpnOff,
      STEP.otherNetwork,
      "On a work or school network, ask the administrator to allow Apple's hosts on ports 443 and 5223.",
    ],
  },
  {
    id: "network-unreachable",
    title: "Network Unreachable",
    match: {
      codes: ["EHOSTUNREACH", "ENETUNREACH"],
      phrases: ["no route to host", "network is unreachable", "host unreachable"],
    },
    meaning:
      "The Mac has no route to Apple's servers: it's offline, the Wi-Fi has no internet behind it, or a VPN took over the routes.",
    confidence: "high",
    verified: true,
    source: "Node.js socket error codes",
    likelyCauses: ["offline", "captive-portal", "vpn"],
    probes: ["internet", "captive-portal", "vpn"],
    fixes: ["open-network-settings", "open-vpn-settings"],
    steps: [
      "Open a website to check the internet works; if a Wi-Fi login page appears, sign in there.",
      "Turn Wi-Fi off and on, or try another network.",
      STEP.vpnOff,
    ],
  },
  {
    id: "certificate-dates",
    title: "Certificate Not Yet Valid or Expired",
    match: {
      codes: ["CERT_NOT_YET_VALID", "CERT_HAS_EXPIRED"],
      phrases: ["certificate is not yet valid", "certificate has expired", "certificate expired"],
    },
    meaning:
      "A certificate looked out of date. Apple renews its certificates on time, so this almost always means this Mac's clock is wrong.",
    confidence: "high",
    verified: true,
    source: "Node.js TLS error codes; a clock outside a certificate's validity produces them",
    likelyCauses: ["clock-skew", "tls-inspection"],
    probes: ["clock", "time-settings", "tls-inspection"],
    fixes: ["sync-clock", "open-date-time-settings"],
    steps: [
      "Sync Clock, or set the date and time automatically in System Settings → General → Date & Time.",
      "Try signing in again.",
      "If the clock is right and this still happens, something on the network is inspecting HTTPS: run the related checks.",
    ],
  },
  {
    id: "certificate-chain",
    title: "Untrusted Certificate Chain",
    match: {
      codes: ["SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
      phrases: ["self-signed certificate in certificate chain", "unable to get local issuer certificate"],
    },
    meaning:
      "A certificate wasn't issued by a root this program trusts. On Apple's sign-in hosts that usually means a proxy, antivirus or “secure” VPN is inspecting HTTPS, which Apple's services don't accept. One exception: gsa.apple.com uses Apple's own root, which Node doesn't carry, so this code for gsa.apple.com alone is normal.",
    confidence: "medium",
    verified: true,
    source:
      "Node.js TLS error codes; Apple's enterprise-network guidance on HTTPS interception (support.apple.com/101555)",
    likelyCauses: ["tls-inspection", "proxy", "vpn"],
    probes: ["tls-inspection", "proxy", "vpn"],
    fixes: ["open-network-settings", "open-vpn-settings"],
    steps: [
      "Turn off HTTPS scanning or web protection in antivirus or filtering apps for one test.",
      STEP.vpnOff,
      "On a managed network, ask the administrator to exempt Apple's hosts from SSL inspection.",
      STEP.otherNetwork,
    ],
  },

  // -------------------------------------------------------------------------
  // The guides' cause table.
  {
    id: "network-or-dns",
    title: "Network or DNS Trouble",
    match: {
      codes: [],
      phrases: ["network problem", "DNS problem", "slow network", "slow internet", "signing in takes forever"],
    },
    meaning:
      "The most common cause: sign-in can't reach Apple reliably. Sign-in sits on “Verifying…” or “Signing in…”. A hotspot test tells you within a minute.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: ["offline", "captive-portal", "dns"],
    probes: ["internet", "captive-portal", "dns", "apple-hosts"],
    fixes: ["flush-dns", "open-network-settings"],
    steps: [STEP.otherNetwork, "Run a speed test to see the connection is usable.", STEP.publicDns, STEP.flushDns],
  },
  {
    id: "date-time-region",
    title: "Wrong Date, Time or Region",
    match: {
      codes: [],
      phrases: [
        "Cannot verify server identity",
        "certificate error",
        "wrong date",
        "wrong time",
        "clock is wrong",
        "region mismatch",
      ],
    },
    meaning:
      "A wrong clock makes Apple's certificates look invalid, so secure connections fail with certificate or “Cannot verify server identity” errors. A region that doesn't match the account can trip the App Store and iCloud.",
    confidence: "high",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: ["clock-skew", "tls-inspection"],
    probes: ["clock", "time-settings", "tls-inspection"],
    fixes: ["sync-clock", "open-date-time-settings"],
    steps: [STEP.dateTime, "Sync Clock if the clock is off.", "Try signing in again."],
  },
  {
    id: "apple-outage",
    title: "Apple Service Outage",
    match: {
      codes: [],
      phrases: [
        "Apple servers down",
        "iCloud down",
        "Apple ID down",
        "Apple outage",
        "Mac is fine but the service is down",
      ],
    },
    meaning:
      "Sometimes Apple's service is down for everyone. Nothing on your Mac will help; it usually comes back within minutes to hours.",
    confidence: "high",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: ["apple-outage"],
    probes: ["apple-status"],
    fixes: ["open-status-page"],
    steps: [STEP.status, "Wait and try again later; there is nothing to change on this Mac."],
  },
  {
    id: "account-locked-or-new-password",
    title: "Account Locked or Password Changed",
    match: {
      codes: [],
      phrases: ["prompts repeat", "other devices fine", "changed my password", "password changed", "account locked"],
    },
    meaning:
      "If the password changed on another device, or Apple locked the account, this Mac keeps asking while other devices may still work for a while.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: [],
    probes: ["account"],
    fixes: ["open-apple-account-settings", "contact-apple-support"],
    steps: [
      STEP.iforgot,
      "Check your two-factor trusted devices at account.apple.com.",
      "Look for a security email from Apple, and check it really comes from Apple before following it.",
      "Sign in again on this Mac with the current password.",
    ],
  },
  {
    id: "stale-keychain-items",
    title: "Stale Keychain Items",
    match: {
      codes: [],
      phrases: ["prompt loops", "keeps asking for my password", "password prompt keeps coming back", "Keychain"],
    },
    meaning:
      "Old saved sign-in items can make macOS ask for the password again and again. Reopening System Settings and signing in usually replaces them.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table); the guides also delete Keychain items, which this app doesn't recommend`,
    likelyCauses: ["signed-out"],
    probes: ["account"],
    fixes: ["open-apple-account-settings", "restart-icloud-daemons"],
    steps: [
      "Quit System Settings, open it again and sign in when asked.",
      "Restart the Mac and sign in once more.",
      "Leave the Keychain alone: removing items can't be undone and can lose unrelated passwords. Apple ID Doctor never touches it. If Apple Support asks you to remove an item, do it yourself in Keychain Access after a backup.",
    ],
  },
  {
    id: "macos-update-glitch",
    title: "Started After a macOS Update",
    match: {
      codes: [],
      phrases: ["started after an update", "after updating macOS", "since the update", "after upgrading macOS"],
    },
    meaning: "Sign-in problems that begin right after an update are often fixed by a restart or the next update.",
    confidence: "low",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: [],
    probes: ["macos"],
    fixes: [],
    steps: ["Restart the Mac.", STEP.updates, STEP.checks],
  },
  {
    id: "vpn-proxy-firewall",
    title: "VPN, Proxy or Firewall in the Way",
    match: {
      codes: [],
      phrases: [
        "fails only on some networks",
        "works on hotspot",
        "works at home but not at work",
        "VPN",
        "proxy",
        "firewall",
        "port 5223",
      ],
    },
    meaning:
      "Sign-in needs port 443 to Apple and port 5223 for push. VPNs, proxies, firewalls and filtered networks (work, school, hotels) can block these or inspect them.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table); ports from Apple's enterprise-network guidance (support.apple.com/101555)`,
    likelyCauses: ["vpn", "proxy", "blocked", "push-blocked", "tls-inspection"],
    probes: ["vpn", "proxy", "firewall", "tls-inspection", "apple-hosts", "push"],
    fixes: ["open-vpn-settings", "open-network-settings"],
    steps: [
      STEP.vpnOff,
      "If you need the VPN, try another of its servers.",
      "On a managed network, ask the administrator to allow Apple's hosts on ports 443 and 5223.",
    ],
  },
  {
    id: "router-or-isp",
    title: "Router or Internet Provider",
    match: {
      codes: [],
      phrases: [
        "public DNS does not help",
        "several devices fail",
        "all devices fail",
        "whole household",
        "every device at home",
      ],
    },
    meaning:
      "When several devices on the same network fail and a public DNS server doesn't help, the router or the internet provider is the likely culprit.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: ["offline", "dns", "blocked"],
    probes: ["internet", "dns", "apple-hosts"],
    fixes: ["open-network-settings"],
    steps: [
      "Restart the router: unplug it, wait 30 seconds, plug it back in.",
      "Try Ethernet, another router, or your phone's hotspot.",
      "Check whether your internet provider reports an outage.",
    ],
  },
  {
    id: "several-apps-fail",
    title: "App Store, Messages and FaceTime All Fail",
    match: {
      codes: [],
      phrases: [
        "App Store, iMessage, FaceTime",
        "iMessage and FaceTime",
        "several apps",
        "iMessage activation",
        "FaceTime activation",
      ],
    },
    meaning:
      "When each Apple app fails on its own, the problem is broader than one app: Apple's service, the network path to Apple, the push service or the account itself.",
    confidence: "medium",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: ["push-blocked", "blocked", "signed-out", "apple-outage"],
    probes: ["apple-status", "apple-hosts", "push", "account"],
    fixes: ["open-status-page", "open-apple-account-settings"],
    steps: ["Check each app uses the same Apple Account.", "Sign out and back in within each app.", STEP.checks],
  },
  {
    id: "user-profile-or-hardware",
    title: "Only This Mac or This User",
    match: {
      codes: [],
      phrases: [
        "other Macs on the network are fine",
        "only this Mac",
        "works in another user account",
        "new user works",
      ],
    },
    meaning: "If other Macs on the same network sign in fine, the cause is this Mac or your macOS user profile.",
    confidence: "low",
    verified: true,
    source: `${GUIDES} (cause table)`,
    likelyCauses: [],
    probes: ["account", "vpn", "proxy", "macos"],
    fixes: ["open-network-settings"],
    steps: [
      STEP.checks,
      "Forget the Wi-Fi network and join it again.",
      "Try signing in from a new macOS user or the guest account. If it works there, the problem is in your user profile: ask Apple Support before changing more.",
      "Reinstalling macOS is a last resort: back up first, and only with Apple Support's guidance.",
    ],
  },

  // -------------------------------------------------------------------------
  // Codes from the fixes themselves.
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
      "Use the password prompt instead (Use Password Instead, or `fix <fix-id> --password` in the CLI).",
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

  // -------------------------------------------------------------------------
  // When to stop and hand it to Apple.
  {
    id: "contact-apple-support",
    title: "When to Contact Apple Support",
    match: {
      codes: [],
      phrases: [
        "nothing works",
        "tried everything",
        "contact Apple",
        "Apple Support",
        "account compromised",
        "account hacked",
        "data loss after password change",
      ],
    },
    meaning:
      "Time to hand it to Apple: every step failed, an unexplained code keeps coming back, the account seems locked or compromised, or data went missing after changing the password or email.",
    confidence: "high",
    verified: true,
    source: `${GUIDES} (escalation)`,
    likelyCauses: [],
    probes: [],
    fixes: ["contact-apple-support"],
    steps: [
      "Have your Mac model and macOS version ready.",
      "Write down the exact error messages and codes.",
      "List the steps you tried, with approximate times.",
      "Note whether other devices in your household can sign in.",
      "Run Full Checklist and copy its report: it carries the Mac's details, every check and the fixes you ran, with identifiers hidden.",
    ],
  },
];

// ---------------------------------------------------------------------------
// Search

export interface KnowledgeMatch {
  entry: KnowledgeEntry;
  score: number;
  /** What matched: the code as the entry writes it, the phrase, or the matching words. */
  matched: string;
}

const STOPWORDS = new Set(
  (
    "a an and are as at be but by can cant could couldnt do does doesnt dont for from has have i if in is it its " +
    "keeps me my not of on or out so than that the there this to was we were what when where why with won t " +
    "error code ec err status http https www com exit mac macos apple id account"
  ).split(" "),
);

/** Lowercase words: apostrophes dropped (doesn't → doesnt), every other mark a space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Crude stemming so "fails", "failing" and "failed" meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("es") && !word.endsWith("ses")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

const words = (text: string): string[] =>
  normalise(text)
    .split(" ")
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);

/** A code with its sign and case dropped: "-20209" → "20209", "cert_has_expired" → "CERT_HAS_EXPIRED". */
const codeKey = (code: string): string => code.replace(/^[-+−]/, "").toUpperCase();

/** The code-shaped tokens of a query: signed numbers and identifiers, parentheses and "ec"/"error" ignored. */
function queryCodes(query: string): string[] {
  const tokens = query.match(/[A-Za-z][A-Za-z0-9_]*|[-+−]?\d+/g) ?? [];
  return [...new Set(tokens.map(codeKey))];
}

interface Indexed {
  entry: KnowledgeEntry;
  order: number;
  codes: Array<{ code: string; key: string }>;
  phrases: Array<{ phrase: string; norm: string }>;
  /** Words of the title, phrases and codes. */
  strong: Set<string>;
  /** Words of the meaning. */
  weak: Set<string>;
}

/** Matches scoring under this share of the best one are noise. */
const RELATIVE_FLOOR = 0.15;

let index: { entries: Indexed[]; idf: Map<string, number> } | undefined;

function buildIndex() {
  const entries = KNOWLEDGE.map((entry, order): Indexed => {
    const strong = new Set([entry.title, ...entry.match.phrases].flatMap(words));
    for (const code of entry.match.codes) strong.add(codeKey(code).toLowerCase());
    return {
      entry,
      order,
      codes: entry.match.codes.map((code) => ({ code, key: codeKey(code) })),
      phrases: entry.match.phrases.map((phrase) => ({ phrase, norm: normalise(phrase) })),
      strong,
      weak: new Set(words(entry.meaning)),
    };
  });
  // Rare words say more than common ones ("keychain" vs "sign").
  const df = new Map<string, number>();
  for (const e of entries) for (const w of new Set([...e.strong, ...e.weak])) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, Math.log((entries.length + 1) / n)]));
  return { entries, idf };
}

function scoreEntry(
  e: Indexed,
  query: { norm: string; codes: string[]; words: string[] },
  idf: Map<string, number>,
): { score: number; matched: string } {
  let best = { score: 0, matched: "" };
  const consider = (score: number, matched: string) => {
    if (score > best.score) best = { score, matched };
  };

  // Codes: exact whatever the sign or wrapping; a number being typed matches by its start.
  for (const { code, key } of e.codes) {
    if (query.codes.includes(key)) consider(100, code);
    else if (/^\d+$/.test(key) && query.codes.some((q) => /^\d{3,}$/.test(q) && key.startsWith(q))) consider(30, code);
  }

  // Phrases: the query holds the whole phrase (pasted message), or is the start of one (still typing).
  let phraseScore = 0;
  let phraseMatched = "";
  if (query.norm) {
    for (const { phrase, norm } of e.phrases) {
      if (!norm) continue;
      let score = 0;
      const padded = ` ${query.norm} `;
      if (padded.includes(` ${norm} `)) score = 60 + 30 * (norm.length / query.norm.length);
      else if (query.norm.length >= 4 && ` ${norm}`.includes(` ${query.norm}`))
        score = 30 + 30 * (query.norm.length / norm.length);
      if (score > phraseScore) [phraseScore, phraseMatched] = [score, phrase];
    }
  }

  // Words: rare words count more; the last word may still be being typed.
  let wordScore = 0;
  const hits: string[] = [];
  query.words.forEach((w, i) => {
    const weight = idf.get(w) ?? Math.log(KNOWLEDGE.length + 1);
    if (e.strong.has(w)) {
      wordScore += 6 * weight;
      hits.push(w);
    } else if (e.weak.has(w)) {
      wordScore += 2 * weight;
      hits.push(w);
    } else if (i === query.words.length - 1 && w.length >= 3 && [...e.strong].some((s) => s.startsWith(w))) {
      wordScore += 3 * weight;
      hits.push(w);
    }
  });
  // Normalised by query length so a long query doesn't drown codes and phrases.
  wordScore = Math.min(45, query.words.length ? wordScore / Math.sqrt(query.words.length) : 0);

  if (best.score > 0) return { score: best.score + phraseScore / 4 + wordScore / 4, matched: best.matched };
  if (phraseScore > 0) return { score: phraseScore + wordScore / 2, matched: phraseMatched };
  if (wordScore > 0) return { score: wordScore, matched: hits.join(" ") };
  return best;
}

/**
 * Entries for an error code, a pasted message or a few words, best first.
 * Codes match exactly whatever their sign or wrapping ("-20209", "ec -20209",
 * "(-60007)", "error 4001"); then whole phrases; then shared words. An empty
 * query lists every entry in the order they are written (where to start,
 * messages, symptoms, codes, causes, escalation).
 */
export function searchKnowledge(query: string, limit?: number): KnowledgeMatch[] {
  index ??= buildIndex();
  const max = limit ?? Infinity;
  const norm = normalise(query);
  if (!norm) return index.entries.slice(0, max).map(({ entry }) => ({ entry, score: 0, matched: "" }));
  const q = { norm, codes: queryCodes(query), words: words(query) };
  const { idf } = index;
  const scored = index.entries
    .map((e) => ({ e, ...scoreEntry(e, q, idf) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.e.order - b.e.order);
  // A code or a whole message matched: leave out entries that only share a stray word.
  const floor = (scored[0]?.score ?? 0) * RELATIVE_FLOOR;
  return scored
    .filter((r) => r.score >= floor)
    .slice(0, max)
    .map(({ e, score, matched }) => ({ entry: e.entry, score: Math.round(score * 10) / 10, matched }));
}

/** A plain-text explanation to copy or print: what it means, why, what to do, and where it comes from. */
export function explanationText(entry: KnowledgeEntry): string {
  const lines = [entry.title, "", entry.meaning];
  if (entry.match.codes.length) lines.push("", `Codes: ${entry.match.codes.join(", ")}`);
  if (entry.likelyCauses.length) {
    lines.push("", "Likely causes:", ...entry.likelyCauses.map((c) => `- ${CAUSE_TITLES[c]}`));
  }
  if (entry.steps.length) lines.push("", "What to do:", ...entry.steps.map((s, i) => `${i + 1}. ${s}`));
  if (entry.fixes.length) lines.push("", `Fixes: ${entry.fixes.map((f) => FIX_TITLES[f]).join(", ")}`);
  lines.push("", `Confidence: ${confidenceWords(entry)}`, `Source: ${entry.source}`);
  return lines.join("\n");
}

/** "High", "Low (unverified)". */
export function confidenceWords(entry: KnowledgeEntry): string {
  const word = entry.confidence[0].toUpperCase() + entry.confidence.slice(1);
  return entry.verified ? word : `${word} (unverified)`;
}

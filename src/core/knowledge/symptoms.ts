import { STEP, GUIDES, type KnowledgeEntry } from "./entry";

// The guides' symptom table.
export const SYMPTOMS: readonly KnowledgeEntry[] = [
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
];

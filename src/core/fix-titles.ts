import type { FixId } from "./ids";

/** What each fix is called wherever a person sees it (`<Verb> <Noun>`). */
export const FIX_TITLES: Record<FixId, string> = {
  "flush-dns": "Flush DNS Cache",
  "sync-clock": "Sync Clock",
  "restart-icloud-daemons": "Restart iCloud Services",
  "reset-account-cache": "Reset Account Cache",
  "restore-account-cache": "Restore Account Cache",
  "open-date-time-settings": "Open Date & Time Settings",
  "open-network-settings": "Open Network Settings",
  "open-vpn-settings": "Open VPN Settings",
  "open-apple-account-settings": "Open Apple Account Settings",
  "open-status-page": "Open Apple System Status",
  "contact-apple-support": "Contact Apple Support",
};

export const SUPPORT_URL = "https://support.apple.com/contact";
export const STATUS_PAGE_URL = "https://www.apple.com/support/systemstatus/";

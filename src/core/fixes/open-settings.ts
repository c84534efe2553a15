import { errorCode } from "../host/types";
import type { FixId } from "../ids";
import { FIX_TITLES, SUPPORT_URL, STATUS_PAGE_URL } from "../fix-titles";
import type { Fix } from "./types";

// System Settings panes by URL. macOS 13 renamed System Preferences to
// System Settings and its panes became extensions with new identifiers.
const PANES: Record<string, { modern: string; legacy: string }> = {
  "open-date-time-settings": {
    modern: "x-apple.systempreferences:com.apple.Date-Time-Settings.extension",
    legacy: "x-apple.systempreferences:com.apple.preference.datetime",
  },
  "open-network-settings": {
    modern: "x-apple.systempreferences:com.apple.Network-Settings.extension",
    legacy: "x-apple.systempreferences:com.apple.preference.network",
  },
  "open-vpn-settings": {
    modern: "x-apple.systempreferences:com.apple.NetworkExtensionSettingsUI.NESettingsUIExtension",
    legacy: "x-apple.systempreferences:com.apple.preference.network",
  },
  "open-apple-account-settings": {
    modern: "x-apple.systempreferences:com.apple.systempreferences.AppleIDSettings",
    legacy: "x-apple.systempreferences:com.apple.preferences.AppleIDPrefPane",
  },
};

/** The URL an open-* fix opens on this macOS version (modern when unknown). */
export function settingsUrl(id: FixId, macosMajor?: number): string | undefined {
  if (id === "open-status-page") return STATUS_PAGE_URL;
  if (id === "contact-apple-support") return SUPPORT_URL;
  const pane = PANES[id];
  if (!pane) return undefined;
  return macosMajor !== undefined && macosMajor < 13 ? pane.legacy : pane.modern;
}

function openFix(id: FixId): Fix {
  const title = FIX_TITLES[id];
  return {
    id,
    title,
    needsAdmin: false,
    destructive: false,
    verifies: [],
    async run({ host, bin, macosMajor }) {
      const url = settingsUrl(id, macosMajor)!;
      try {
        const r = await host.exec([bin.open, url]);
        return r.exitCode === 0
          ? { outcome: "done", message: `Opened ${title.replace(/^Open /, "")}`, ran: [`${bin.open} ${url}`] }
          : { outcome: "failed", message: r.stderr.trim() || `open exited ${r.exitCode}`, ran: [`${bin.open} ${url}`] };
      } catch (error) {
        return { outcome: "failed", message: `Couldn't open ${url}: ${errorCode(error)}` };
      }
    },
  };
}

/** Fixes that only open a page or a settings pane: front ends may open the URL themselves. */
export const OPEN_FIX_IDS: FixId[] = [
  "open-date-time-settings",
  "open-network-settings",
  "open-vpn-settings",
  "open-apple-account-settings",
  "open-status-page",
  "contact-apple-support",
];

export const openFixes: Fix[] = OPEN_FIX_IDS.map(openFix);

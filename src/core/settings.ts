import { isIP } from "node:net";
import { isValidServerName } from "./privileged";
import { DEFAULT_DEADLINE_MS } from "./run";
import { DEFAULT_TARGETS, type Targets } from "./targets";

// User settings (Raycast preferences, Alfred variables) in, validated run
// options out. A bad value never breaks a run: it falls back to the default
// and says why, so the UI can show it.

export interface RawSettings {
  ntpServer?: string;
  deadlineMs?: string;
  publicResolvers?: string;
  includeIdentifiers?: boolean;
  statusLocale?: string;
}

export interface Settings {
  targets: Targets;
  deadlineMs: number;
  includeIdentifiers: boolean;
  /** The locale Check Apple Status shows Apple's System Status in, `ll_CC` (en_US by default). */
  statusLocale: string;
  /** One line per value that was ignored, and why. */
  problems: string[];
}

export const DEFAULT_STATUS_LOCALE = "en_US";

const STATUS_LOCALE = /^[a-z]{2}_[A-Z]{2}$/;

/**
 * The consumer feed in another language: Apple names it `system_status_<ll_CC>.js`
 * (REFERENCE b). en_US, a malformed locale or a URL without the `_en_US.js`
 * suffix gives the URL unchanged.
 */
export function localizedFeedUrl(consumerUrl: string, locale: string): string {
  if (locale === DEFAULT_STATUS_LOCALE || !STATUS_LOCALE.test(locale)) return consumerUrl;
  return consumerUrl.replace(/_en_US\.js(?=$|[?#])/, `_${locale}.js`);
}

export function parseSettings(raw: RawSettings = {}): Settings {
  const problems: string[] = [];
  let ntpServers = DEFAULT_TARGETS.ntpServers;
  const ntp = raw.ntpServer?.trim();
  if (ntp) {
    if (isValidServerName(ntp)) ntpServers = [ntp, ...DEFAULT_TARGETS.ntpServers.filter((s) => s !== ntp)];
    else problems.push(`Time server "${ntp}" isn't a host name or IP address; using time.apple.com`);
  }
  let deadlineMs = DEFAULT_DEADLINE_MS;
  const deadline = raw.deadlineMs?.trim();
  if (deadline) {
    const n = Number(deadline);
    if (Number.isInteger(n) && n >= 1000 && n <= 60_000) deadlineMs = n;
    else problems.push(`Time limit "${deadline}" must be 1000–60000 ms; using ${DEFAULT_DEADLINE_MS}`);
  }
  let publicResolvers = DEFAULT_TARGETS.publicResolvers;
  const resolvers = raw.publicResolvers?.trim();
  if (resolvers) {
    const list = resolvers.split(/[\s,]+/).filter(Boolean);
    const bad = list.filter((r) => !isIP(r));
    if (bad.length === 0 && list.length > 0 && list.length <= 4) publicResolvers = list;
    else problems.push(`Public resolvers must be 1–4 IP addresses (got "${resolvers}"); using 1.1.1.1, 8.8.8.8`);
  }
  let statusLocale = DEFAULT_STATUS_LOCALE;
  const locale = typeof raw.statusLocale === "string" ? raw.statusLocale.trim() : "";
  if (locale) {
    if (STATUS_LOCALE.test(locale)) statusLocale = locale;
    else problems.push(`Status language "${locale}" isn't a locale like ja_JP; using en_US`);
  }
  return {
    targets: { ...DEFAULT_TARGETS, ntpServers, publicResolvers },
    deadlineMs,
    includeIdentifiers: raw.includeIdentifiers === true,
    statusLocale,
    problems,
  };
}

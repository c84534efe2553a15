import type { Backup } from "../core/host/backups";
import { describeError } from "../core/host/types";
import { currentEvents, type ServiceState, type StatusFeed, type StatusService } from "../core/parse/status-feed";
import { isSinkhole, type DnsHostResult, type ResolverSummary } from "../core/probes/dns";
import {
  RUN,
  STATUS_PAGE_URL,
  STATUS_WORDS,
  copyTextMod,
  disabledMod,
  errorItem,
  findingItem,
  fixItem,
  ICONS,
  joinParts,
  type AlfredItem,
  type FindingView,
} from "./items";

// Rows for the single commands: Apple System Status, DNS, the clock and
// iCloud. Pure like items.ts; script-filter.ts runs the probes.

// ------------------------------------------------------------------ Apple System Status

const SEVERITY: readonly ServiceState[] = ["outage", "issue", "performance", "maintenance", "ok"];
const STATE_WORDS: Record<ServiceState, string> = {
  outage: "Outage",
  issue: "Issue",
  performance: "Slow",
  maintenance: "Maintenance",
  ok: "Available",
};
const STATE_ICONS: Record<ServiceState, string> = {
  outage: ICONS.fail,
  issue: ICONS.warn,
  performance: ICONS.warn,
  maintenance: ICONS.skip,
  ok: ICONS.pass,
};

/** "for 23 min", "for 2 h", "starts in 3 h"; "" without a usable start. */
export function sinceWords(startIso: string | null, now: Date): string {
  const start = startIso ? Date.parse(startIso) : NaN;
  if (!Number.isFinite(start)) return "";
  const ms = now.getTime() - start;
  const span = (abs: number) =>
    abs < 60_000
      ? "a moment"
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 172_800_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} days`;
  return ms < 0 ? `starts in ${span(-ms)}` : ms < 60_000 ? "just started" : `for ${span(ms)}`;
}

function serviceLine(service: StatusService, now: Date): { headline: string; text: string } {
  const current = currentEvents(service);
  const event = current.find((e) => e.type.toLowerCase() === service.state) ?? current[0];
  if (service.state === "ok" || !event) return { headline: "No issues reported", text: `${service.name}: Available` };
  const since = sinceWords(event.start, now);
  const message = event.message.replace(/\s+/g, " ").trim();
  const headline = joinParts(since && since[0].toUpperCase() + since.slice(1), message, event.usersAffected ?? "");
  return { headline, text: `${service.name}: ${STATE_WORDS[service.state]}${headline ? ` (${headline})` : ""}` };
}

/**
 * Apple System Status: a summary row, then the sign-in services (and any
 * other service with a problem), worst first, so an outage leads.
 */
export function statusItems(feed: StatusFeed, fetchedAt: string, now: Date): AlfredItem[] {
  const rank = (s: StatusService) => SEVERITY.indexOf(s.state) * 2 + (s.signInRelated ? 0 : 1);
  const shown = feed.services
    .filter((s) => s.signInRelated || s.state !== "ok")
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
  const asOf = Number.isFinite(Date.parse(fetchedAt)) ? ` as of ${fetchedAt.slice(11, 16)} UTC` : "";
  const affected = shown.filter((s) => s.signInRelated && s.state !== "ok");
  const lines = shown.map((s) => serviceLine(s, now).text);
  const summaryText = [`Apple System Status${asOf}`, ...lines].join("\n");

  const rowFor = (service: StatusService): AlfredItem => {
    const line = serviceLine(service, now);
    return {
      uid: `status:${service.name}`,
      title: `${service.name}: ${STATE_WORDS[service.state]}`,
      subtitle: joinParts(line.headline, "⏎ Open Apple System Status"),
      arg: `open:${STATUS_PAGE_URL}`,
      valid: true,
      icon: { path: STATE_ICONS[service.state] },
      text: { copy: summaryText, largetype: line.text },
      mods: {
        cmd: disabledMod(service.signInRelated ? "Used when signing in to an Apple Account" : "Not used for sign-in"),
        alt: copyTextMod(summaryText, "Copy the status summary"),
      },
      variables: { ...RUN },
      quicklookurl: STATUS_PAGE_URL,
      match: `${service.name} ${STATE_WORDS[service.state]}`,
    };
  };

  const worst = affected[0]?.state;
  const summary: AlfredItem = {
    uid: "status:summary",
    title: worst
      ? `Apple Reports ${worst === "outage" ? "an Outage" : worst === "issue" ? "an Issue" : STATE_WORDS[worst]}: ${affected.map((s) => s.name).join(", ")}`
      : "All Sign-In Services Are Up",
    subtitle: worst
      ? joinParts(serviceLine(affected[0], now).headline, "this isn't your Mac: wait and try again later")
      : joinParts(`Apple reports no problems${asOf}`, "⏎ Open Apple System Status"),
    arg: `open:${STATUS_PAGE_URL}`,
    valid: true,
    icon: { path: worst ? STATE_ICONS[worst] : ICONS.pass },
    text: { copy: summaryText, largetype: summaryText },
    mods: {
      cmd: disabledMod(`${shown.length} services shown, worst first`),
      alt: copyTextMod(summaryText, "Copy the status summary"),
    },
    variables: { ...RUN },
    quicklookurl: STATUS_PAGE_URL,
  };
  return [summary, ...shown.map(rowFor)];
}

export function statusErrorItems(reason: string): AlfredItem[] {
  return [
    errorItem(
      "Couldn't Check Apple System Status",
      `${reason}. Check the internet connection and try again, or press ⏎ to open the status page`,
      { arg: `open:${STATUS_PAGE_URL}`, uid: "status:error" },
    ),
  ];
}

// ------------------------------------------------------------------ DNS

const serverLabel = (server: string) => (server === "system" ? "This Mac" : server);

function lookupWords(host: DnsHostResult): string {
  return host.lookups
    .map(
      (l) =>
        `${serverLabel(l.server)}: ${l.addresses?.length ? l.addresses.join(", ") : describeError(l.error ?? "no answer")}`,
    )
    .join(" · ");
}

function hostIcon(host: DnsHostResult): string {
  const mine = host.lookups.find((l) => l.server === "system");
  const others = host.lookups.filter((l) => l.server !== "system");
  const ok = (l?: { addresses?: string[] }) => !!l?.addresses?.length;
  if (ok(mine) && !mine!.addresses!.some(isSinkhole)) return ICONS.pass;
  if (!ok(mine) && !others.some(ok)) return ICONS.warn; // nothing resolves: offline rather than DNS
  return ICONS.fail;
}

/** Flush DNS first (what the keyword is for), then the resolvers and each sign-in host. */
export function dnsItems(
  finding: FindingView,
  hosts: DnsHostResult[],
  resolvers: ResolverSummary | undefined,
  copy: string,
): AlfredItem[] {
  const flush = fixItem("flush-dns", `${STATUS_WORDS[finding.status]}: ${finding.summary}`, { copy })!;
  flush.icon = { path: ICONS[finding.status] };
  const info = (uid: string, title: string, subtitle: string, icon: string): AlfredItem => ({
    uid,
    title,
    subtitle,
    arg: "",
    valid: false,
    icon: { path: icon },
    text: { copy, largetype: `${title}\n${subtitle.split(" · ").join("\n")}` },
    mods: { cmd: disabledMod(subtitle), alt: copyTextMod(copy) },
    variables: { ...RUN },
    match: title,
  });
  const rows = [flush];
  if (resolvers) {
    const split = resolvers.supplemental.length;
    rows.push(
      info(
        "dns:resolvers",
        `Resolvers: ${resolvers.nameservers.join(", ") || "none configured"}`,
        split ? `${split} more for specific domains (VPN or local network)` : "No per-domain resolvers",
        ICONS.app,
      ),
    );
  }
  for (const host of hosts) rows.push(info(`dns:${host.name}`, host.name, lookupWords(host), hostIcon(host)));
  return rows;
}

/** The text ⌘C copies for the DNS command (the caller redacts it). */
export function dnsText(finding: FindingView, hosts: DnsHostResult[], resolvers: ResolverSummary | undefined): string {
  return [
    `DNS (${STATUS_WORDS[finding.status]}): ${finding.summary}`,
    ...(resolvers ? [`Resolvers: ${resolvers.nameservers.join(", ") || "none"}`] : []),
    ...hosts.map((h) => `${h.name}: ${lookupWords(h)}`),
  ].join("\n");
}

// ------------------------------------------------------------------ clock

/** The clock and time settings findings, then Sync Clock unless the first row already offers it. */
export function clockItems(findings: FindingView[], macosMajor: number | undefined, copy: string): AlfredItem[] {
  const rows = findings.map((f) => findingItem(f, { macosMajor, copy }));
  const offered = findings.some((f) => f.fixes[0] === "sync-clock");
  if (!offered) {
    const sync = fixItem("sync-clock", "Set the clock from Apple's time server now", { macosMajor, copy });
    if (sync) rows.push(sync);
  }
  return rows;
}

// ------------------------------------------------------------------ iCloud

export interface IcloudContext {
  account: FindingView;
  macosMajor?: number;
  backups: Backup[];
  /** What the reset does and doesn't do: the reset row's Large Type. */
  resetExplanation: string;
  copy: string;
}

/**
 * The account; then Sign Out and Back In (in Apple Account Settings: the
 * supported way to fresh tokens), Restart iCloud Services, and last Reset
 * Account Cache (⌘ to confirm, an advanced last resort) and Restore.
 */
export function icloudItems(ctx: IcloudContext): AlfredItem[] {
  const { macosMajor, copy } = ctx;
  const rows: AlfredItem[] = [findingItem(ctx.account, { macosMajor, copy })];
  const add = (row: AlfredItem | undefined) => row && rows.push(row);
  if (!ctx.account.fixes.includes("open-apple-account-settings")) {
    add(
      fixItem("open-apple-account-settings", "Sign out and back in there: the supported way to get fresh tokens", {
        macosMajor,
        copy,
      }),
    );
  }
  add(
    fixItem("restart-icloud-daemons", "Restarts bird and cloudd (iCloud Drive sync); doesn't touch sign-in or tokens", {
      macosMajor,
      copy,
    }),
  );
  add(
    fixItem(
      "reset-account-cache",
      "Last resort: clears the cached account settings (backed up first), not the tokens in the Keychain",
      {
        macosMajor,
        copy,
        largetype: ctx.resetExplanation,
      },
    ),
  );
  const newest = ctx.backups[0];
  if (newest) {
    add(
      fixItem(
        "restore-account-cache",
        `From the newest backup, ${newest.createdAt.slice(0, 16).replace("T", " ")} UTC (${ctx.backups.length} kept)`,
        { macosMajor, copy },
      ),
    );
  }
  return rows;
}

import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { showFailureToast, useCachedPromise, useCachedState, withCache } from "@raycast/utils";
import { useCallback, useMemo, useRef, useState } from "react";
import { STATUS_PAGE_URL } from "../core/fix-titles";
import type { Host } from "../core/host/types";
import { currentEvents, type StatusEvent } from "../core/parse/status-feed";
import { DEFAULT_STATUS_LOCALE, localizedFeedUrl } from "../core/settings";
import { fetchStatusFeed, type FeedSource, type FetchStatusOptions, type StatusFetch } from "../core/status-client";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import { DEVELOPER_STATUS_PAGE_URL, SERVICE_LOOKS } from "./service-looks";
import {
  STATE_LABELS,
  clockTime,
  dateTime,
  eventState,
  headlineEvent,
  isAffected,
  listedServiceNames,
  otherServices,
  pairLocalizedFeed,
  pastWords,
  signInServices,
  sinceWords,
  statusSummary,
  type ShownFeed,
  type ShownService,
} from "./status-summary";

export type StatusFilter = "consumer" | "developer" | "issues";

export interface StatusViewProps {
  host: Host;
  /** The clock for "since 23 min ago" and the feed's notion of "current"; the host's by default. */
  now?: () => Date;
  /** Where the feeds live; Apple's by default. */
  targets?: Targets;
  /**
   * The consumer feed's language for display (`ja_JP`); en_US by default. Which
   * services sign-in depends on is still decided from the en_US feed.
   */
  statusLocale?: string;
}

interface LoadedStatus {
  source: FeedSource;
  /** The locale asked for; absent in answers cached before there was a choice. */
  locale?: string;
  feed: ShownFeed;
  fetchedAt: string;
  /** Said once in the first section's subtitle: "shown in English" when the localized feed could not be used. */
  note?: string;
}

const SHOWN_IN_ENGLISH = "shown in English";

/** fetchStatusFeed, keeping the body it parsed: pairing feeds needs the order Apple listed services in. */
async function fetchKeepingBody(
  host: Host,
  url: string,
  options: FetchStatusOptions,
): Promise<{ fetched: StatusFetch; body?: string }> {
  let body: string | undefined;
  const keeping: Host = {
    ...host,
    http: async (...args) => {
      const response = await host.http(...args);
      body = response.body;
      return response;
    },
  };
  const fetched = await fetchStatusFeed(keeping, url, options);
  return { fetched, body };
}

/** A feed fetched less than this long ago is shown again without asking Apple. */
const MAX_AGE_MS = 60_000;

/**
 * Apple's System Status, sign-in services first. The last answer per feed is
 * cached (reopening shows it at once); a failed refresh keeps it on screen
 * and says so in a toast.
 */
export function StatusView(props: StatusViewProps) {
  // Kept in Raycast's Cache and read on the first render. Not the dropdown's
  // storeValue: Raycast reports that stored choice only after mount, so the
  // first fetch would be for the wrong feed.
  const [filter, setFilter] = useCachedState<StatusFilter>("status-filter", "consumer");
  const source: FeedSource = filter === "developer" ? "developer" : "consumer";
  // The developer feed stays English.
  const locale = source === "consumer" ? (props.statusLocale ?? DEFAULT_STATUS_LOCALE) : DEFAULT_STATUS_LOCALE;
  /** The last failure, per feed; cleared by the next success. */
  const [failure, setFailure] = useState<{ source: FeedSource; reason: string }>();
  const latest = useRef(props);
  latest.current = props;
  const clock = useCallback(() => (latest.current.now ?? (() => latest.current.host.now()))(), []);

  const load = useMemo(
    () =>
      withCache(
        async (source: FeedSource, locale: string): Promise<LoadedStatus> => {
          const { host, targets = DEFAULT_TARGETS } = latest.current;
          const englishUrl = targets.statusFeeds[source];
          const localUrl = source === "consumer" ? localizedFeedUrl(englishUrl, locale) : englishUrl;
          const options = { now: clock(), source };
          if (localUrl === englishUrl) {
            const fetched = await fetchStatusFeed(host, englishUrl, options);
            if (!fetched.ok) throw new Error(fetched.reason);
            return { source, locale, feed: fetched.feed, fetchedAt: fetched.fetchedAt };
          }
          // Shown from the localized feed, judged by the English one: without English, nothing.
          const [english, local] = await Promise.all([
            fetchKeepingBody(host, englishUrl, options),
            fetchKeepingBody(host, localUrl, options),
          ]);
          if (!english.fetched.ok) throw new Error(english.fetched.reason);
          const englishNames = english.body === undefined ? undefined : listedServiceNames(english.body);
          const localNames = local.body === undefined ? undefined : listedServiceNames(local.body);
          const paired =
            local.fetched.ok && englishNames && localNames
              ? pairLocalizedFeed(
                  { feed: english.fetched.feed, names: englishNames },
                  { feed: local.fetched.feed, names: localNames },
                )
              : undefined;
          if (paired && local.fetched.ok) {
            return { source, locale, feed: paired, fetchedAt: local.fetched.fetchedAt };
          }
          return {
            source,
            locale,
            feed: english.fetched.feed,
            fetchedAt: english.fetched.fetchedAt,
            note: SHOWN_IN_ENGLISH,
          };
        },
        { maxAge: MAX_AGE_MS },
      ),
    [clock],
  );

  const fetchAppleStatus = useCallback(
    async (source: FeedSource, locale: string): Promise<LoadedStatus> => {
      try {
        const loaded = await load(source, locale);
        setFailure((previous) => (previous?.source === source ? undefined : previous));
        return loaded;
      } catch (error) {
        setFailure({ source, reason: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
    [load],
  );

  const { data, isLoading, revalidate } = useCachedPromise(fetchAppleStatus, [source, locale], {
    onError: (error) => {
      showFailureToast(error, { title: "Could Not Load Apple Status" });
    },
  });

  // The hook may still hold the other feed's answer, or drop its data on an
  // error: the last good answer per feed is kept here too.
  const lastGood = useRef<Partial<Record<FeedSource, LoadedStatus>>>({});
  const fits = (loaded?: LoadedStatus) =>
    loaded?.source === source && (loaded.locale ?? DEFAULT_STATUS_LOCALE) === locale ? loaded : undefined;
  if (fits(data)) lastGood.current[source] = data;
  const shown = fits(data) ?? fits(lastGood.current[source]);
  const reason = failure?.source === source ? failure.reason : undefined;

  const refresh = useCallback(() => {
    load.clearCache();
    void revalidate();
  }, [load, revalidate]);

  const now = clock();
  const pageUrl = source === "developer" ? DEVELOPER_STATUS_PAGE_URL : STATUS_PAGE_URL;
  const issuesOnly = filter === "issues";
  const pick = (services: ShownService[]) => (issuesOnly ? services.filter(isAffected) : services);
  const signIn = shown ? pick(signInServices(shown.feed)) : [];
  const others = shown ? pick(otherServices(shown.feed)) : [];

  const actions = (
    <ActionPanel>
      <ActionPanel.Section>
        <Action.OpenInBrowser title="Open System Status Page" url={pageUrl} />
        {shown && (
          <Action.CopyToClipboard
            title="Copy Status Summary"
            content={statusSummary(shown.feed, shown.fetchedAt, now)}
            shortcut={Keyboard.Shortcut.Common.Copy}
          />
        )}
        <Action
          title="Refresh"
          icon={Icon.ArrowClockwise}
          shortcut={Keyboard.Shortcut.Common.Refresh}
          onAction={refresh}
        />
      </ActionPanel.Section>
    </ActionPanel>
  );

  const row = (service: ShownService) => (
    <ServiceItem key={`${source}:${service.name}`} service={service} now={now} pageUrl={pageUrl} actions={actions} />
  );

  return (
    <List
      isLoading={isLoading}
      isShowingDetail={Boolean(shown) && signIn.length + others.length > 0}
      searchBarPlaceholder="Filter services"
      searchBarAccessory={
        <List.Dropdown tooltip="Feed" value={filter} onChange={(value) => setFilter(toFilter(value))}>
          <List.Dropdown.Item title="Consumer" value="consumer" icon={Icon.Person} />
          <List.Dropdown.Item title="Developer" value="developer" icon={Icon.Hammer} />
          <List.Dropdown.Item title="Issues Only" value="issues" icon={Icon.ExclamationMark} />
        </List.Dropdown>
      }
    >
      {!shown && reason && !isLoading && (
        <List.EmptyView
          icon={{ source: Icon.WifiDisabled, tintColor: Color.Red }}
          title="Could Not Load Apple System Status"
          description={reason}
          actions={actions}
        />
      )}
      {shown && issuesOnly && signIn.length + others.length === 0 && (
        <List.EmptyView
          icon={SERVICE_LOOKS.ok.icon}
          title="No Current Issues"
          description={`Every Apple service is up as of ${clockTime(shown.fetchedAt)}`}
          actions={actions}
        />
      )}
      {signIn.length > 0 && (
        <List.Section title="Sign-In Services" subtitle={sectionSubtitle(signIn, shown!, reason)}>
          {signIn.map(row)}
        </List.Section>
      )}
      {others.length > 0 && (
        <List.Section
          title="Other Services"
          subtitle={signIn.length ? sectionSubtitle(others) : sectionSubtitle(others, shown, reason)}
        >
          {others.map(row)}
        </List.Section>
      )}
    </List>
  );
}

const toFilter = (value: string): StatusFilter => (value === "developer" || value === "issues" ? value : "consumer");

/** "All up · as of 10:42", "1 with issues", "… as of 10:42 (could not refresh)": the time goes on the first section. */
function sectionSubtitle(services: ShownService[], shown?: LoadedStatus, failure?: string): string {
  const affected = services.filter(isAffected).length;
  const words = affected ? `${affected} with issues` : "All up";
  if (!shown) return words;
  const note = shown.note ? ` · ${shown.note}` : "";
  return `${words} · as of ${clockTime(shown.fetchedAt)}${failure ? " (could not refresh)" : ""}${note}`;
}

function accessories(service: ShownService, now: Date): List.Item.Accessory[] {
  const event = headlineEvent(service);
  if (!event) return [];
  if (service.state !== "ok") {
    const look = SERVICE_LOOKS[service.state];
    const since = sinceWords(event.start, now);
    return [
      { tag: { value: STATE_LABELS[service.state], color: look.color } },
      ...(since ? [{ text: since, tooltip: dateTime(event.start) ?? undefined }] : []),
    ];
  }
  return [{ text: { value: pastWords(event, now), color: Color.SecondaryText }, tooltip: event.message || undefined }];
}

function ServiceItem(props: {
  service: ShownService;
  now: Date;
  pageUrl: string;
  actions: List.Item.Props["actions"];
}) {
  const { service, now, actions } = props;
  const look = SERVICE_LOOKS[service.state];
  const headline = headlineEvent(service);
  return (
    <List.Item
      id={service.name}
      title={service.name}
      subtitle={service.englishName}
      icon={{ value: look.icon, tooltip: look.label }}
      keywords={[
        look.label,
        ...(service.signInRelated ? ["sign in"] : []),
        ...(service.englishName ? service.englishName.split(/\s+/) : []),
      ]}
      accessories={accessories(service, now)}
      detail={<ServiceDetail service={service} headline={headline} now={now} pageUrl={props.pageUrl} />}
      actions={actions}
    />
  );
}

function ServiceDetail(props: { service: ShownService; headline?: StatusEvent; now: Date; pageUrl: string }) {
  const { service, headline, now } = props;
  const look = SERVICE_LOOKS[service.state];
  const Metadata = List.Item.Detail.Metadata;
  const current = currentEvents(service);
  const past = service.events.filter((e) => !e.current);
  return (
    <List.Item.Detail
      markdown={detailMarkdown(service, current, past, now)}
      metadata={
        <Metadata>
          <Metadata.TagList title="State">
            <Metadata.TagList.Item text={look.label} color={look.color} />
          </Metadata.TagList>
          {service.englishName && <Metadata.Label title="In English" text={service.englishName} />}
          {headline && (
            <>
              {headline.usersAffected && <Metadata.Label title="Users Affected" text={headline.usersAffected} />}
              <Metadata.Label title="Started" text={dateTime(headline.start) ?? headline.startText ?? "Unknown"} />
              <Metadata.Label
                title="Ended"
                text={dateTime(headline.end) ?? headline.endText ?? (headline.current ? "Ongoing" : "Unknown")}
              />
              {headline.affectedServices.length > 0 && (
                <Metadata.TagList title="Affected Services">
                  {headline.affectedServices.map((name) => (
                    <Metadata.TagList.Item key={name} text={name} />
                  ))}
                </Metadata.TagList>
              )}
            </>
          )}
          <Metadata.Separator />
          <Metadata.Link title="Details" text="System Status Page" target={props.pageUrl} />
        </Metadata>
      }
    />
  );
}

function eventMarkdown(event: StatusEvent, now: Date): string {
  const when = event.current ? sinceWords(event.start, now) : pastWords(event, now);
  const head = `**${STATE_LABELS[eventState(event)]}**${when ? ` · ${when}` : ""}`;
  const users = event.usersAffected ? `\n\n_${event.usersAffected}_` : "";
  return `${head}\n\n${event.message.trim() || "No message from Apple."}${users}`;
}

function detailMarkdown(service: ShownService, current: StatusEvent[], past: StatusEvent[], now: Date): string {
  const parts = [`# ${service.name}`];
  if (current.length) parts.push(...current.map((e) => eventMarkdown(e, now)));
  else parts.push("No current issues reported.");
  if (past.length) parts.push("## Recent Events", ...past.map((e) => eventMarkdown(e, now)));
  return parts.join("\n\n");
}

import { showFailureToast, useCachedPromise, withCache } from "@raycast/utils";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Host } from "../../core/host/types";
import { DEFAULT_STATUS_LOCALE, localizedFeedUrl } from "../../core/settings";
import { fetchStatusFeed, type FeedSource, type FetchStatusOptions, type StatusFetch } from "../../core/status-client";
import { DEFAULT_TARGETS, type Targets } from "../../core/targets";
import { listedServiceNames, pairLocalizedFeed, type ShownFeed } from "../status-summary";

export interface LoadedStatus {
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

export interface AppleStatusOptions {
  host: Host;
  now?: () => Date;
  targets?: Targets;
}

/**
 * One of Apple's status feeds on useCachedPromise (reopening shows the last
 * answer at once), each answer kept for a minute by withCache (in Raycast's
 * Cache, so across launches too). A failed refresh keeps the last good answer
 * for that feed on screen and says why in `reason` and a toast.
 */
export function useAppleStatus(source: FeedSource, locale: string, props: AppleStatusOptions) {
  const latest = useRef(props);
  latest.current = props;
  const clock = useCallback(() => (latest.current.now ?? (() => latest.current.host.now()))(), []);
  /** The last failure, per feed; cleared by the next success. */
  const [failure, setFailure] = useState<{ source: FeedSource; reason: string }>();

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

  return { shown, reason, isLoading, refresh, clock };
}

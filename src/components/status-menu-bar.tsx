import { Icon, LaunchType, MenuBarExtra, launchCommand, open, showHUD } from "@raycast/api";
import { useCallback, useEffect, useRef, useState } from "react";
import { STATUS_PAGE_URL } from "../core/fix-titles";
import type { Host } from "../core/host/types";
import { fetchStatusFeed } from "../core/status-client";
import { DEFAULT_TARGETS, type Targets } from "../core/targets";
import { SERVICE_LOOKS, UNKNOWN_LOOK } from "./service-looks";
import {
  STATE_LABELS,
  clockTime,
  distinctCurrentEvents,
  headlineEvent,
  isAffected,
  readSavedStatus,
  signInServices,
  sinceWords,
  shortReason,
  worstState,
  type SavedStatus,
} from "./status-summary";

/** What the menu bar needs of Raycast's Cache (a Map in tests). */
export interface StatusCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface StatusMenuBarProps {
  host: Host;
  /** Keeps the last good answer between runs, so the menu opens with it at once. */
  cache: StatusCache;
  /** The clock for "for 23 min" and the feed's notion of "current"; the host's by default. */
  now?: () => Date;
  targets?: Targets;
}

export const MENU_BAR_CACHE_KEY = "apple-status/consumer";

/**
 * Apple's sign-in services in the menu bar. The last good answer renders first
 * (while the feed is fetched again), and always with its time: when the
 * refresh fails it says so instead of passing old data off as fresh.
 */
export function StatusMenuBar(props: StatusMenuBarProps) {
  const latest = useRef(props);
  latest.current = props;
  const clock = useCallback(() => (latest.current.now ?? (() => latest.current.host.now()))(), []);
  const [saved, setSaved] = useState<SavedStatus | undefined>(() =>
    readSavedStatus(props.cache.get(MENU_BAR_CACHE_KEY)),
  );
  const [failure, setFailure] = useState<string>();
  const [isLoading, setIsLoading] = useState(true);

  useEffect(() => {
    let live = true;
    (async () => {
      const { host, cache, targets = DEFAULT_TARGETS } = latest.current;
      try {
        const fetched = await fetchStatusFeed(host, targets.statusFeeds.consumer, { now: clock(), source: "consumer" });
        if (!live) return;
        if (fetched.ok) {
          const value: SavedStatus = { source: "consumer", feed: fetched.feed, fetchedAt: fetched.fetchedAt };
          cache.set(MENU_BAR_CACHE_KEY, JSON.stringify(value));
          setSaved(value);
          setFailure(undefined);
        } else {
          setFailure(fetched.reason);
        }
      } catch (error) {
        // fetchStatusFeed does not throw; a broken cache write still must not keep the menu loading.
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      } finally {
        // Raycast unloads a menu-bar command once it stops loading.
        if (live) setIsLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [clock]);

  const now = clock();
  const signIn = saved ? signInServices(saved.feed) : [];
  const affected = signIn.filter(isAffected);
  const worst = saved ? worstState(signIn.map((s) => s.state)) : undefined;
  const count = distinctCurrentEvents(signIn).length;
  const look = worst ? SERVICE_LOOKS[worst] : UNKNOWN_LOOK;
  // Raycast unloads a menu-bar command once an item is clicked, so a toast
  // raised afterwards is never seen: a HUD is.
  const openPage = () => open(STATUS_PAGE_URL).catch((error) => failureHud("Could Not Open System Status", error));
  const openCommand = () =>
    launchCommand({ name: "check-apple-status", type: LaunchType.UserInitiated }).catch((error) =>
      failureHud("Could Not Open Check Apple Status", error),
    );

  return (
    <MenuBarExtra
      icon={look.icon}
      title={count > 0 ? String(count) : undefined}
      tooltip={tooltip(saved, affected, failure, isLoading)}
      isLoading={isLoading}
    >
      {saved && (
        <MenuBarExtra.Section title="Apple Sign-In Services">
          {affected.length === 0 ? (
            <MenuBarExtra.Item icon={SERVICE_LOOKS.ok.icon} title="All Sign-In Services Up" onAction={openPage} />
          ) : (
            affected.map((service) => {
              const event = headlineEvent(service);
              const since = event ? sinceWords(event.start, now) : "";
              return (
                <MenuBarExtra.Item
                  key={service.name}
                  icon={SERVICE_LOOKS[service.state].icon}
                  title={service.name}
                  subtitle={`${STATE_LABELS[service.state]}${since ? ` ${since}` : ""}`}
                  tooltip={event?.message || undefined}
                  onAction={openPage}
                />
              );
            })
          )}
        </MenuBarExtra.Section>
      )}
      <MenuBarExtra.Section>
        {saved && failure && (
          <MenuBarExtra.Item icon={Icon.Warning} title={`Couldn't refresh: ${shortReason(failure)}`} />
        )}
        {saved && <MenuBarExtra.Item icon={Icon.Clock} title={`As of ${clockTime(saved.fetchedAt)}`} />}
        {!saved && failure && (
          <MenuBarExtra.Item
            icon={Icon.WifiDisabled}
            title={`Couldn't check Apple's status: ${shortReason(failure)}`}
          />
        )}
        {!saved && !failure && <MenuBarExtra.Item icon={Icon.CircleProgress} title="Checking Apple's status…" />}
      </MenuBarExtra.Section>
      <MenuBarExtra.Section>
        <MenuBarExtra.Item icon={Icon.Globe} title="Open System Status" onAction={openPage} />
        <MenuBarExtra.Item icon={Icon.List} title="Check Apple Status…" onAction={openCommand} />
      </MenuBarExtra.Section>
    </MenuBarExtra>
  );
}

function failureHud(title: string, error: unknown): Promise<void> {
  return showHUD(`${title}: ${error instanceof Error ? error.message : String(error)}`);
}

function tooltip(
  saved: SavedStatus | undefined,
  affected: ReturnType<typeof signInServices>,
  failure: string | undefined,
  isLoading: boolean,
): string {
  if (!saved) {
    return failure ? `Apple System Status: couldn't check (${shortReason(failure)})` : "Checking Apple System Status…";
  }
  const state = affected.length
    ? `Apple sign-in services with issues: ${affected.map((s) => `${s.name} (${STATE_LABELS[s.state]})`).join(", ")}`
    : "All Apple sign-in services are up";
  const stale = failure ? ", couldn't refresh" : isLoading ? ", refreshing" : "";
  return `${state} (as of ${clockTime(saved.fetchedAt)}${stale})`;
}

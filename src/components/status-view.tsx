import { Action, ActionPanel, Color, Icon, Keyboard, List } from "@raycast/api";
import { useCachedState } from "@raycast/utils";
import { STATUS_PAGE_URL } from "../core/fix-titles";
import type { Host } from "../core/host/types";
import { DEFAULT_STATUS_LOCALE } from "../core/settings";
import type { FeedSource } from "../core/status-client";
import type { Targets } from "../core/targets";
import { DetailPaneOpen } from "./pane-aware-item";
import { DEVELOPER_STATUS_PAGE_URL, SERVICE_LOOKS } from "./service-looks";
import { ServiceItem } from "./status/service-item";
import { useAppleStatus, type LoadedStatus } from "./status/use-apple-status";
import {
  clockTime,
  isAffected,
  otherServices,
  signInServices,
  statusSummary,
  type ShownService,
} from "./status-summary";

export type StatusFilter = "consumer" | "developer" | "issues";

export interface StatusViewProps {
  host: Host;
  /** The clock for "for 23 min" and the feed's notion of "current"; the host's by default. */
  now?: () => Date;
  /** Where the feeds live; Apple's by default. */
  targets?: Targets;
  /**
   * The consumer feed's language for display (`ja_JP`); en_US by default. Which
   * services sign-in depends on is still decided from the en_US feed.
   */
  statusLocale?: string;
}

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
  const { shown, reason, isLoading, refresh, clock } = useAppleStatus(source, locale, props);
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

  const showingDetail = Boolean(shown) && signIn.length + others.length > 0;
  return (
    <List
      isLoading={isLoading}
      isShowingDetail={showingDetail}
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
      <DetailPaneOpen.Provider value={showingDetail}>
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
      </DetailPaneOpen.Provider>
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

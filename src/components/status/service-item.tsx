import { Color, List } from "@raycast/api";
import { currentEvents, type StatusEvent } from "../../core/parse/status-feed";
import { PaneAwareItem } from "../pane-aware-item";
import { SERVICE_LOOKS } from "../service-looks";
import {
  STATE_LABELS,
  dateTime,
  eventState,
  headlineEvent,
  pastWords,
  sinceWords,
  type ShownService,
} from "../status-summary";

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

/** One Apple service: its state, how long the headline event has run, and every event in the pane. */
export function ServiceItem(props: {
  service: ShownService;
  now: Date;
  pageUrl: string;
  actions: List.Item.Props["actions"];
}) {
  const { service, now, actions } = props;
  const look = SERVICE_LOOKS[service.state];
  const headline = headlineEvent(service);
  return (
    <PaneAwareItem
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
      markdown={detailMarkdown(service, current, past, now, headline)}
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

/** `withUsers` off for the event the metadata already shows "Users Affected" for: said once. */
function eventMarkdown(event: StatusEvent, now: Date, withUsers = true): string {
  const when = event.current ? sinceWords(event.start, now) : pastWords(event, now);
  const head = `**${STATE_LABELS[eventState(event)]}**${when ? ` · ${when}` : ""}`;
  const users = withUsers && event.usersAffected ? `\n\n_${event.usersAffected}_` : "";
  return `${head}\n\n${event.message.trim() || "No message from Apple."}${users}`;
}

function detailMarkdown(
  service: ShownService,
  current: StatusEvent[],
  past: StatusEvent[],
  now: Date,
  headline?: StatusEvent,
): string {
  const parts = [`# ${service.name}`];
  if (current.length) parts.push(...current.map((e) => eventMarkdown(e, now, e !== headline)));
  else parts.push("No current issues reported.");
  if (past.length) parts.push("## Recent Events", ...past.map((e) => eventMarkdown(e, now)));
  return parts.join("\n\n");
}

import { Color, Icon, List } from "@raycast/api";
import type { AccountEntry } from "./account-data";
import type { Panel } from "./account-rows";
import { PaneAwareItem } from "../pane-aware-item";

/** One signed-in account, then a row per iCloud service it lists. */
export function AccountEntryRows({ entry, index, panel }: { entry: AccountEntry; index: number; panel: Panel }) {
  const on = entry.services.filter((s) => s.enabled);
  const off = entry.services.filter((s) => !s.enabled);
  const kind = entry.managed ? "Managed Apple Account" : "Apple Account";
  const accessories: List.Item.Accessory[] = [{ tag: { value: "Signed In", color: Color.Green } }];
  if (entry.managed)
    accessories.push({
      tag: { value: "Managed", color: Color.Blue },
      tooltip: "Set up by an organization: some settings are theirs to change",
    });
  const who = entry.email ?? "An Apple Account";
  const markdown = [
    "## Signed In",
    "",
    `${who}${entry.displayName ? ` (${entry.displayName})` : ""} is signed in to iCloud on this Mac.`,
    "",
    entry.managed
      ? "This is a **Managed Apple Account**: an organization set it up, and some iCloud services may be theirs to turn on or off."
      : "This is a personal Apple Account (not managed by an organization).",
    "",
    `${on.length} of ${entry.services.length} iCloud ${entry.services.length === 1 ? "service is" : "services are"} on.`,
  ].join("\n");
  return (
    <>
      <PaneAwareItem
        id={`account:${index}`}
        title={entry.email ?? "Apple Account"}
        subtitle={kind}
        icon={{ source: Icon.PersonCircle, tintColor: Color.Green }}
        keywords={["signed in", kind]}
        accessories={accessories}
        detail={
          <List.Item.Detail
            markdown={markdown}
            metadata={
              <List.Item.Detail.Metadata>
                <List.Item.Detail.Metadata.Label title="Apple Account" text={entry.email ?? "Unknown"} />
                {entry.displayName && <List.Item.Detail.Metadata.Label title="Name" text={entry.displayName} />}
                <List.Item.Detail.Metadata.Label title="Managed" text={entry.managed ? "Yes" : "No"} />
                <List.Item.Detail.Metadata.Separator />
                <List.Item.Detail.Metadata.TagList title="iCloud Services On">
                  {on.length ? (
                    on.map((s) => (
                      <List.Item.Detail.Metadata.TagList.Item key={s.id} text={s.name} color={Color.Green} />
                    ))
                  ) : (
                    <List.Item.Detail.Metadata.TagList.Item text="None" color={Color.SecondaryText} />
                  )}
                </List.Item.Detail.Metadata.TagList>
                {off.length > 0 && (
                  <List.Item.Detail.Metadata.TagList title="Off">
                    {off.map((s) => (
                      <List.Item.Detail.Metadata.TagList.Item key={s.id} text={s.name} color={Color.SecondaryText} />
                    ))}
                  </List.Item.Detail.Metadata.TagList>
                )}
              </List.Item.Detail.Metadata>
            }
          />
        }
        actions={panel(null)}
      />
      {entry.services.length === 0 ? (
        <PaneAwareItem
          id={`service:${index}:none`}
          title="No iCloud Services Listed"
          subtitle="The account settings name no services"
          icon={{ source: Icon.Cloud, tintColor: Color.SecondaryText }}
          actions={panel(null)}
        />
      ) : (
        entry.services.map((service) => (
          <PaneAwareItem
            key={service.id}
            id={`service:${index}:${service.id}`}
            title={service.name}
            icon={{
              source: service.enabled ? Icon.CheckCircle : Icon.Circle,
              tintColor: service.enabled ? Color.Green : Color.SecondaryText,
            }}
            keywords={["icloud", service.id]}
            accessories={[
              {
                tag: {
                  value: service.enabled ? "On" : "Off",
                  color: service.enabled ? Color.Green : Color.SecondaryText,
                },
              },
            ]}
            detail={
              <List.Item.Detail
                markdown={`## ${service.name}\n\n${service.enabled ? "On" : "Off"} for this account. Turn iCloud services on or off in System Settings → your name → iCloud.`}
              />
            }
            actions={panel(null)}
          />
        ))
      )}
    </>
  );
}

import { Color, Icon } from "@raycast/api";
import type { ServiceState } from "../core/parse/status-feed";
import { STATE_LABELS } from "./status-summary";

// One look per Apple service state, shared by Check Apple Status and the menu
// bar: green is up, red an outage, orange an issue, yellow slow, blue maintenance.

export interface ServiceLook {
  icon: { source: Icon; tintColor: Color };
  color: Color;
  label: string;
}

const look = (source: Icon, color: Color, state: ServiceState): ServiceLook => ({
  icon: { source, tintColor: color },
  color,
  label: STATE_LABELS[state],
});

export const SERVICE_LOOKS: Record<ServiceState, ServiceLook> = {
  ok: look(Icon.CheckCircle, Color.Green, "ok"),
  outage: look(Icon.XMarkCircle, Color.Red, "outage"),
  issue: look(Icon.ExclamationMark, Color.Orange, "issue"),
  performance: look(Icon.Gauge, Color.Yellow, "performance"),
  maintenance: look(Icon.Hammer, Color.Blue, "maintenance"),
};

/** No status to show (never fetched, or the saved one is unreadable). */
export const UNKNOWN_LOOK = {
  icon: { source: Icon.QuestionMarkCircle, tintColor: Color.SecondaryText },
  color: Color.SecondaryText,
};

/** Apple's developer feed has its own page. */
export const DEVELOPER_STATUS_PAGE_URL = "https://developer.apple.com/system-status/";

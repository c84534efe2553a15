import { Color, Icon } from "@raycast/api";
import type { Status } from "../core/types";

// One look per status everywhere in the extension, so a colour means the
// same thing in the checklist, the diagnosis and the menu bar.

export interface StatusLook {
  icon: { source: Icon; tintColor: Color };
  color: Color;
  word: string;
}

export const STATUS_LOOKS: Record<Status, StatusLook> = {
  pass: { icon: { source: Icon.CheckCircle, tintColor: Color.Green }, color: Color.Green, word: "Passed" },
  warn: { icon: { source: Icon.ExclamationMark, tintColor: Color.Orange }, color: Color.Orange, word: "Warning" },
  fail: { icon: { source: Icon.XMarkCircle, tintColor: Color.Red }, color: Color.Red, word: "Failed" },
  skip: {
    icon: { source: Icon.MinusCircle, tintColor: Color.SecondaryText },
    color: Color.SecondaryText,
    word: "Skipped",
  },
  // Purple, not red: the check broke, which says nothing about the Mac.
  error: { icon: { source: Icon.Bug, tintColor: Color.Purple }, color: Color.Purple, word: "Error" },
};

/** A probe that has not settled yet. */
export const PENDING_LOOK: StatusLook = {
  icon: { source: Icon.CircleProgress, tintColor: Color.SecondaryText },
  color: Color.SecondaryText,
  word: "Checking…",
};

export function statusLook(status: Status | undefined): StatusLook {
  return status ? STATUS_LOOKS[status] : PENDING_LOOK;
}

/** The same looks as separate tables, for callers that need only one part. */
export const STATUS_ICONS = Object.fromEntries(
  Object.entries(STATUS_LOOKS).map(([status, look]) => [status, look.icon]),
) as Record<Status, StatusLook["icon"]>;
export const STATUS_WORDS = Object.fromEntries(
  Object.entries(STATUS_LOOKS).map(([status, look]) => [status, look.word]),
) as Record<Status, string>;
export const PENDING_ICON = PENDING_LOOK.icon;
export const PENDING_WORD = PENDING_LOOK.word;

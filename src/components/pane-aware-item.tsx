import { List } from "@raycast/api";
import { createContext, useContext } from "react";

/** Whether the list around a row shows its detail pane; the view provides it. */
export const DetailPaneOpen = createContext(false);

/**
 * A List.Item that keeps only its icon and title while the detail pane is
 * open: the pane says the rest, and Raycast would squeeze subtitles and tags
 * into the narrow column anyway (as Raycast's own brew extension does).
 */
export function PaneAwareItem(props: List.Item.Props) {
  const open = useContext(DetailPaneOpen);
  return open ? <List.Item {...props} subtitle={undefined} accessories={[]} /> : <List.Item {...props} />;
}

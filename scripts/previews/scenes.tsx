// The Store previews: each command's real view component, fed by a replayed
// recording, rendered through the @raycast/api mock the tests use (the caller
// aliases @raycast/api and @raycast/utils to test/mocks/), read back with the
// test harness, and turned into plain data that html.ts lays out like Raycast.
import { List } from "@raycast/api";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReactElement, ReactNode } from "react";
import { ChecklistView } from "../../src/components/checklist-view";
import { ClockView } from "../../src/components/clock-view";
import { DnsView } from "../../src/components/dns-view";
import { ExplainView } from "../../src/components/explain-view";
import { StatusMenuBar, type StatusCache } from "../../src/components/status-menu-bar";
import { IcloudView } from "../../src/components/icloud-view";
import { StatusView } from "../../src/components/status-view";
import type { KeyValueStorage } from "../../src/core/history";
import { createBackupStore } from "../../src/core/host/backups";
import { parseRecording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Host } from "../../src/core/host/types";
import { CHECKLIST_PROBES } from "../../src/core/probes";
import { __mock } from "../../test/mocks/raycast-api";
import {
  render,
  type Harness,
  type RenderedAction,
  type RenderedDetail,
  type RenderedSection,
} from "../../test/support/render";

/** What one command shows once it has finished loading, as plain data. */
export interface Screen {
  /** Manifest command name. */
  command: string;
  /** The recording it was fed. */
  recording: string;
  navigationTitle?: string;
  searchBarPlaceholder?: string;
  /** The search bar's dropdown, when the view has one. */
  dropdown?: { tooltip?: string; value?: string };
  isShowingDetail: boolean;
  sections: RenderedSection[];
  /** The first row's detail: the selected row, as Raycast selects the first one. */
  detail?: RenderedDetail;
  /** The first row's action panel: its first action is the primary one (↵). */
  actions: RenderedAction[];
  /** A menu bar command: its title, icon and tooltip (`actions` then holds its menu). */
  menuBar?: { title?: string; icon?: unknown; tooltip?: string };
}

export interface Scene {
  /** Manifest command name. */
  command: string;
  /** Recording in test/fixtures/recordings/, without .json. */
  recording: string;
  /** One line for people: what the screenshot shows. */
  caption: string;
  view(host: Host): ReactElement;
  /** Optional steps after loading, each one an action a person takes (e.g. ⌘D). */
  then?: (h: Harness) => Promise<void>;
  /** False for a picture only the README shows: the Store takes at most 6. */
  store?: boolean;
}

/** A command's title from the manifest under `root`: what Raycast shows when a view sets no navigationTitle. */
function commandTitle(root: string, name: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    commands: Array<{ name: string; title: string }>;
  };
  return manifest.commands.find((command) => command.name === name)?.title;
}

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: async (key) => map.get(key),
    setItem: async (key, value) => void map.set(key, value),
  };
}

/** Presses ⌘D ("Show Details") on the first row, when the view hides its detail pane. */
async function showDetails(h: Harness): Promise<void> {
  if (h.isShowingDetail()) return;
  const first = h.items()[0];
  if (first && h.actions(first.title).some((a) => a.title === "Show Details")) {
    await h.runAction("Show Details", first.title);
  }
}

/** Each command's icon in assets/, until the manifest names one (then the manifest wins). */
export const COMMAND_ICONS: Record<string, string> = {
  "run-full-checklist": "command-checklist.png",
  "flush-dns": "command-dns.png",
  "verify-clock": "command-clock.png",
  "check-apple-status": "command-status.png",
  "apple-status-menu-bar": "command-status.png",
  "clear-icloud-tokens": "command-icloud.png",
  "explain-error": "command-explain.png",
};

interface Manifest {
  icon?: string;
  commands?: Array<{ name: string; icon?: string }>;
}

/** The icon file (in assets/) Raycast shows for a command: its own, else the extension's. */
export function commandIcon(manifest: Manifest, command: string): string {
  const own = manifest.commands?.find((c) => c.name === command)?.icon;
  return own ?? COMMAND_ICONS[command] ?? manifest.icon ?? "extension-icon.png";
}

function memoryCache(): StatusCache {
  const map = new Map<string, string>();
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

/** In screenshot order: metadata/apple-id-doctor-1.png … -6.png, then the README-only ones. */
export const SCENES: Scene[] = [
  // First what the extension is for: a failing Mac, and the Diagnosis naming the cause and its fix.
  {
    command: "run-full-checklist",
    recording: "dns-broken",
    caption:
      "Run Full Checklist on a Mac whose DNS can't find Apple's sign-in servers: the Diagnosis names the cause and its fix.",
    view: (host) => <ChecklistView host={host} probes={CHECKLIST_PROBES} storage={memoryStorage()} />,
    // ⌘D: the diagnosis with its evidence beside the list.
    then: showDetails,
  },
  {
    command: "explain-error",
    recording: "healthy",
    caption: "Explain Error for -20209: what it means, how sure that is, what to do, and the checks that confirm it.",
    view: (host) => <ExplainView host={host} storage={memoryStorage()} initialQuery="-20209" />,
    then: showDetails,
  },
  {
    command: "verify-clock",
    recording: "clock-ahead",
    caption: "Verify Clock on a Mac running 9 minutes fast, with Sync Clock as the fix.",
    view: (host) => <ClockView host={host} storage={memoryStorage()} />,
    // ⌘D: the diagnosis with its evidence and fix beside the list.
    then: showDetails,
  },
  {
    command: "check-apple-status",
    recording: "apple-outage",
    caption: "Check Apple Status during an Apple Account outage: sign-in services first.",
    view: (host) => <StatusView host={host} />,
  },
  {
    command: "flush-dns",
    recording: "dns-broken",
    caption: "Flush DNS when this Mac's resolver can't find Apple's sign-in servers but public DNS can.",
    // As it opens: the list alone, each host against 1.1.1.1 and 8.8.8.8.
    view: (host) => <DnsView host={host} storage={memoryStorage()} />,
  },
  {
    command: "clear-icloud-tokens",
    recording: "healthy",
    caption: "Clear iCloud Tokens: who is signed in, the repair steps in order, and backups.",
    view: (host) => (
      <IcloudView
        host={host}
        storage={memoryStorage()}
        backups={createBackupStore(join(mkdtempSync(join(tmpdir(), "aid-previews-")), "backups"))}
      />
    ),
    // ⌘D: who is signed in, with the services beside the list.
    then: showDetails,
  },
  {
    command: "apple-status-menu-bar",
    recording: "apple-outage",
    caption:
      "Show Apple Status in the menu bar during an Apple Account outage: tinted by the worst state, the event in the menu.",
    view: (host) => <StatusMenuBar host={host} cache={memoryCache()} />,
    store: false,
  },
];

// The harness does not read the search bar's dropdown: watch List.Dropdown's
// props as it renders (the same approach as test/ui/check-apple-status.test.tsx).
interface DropdownProps {
  tooltip?: string;
  value?: string;
  defaultValue?: string;
  children?: ReactNode;
}
const dropdownSeen: { props?: DropdownProps } = {};
/** What the dropdown last rendered with (read through a call: it changes behind TypeScript's back). */
const lastDropdown = (): DropdownProps | undefined => dropdownSeen.props;
let watching = false;
function watchDropdown(): void {
  if (watching) return;
  watching = true;
  const original = List.Dropdown;
  const watched = Object.assign(
    (props: DropdownProps) => {
      dropdownSeen.props = props;
      return (original as unknown as (p: typeof props) => ReactNode)(props);
    },
    { Item: original.Item, Section: original.Section },
  );
  (List as unknown as { Dropdown: unknown }).Dropdown = watched;
}

/** The title of the dropdown item whose value is selected. */
function dropdownTitle(children: ReactNode, value: string | undefined): string | undefined {
  const items: Array<{ title?: string; value?: string }> = [];
  const visit = (node: ReactNode): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === "object" && "props" in node) {
      const props = (node as { props: { title?: string; value?: string; children?: ReactNode } }).props;
      if (props.value !== undefined) items.push(props);
      visit(props.children);
    }
  };
  visit(children);
  return (items.find((item) => item.value === value) ?? items[0])?.title;
}

/** Renders one scene to the end of loading (and its follow-up steps) and reads it back. */
export async function renderScene(scene: Scene, root: string): Promise<Screen> {
  watchDropdown();
  __mock.reset();
  dropdownSeen.props = undefined;
  const recording = parseRecording(
    readFileSync(join(root, "test", "fixtures", "recordings", `${scene.recording}.json`), "utf8"),
  );
  const h = await render(scene.view(createReplayHost(recording)));
  try {
    await h.waitFor(() => !h.isLoading() && (h.items().length > 0 || !!h.emptyView || !!h.menuBar), {
      timeoutMs: 15000,
    });
    await scene.then?.(h);
    const sections = h.sections();
    const first = sections[0]?.items[0] ?? h.items()[0];
    const seen = lastDropdown();
    const dropdown = seen
      ? { tooltip: seen.tooltip, value: dropdownTitle(seen.children, seen.value ?? seen.defaultValue) }
      : undefined;
    return {
      command: scene.command,
      recording: scene.recording,
      // Root commands leave it unset: Raycast shows the command's title.
      navigationTitle: h.navigationTitle ?? commandTitle(root, scene.command),
      searchBarPlaceholder: h.searchBarPlaceholder,
      dropdown,
      isShowingDetail: h.isShowingDetail(),
      sections: sections.length > 0 ? sections : [{ items: h.items() }],
      detail: first?.detail,
      actions: first ? h.actions(first.title) : h.actions(),
      ...(h.menuBar ? { menuBar: h.menuBar } : {}),
    };
  } finally {
    await h.unmount();
  }
}

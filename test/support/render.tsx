// Renders a Raycast view against the @raycast/api mock and answers questions
// in terms of what a person would see: sections, rows, accessories, the action
// panel, toasts (via the mock's __mock). The mock components carry their props
// into a react-test-renderer tree; this file walks that tree by component
// identity, so tests never depend on how a component is put together.
import { Fragment, useMemo, useState, type ReactElement, type ReactNode } from "react";
import TestRenderer, { act, type ReactTestInstance, type ReactTestRenderer } from "react-test-renderer";
import {
  Action,
  ActionPanel,
  Clipboard,
  Detail,
  Form,
  List,
  MenuBarExtra,
  __mock,
  dropdownKey,
  open,
  showHUD,
  type Navigation,
} from "../mocks/raycast-api";

// Tells React that updates are driven through act(), so effects flush there.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Shortcut {
  modifiers: string[];
  key: string;
}

/** A row accessory with its value as plain data: exactly one of text, tag, date or icon. */
export interface RenderedAccessory {
  text?: string;
  tag?: string;
  date?: Date;
  icon?: unknown;
  color?: string;
  tooltip?: string;
}

export interface RenderedMetadata {
  kind: "label" | "tags" | "link" | "separator";
  title?: string;
  text?: string;
  color?: string;
  icon?: unknown;
  tags?: Array<{ text: string; color?: string }>;
  target?: string;
}

export interface RenderedDetail {
  markdown?: string;
  metadata: RenderedMetadata[];
}

export interface RenderedItem {
  id?: string;
  title: string;
  subtitle?: string;
  icon?: unknown;
  accessories: RenderedAccessory[];
  keywords: string[];
  /** Title of the section the row is in. */
  section?: string;
  detail?: RenderedDetail;
}

export interface RenderedSection {
  title?: string;
  subtitle?: string;
  items: RenderedItem[];
}

export type ActionKind =
  "Action" | "CopyToClipboard" | "Open" | "OpenInBrowser" | "Paste" | "Push" | "ShowInFinder" | "MenuBarExtra.Item";

export interface RenderedAction {
  title: string;
  kind: ActionKind;
  /** Title of the ActionPanel.Section (or MenuBarExtra.Section) it is in. */
  section?: string;
  submenu?: string;
  shortcut?: Shortcut;
  /** The explicit shortcut as macOS prints it, e.g. "⇧⌘C". */
  keys?: string;
  /**
   * The key Raycast binds by position: the panel's first action gets ↩ and the
   * second ⌘↩ in a List or Detail (⌘↩ and ⇧⌘↩ in a Form), on top of any
   * explicit shortcut (@raycast/api types/index.d.ts, ActionPanel).
   */
  defaultKeys?: string;
  icon?: unknown;
  style?: string;
  /** CopyToClipboard / Paste: exactly what would land on the clipboard. */
  content?: unknown;
  /** CopyToClipboard: kept out of Raycast's clipboard history. */
  concealed?: boolean;
  /** OpenInBrowser. */
  url?: string;
  /** Open: the file or URL handed to the system. */
  target?: string;
  /** ShowInFinder. */
  path?: string;
}

export type ViewKind = "List" | "Detail" | "Form" | "MenuBarExtra";

export interface Harness {
  /** The kind of the view on top of the navigation stack. */
  view(): ViewKind | undefined;
  sections(): RenderedSection[];
  items(): RenderedItem[];
  /** The first row with exactly this title; throws listing the titles when there is none. */
  item(title: string): RenderedItem;
  /** An item's action panel, or without a title the view's own (List, Detail, EmptyView, menu bar items). */
  actions(itemTitle?: string): RenderedAction[];
  /** Performs an action as Raycast would: onAction, a copy into the mock clipboard, a push, an open. */
  runAction(title: string, itemTitle?: string): Promise<void>;
  isLoading(): boolean;
  isShowingDetail(): boolean;
  /** A Detail view's markdown and metadata. */
  detail(): RenderedDetail | undefined;
  readonly navigationTitle: string | undefined;
  readonly searchBarPlaceholder: string | undefined;
  readonly emptyView: { title?: string; description?: string; icon?: unknown } | undefined;
  /** The menu bar's own title/icon/tooltip when the view is a MenuBarExtra. */
  readonly menuBar: { title?: string; icon?: unknown; tooltip?: string } | undefined;
  /** Picks a value in the view's search-bar dropdown as a person would (Raycast stores it under storeValue). */
  chooseDropdown(value: string): Promise<void>;
  /** How many views are stacked (1 = the command's own). */
  navigationDepth(): number;
  pop(): Promise<void>;
  /** Polls (inside act) until `predicate` returns a truthy value and returns it; throws after `timeoutMs`. */
  waitFor<T>(predicate: (harness: Harness) => T, options?: { timeoutMs?: number }): Promise<NonNullable<T>>;
  /** Runs `fn` inside act, e.g. to resolve a promise a component is waiting on. */
  act(fn: () => unknown): Promise<void>;
  /** A plain-text outline of the view, for failure messages. */
  dump(): string;
  unmount(): Promise<void>;
}

type Instance = ReactTestInstance;
type AnyProps = Record<string, unknown>;

const ROOT_VIEWS = new Map<unknown, ViewKind>([
  [List, "List"],
  [Detail, "Detail"],
  [Form, "Form"],
  [MenuBarExtra, "MenuBarExtra"],
]);

const ACTION_KINDS = new Map<unknown, ActionKind>([
  [Action, "Action"],
  [Action.CopyToClipboard, "CopyToClipboard"],
  [Action.Open, "Open"],
  [Action.OpenInBrowser, "OpenInBrowser"],
  [Action.Paste, "Paste"],
  [Action.Push, "Push"],
  [Action.ShowInFinder, "ShowInFinder"],
  [MenuBarExtra.Item, "MenuBarExtra.Item"],
]);

// Raycast's default titles for actions that have one.
const DEFAULT_TITLES: Partial<Record<ActionKind, string>> = {
  CopyToClipboard: "Copy to Clipboard",
  OpenInBrowser: "Open in Browser",
  Paste: "Paste in Active App",
  ShowInFinder: "Show in Finder",
};

// ---------------------------------------------------------------------------
// Plain values out of Raycast's "string or { value, color }" props

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "value" in value) return textOf((value as { value: unknown }).value);
  return undefined;
}

function colorOf(value: unknown): string | undefined {
  if (value && typeof value === "object" && "color" in value) return (value as { color?: string }).color;
  return undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function accessoryOf(raw: AnyProps): RenderedAccessory {
  const tooltip = raw.tooltip as string | undefined;
  if ("tag" in raw) {
    const tag = raw.tag;
    const value = tag && typeof tag === "object" && "value" in tag ? (tag as { value: unknown }).value : tag;
    return compact({ tag: textOf(value), color: colorOf(tag), icon: raw.icon, tooltip });
  }
  if ("date" in raw) {
    const date = raw.date;
    const value = date instanceof Date ? date : (date as { value?: Date } | undefined)?.value;
    return compact({ date: value, color: colorOf(date), icon: raw.icon, tooltip });
  }
  if ("text" in raw) return compact({ text: textOf(raw.text), color: colorOf(raw.text), icon: raw.icon, tooltip });
  return compact({ icon: raw.icon, tooltip });
}

function formatKeys(shortcut: Shortcut | undefined): string | undefined {
  if (!shortcut) return undefined;
  // macOS prints modifiers in this order.
  const symbols: Record<string, string> = { ctrl: "⌃", opt: "⌥", alt: "⌥", shift: "⇧", cmd: "⌘" };
  const order = ["ctrl", "opt", "alt", "shift", "cmd"];
  const mods = [...shortcut.modifiers].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const keys: Record<string, string> = { return: "↩", enter: "⌅", delete: "⌫", arrowUp: "↑", arrowDown: "↓" };
  return mods.map((m) => symbols[m] ?? m).join("") + (keys[shortcut.key] ?? shortcut.key.toUpperCase());
}

function shortcutOf(raw: unknown): Shortcut | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  // Cross-platform shortcuts carry a macOS variant.
  if ("macOS" in raw) return (raw as { macOS: Shortcut }).macOS;
  return raw as Shortcut;
}

// ---------------------------------------------------------------------------
// Tree walking

function nearest(node: Instance, type: unknown): Instance | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === type) return parent;
  return undefined;
}

function metadataOf(container: Instance | undefined): RenderedMetadata[] {
  if (!container) return [];
  const Metadata = List.Item.Detail.Metadata;
  const kinds = new Map<unknown, RenderedMetadata["kind"]>([
    [Metadata.Label, "label"],
    [Metadata.TagList, "tags"],
    [Metadata.Link, "link"],
    [Metadata.Separator, "separator"],
  ]);
  return container
    .findAll((node) => kinds.has(node.type))
    .map((node) => {
      const kind = kinds.get(node.type)!;
      const p = node.props as AnyProps;
      if (kind === "tags") {
        const tags = node
          .findAll((child) => child.type === Metadata.TagList.Item)
          .map((tag) => compact({ text: textOf(tag.props.text) ?? "", color: tag.props.color as string | undefined }));
        return compact({ kind, title: p.title as string | undefined, tags });
      }
      if (kind === "separator") return { kind };
      return compact({
        kind,
        title: p.title as string | undefined,
        text: textOf(p.text),
        color: colorOf(p.text),
        icon: p.icon,
        target: p.target as string | undefined,
      });
    });
}

function detailOf(item: Instance): RenderedDetail | undefined {
  const detail = item.findAll((node) => node.type === List.Item.Detail)[0];
  if (!detail) return undefined;
  const metadata = detail.findAll((node) => node.type === List.Item.Detail.Metadata)[0];
  return compact({ markdown: detail.props.markdown as string | undefined, metadata: metadataOf(metadata) });
}

function itemOf(node: Instance): RenderedItem {
  const p = node.props as AnyProps;
  return compact({
    id: p.id as string | undefined,
    title: textOf(p.title) ?? "",
    subtitle: textOf(p.subtitle),
    icon: p.icon,
    accessories: ((p.accessories as AnyProps[] | undefined) ?? []).map(accessoryOf),
    keywords: (p.keywords as string[] | undefined) ?? [],
    section: nearest(node, List.Section)?.props.title as string | undefined,
    detail: detailOf(node),
  });
}

const RETURN: Shortcut = { modifiers: [], key: "return" };
const CMD_RETURN: Shortcut = { modifiers: ["cmd"], key: "return" };
const CMD_SHIFT_RETURN: Shortcut = { modifiers: ["cmd", "shift"], key: "return" };

/** The shortcuts Raycast gives a panel's first and second action, by the kind of view. */
function defaultShortcuts(view: ViewKind | undefined): [Shortcut, Shortcut] | undefined {
  if (view === "Form") return [CMD_RETURN, CMD_SHIFT_RETURN];
  if (view === "List" || view === "Detail") return [RETURN, CMD_RETURN];
  return undefined;
}

/**
 * Every key combination a panel binds, explicit and positional; throws when
 * one combination reaches two actions, which Raycast resolves silently by
 * running only one of them.
 */
function assertNoDoubleBinding(actions: RenderedAction[], where: string): void {
  const owners = new Map<string, string>();
  for (const action of actions) {
    const bound = new Set([action.keys, action.defaultKeys].filter((k): k is string => Boolean(k)));
    for (const keys of bound) {
      const owner = owners.get(keys);
      if (owner !== undefined) throw new Error(`${keys} is bound twice${where}: "${owner}" and "${action.title}"`);
      owners.set(keys, action.title);
    }
  }
}

function actionOf(node: Instance): RenderedAction {
  const kind = ACTION_KINDS.get(node.type)!;
  const p = node.props as AnyProps;
  const sectionType = kind === "MenuBarExtra.Item" ? MenuBarExtra.Section : ActionPanel.Section;
  const submenuType = kind === "MenuBarExtra.Item" ? MenuBarExtra.Submenu : ActionPanel.Submenu;
  const shortcut = shortcutOf(p.shortcut);
  return compact({
    title: textOf(p.title) ?? DEFAULT_TITLES[kind] ?? "",
    kind,
    section: nearest(node, sectionType)?.props.title as string | undefined,
    submenu: nearest(node, submenuType)?.props.title as string | undefined,
    shortcut,
    keys: formatKeys(shortcut),
    icon: p.icon,
    style: p.style as string | undefined,
    content: kind === "CopyToClipboard" || kind === "Paste" ? p.content : undefined,
    concealed: kind === "CopyToClipboard" && p.concealed ? true : undefined,
    url: p.url as string | undefined,
    target: kind === "Open" ? (p.target as string) : undefined,
    path: p.path as string | undefined,
  });
}

// ---------------------------------------------------------------------------
// Navigation: every pushed view stays mounted (as in Raycast, state survives a
// pop); only the top one is what the harness looks at.

interface NavigationHandle extends Navigation {
  depth: number;
}

function Screen({ children }: { index: number; children: ReactNode }): ReactNode {
  return children;
}

function NavigationRoot({ root, handle }: { root: ReactNode; handle: { current?: NavigationHandle } }): ReactNode {
  const [stack, setStack] = useState<ReactNode[]>([root]);
  const navigation = useMemo<Navigation>(
    () => ({
      push: (view) => setStack((views) => [...views, view]),
      pop: () => setStack((views) => (views.length > 1 ? views.slice(0, -1) : views)),
    }),
    [],
  );
  handle.current = { ...navigation, depth: stack.length };
  return (
    <__mock.NavigationContext.Provider value={navigation}>
      {stack.map((view, index) => (
        <Fragment key={index}>
          <Screen index={index}>{view}</Screen>
        </Fragment>
      ))}
    </__mock.NavigationContext.Provider>
  );
}

// ---------------------------------------------------------------------------

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Renders `element` (effects flushed) and returns the harness. */
export async function render(element: ReactElement): Promise<Harness> {
  const handle: { current?: NavigationHandle } = {};
  let renderer: ReactTestRenderer | undefined;

  // react-test-renderer 19 logs a deprecation notice on every create(); it is
  // the smallest renderer that exposes props, so silence just that line.
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("react-test-renderer is deprecated")) return;
    consoleError(...args);
  };
  try {
    await act(async () => {
      renderer = TestRenderer.create(<NavigationRoot root={element} handle={handle} />);
    });
  } finally {
    console.error = consoleError;
  }
  const tree = renderer!;

  const screen = (): Instance | undefined => tree.root.findAll((node) => node.type === Screen).at(-1);
  const viewNode = (): Instance | undefined => screen()?.findAll((node) => ROOT_VIEWS.has(node.type))[0];
  const viewProps = (): AnyProps => (viewNode()?.props as AnyProps | undefined) ?? {};
  const within = (type: unknown): Instance[] => screen()?.findAll((node) => node.type === type) ?? [];

  const itemNode = (title: string): Instance => {
    const node = within(List.Item).find((candidate) => textOf(candidate.props.title) === title);
    if (!node) {
      const titles = within(List.Item).map((candidate) => textOf(candidate.props.title));
      throw new Error(`No item titled "${title}". Items: ${JSON.stringify(titles)}`);
    }
    return node;
  };

  // The panel as Raycast binds it: positional keys on the first two actions
  // outside a submenu, then a check that no combination is bound twice.
  const panelOf = (itemTitle?: string): RenderedAction[] => {
    const nodes = actionNodes(itemTitle);
    const defaults = defaultShortcuts(harness.view());
    let position = 0;
    const actions = nodes.map((node) => {
      const action = actionOf(node);
      if (!defaults || action.kind === "MenuBarExtra.Item" || action.submenu !== undefined) return action;
      const shortcut = defaults[position++];
      return shortcut ? { ...action, defaultKeys: formatKeys(shortcut) } : action;
    });
    assertNoDoubleBinding(actions, itemTitle !== undefined ? ` on "${itemTitle}"` : "");
    return actions;
  };

  const actionNodes = (itemTitle?: string): Instance[] => {
    const isAction = (node: Instance) => ACTION_KINDS.has(node.type);
    if (itemTitle !== undefined) return itemNode(itemTitle).findAll(isAction);
    // The view's own panel: every action not inside a row.
    return (screen()?.findAll(isAction) ?? []).filter((node) => !nearest(node, List.Item));
  };

  const harness: Harness = {
    view: () => ROOT_VIEWS.get(viewNode()?.type),
    sections: () =>
      within(List.Section).map((section) =>
        compact({
          title: section.props.title as string | undefined,
          subtitle: section.props.subtitle as string | undefined,
          items: section.findAll((node) => node.type === List.Item).map(itemOf),
        }),
      ),
    items: () => within(List.Item).map(itemOf),
    item: (title) => itemOf(itemNode(title)),
    actions: (itemTitle) => panelOf(itemTitle),
    async runAction(title, itemTitle) {
      panelOf(itemTitle);
      const nodes = actionNodes(itemTitle);
      const node = nodes.find((candidate) => actionOf(candidate).title === title);
      if (!node) {
        const titles = nodes.map((candidate) => actionOf(candidate).title);
        throw new Error(
          `No action titled "${title}"${itemTitle ? ` on "${itemTitle}"` : ""}. Actions: ${JSON.stringify(titles)}`,
        );
      }
      const action = actionOf(node);
      const p = node.props as AnyProps;
      const call = (name: string, ...args: unknown[]) =>
        (p[name] as ((...a: unknown[]) => unknown) | undefined)?.(...args);
      // A person opens Raycast's window to press an action in it.
      if (action.kind !== "MenuBarExtra.Item") __mock.reopenWindow();
      await act(async () => {
        // Raycast does not await onAction: a long task keeps running after the
        // panel closes, so neither do we (its rejections still fail the test).
        switch (action.kind) {
          case "Action":
            call("onAction");
            break;
          case "MenuBarExtra.Item":
            call("onAction", { type: "left-click" });
            // Raycast unloads a menu-bar command once an item is clicked.
            __mock.commandUnloaded = true;
            break;
          case "CopyToClipboard":
            await Clipboard.copy(p.content as string, { concealed: Boolean(p.concealed) });
            await showHUD("Copied to Clipboard");
            call("onCopy", p.content);
            break;
          case "Paste":
            await Clipboard.paste(p.content as string);
            __mock.actionClosedWindow();
            call("onPaste", p.content);
            break;
          case "Open":
            await open(p.target as string, p.application as string | undefined);
            __mock.actionClosedWindow();
            call("onOpen", p.target);
            break;
          case "OpenInBrowser":
            await open(p.url as string);
            __mock.actionClosedWindow();
            call("onOpen", p.url);
            break;
          case "ShowInFinder":
            await open(p.path as string, "Finder");
            __mock.actionClosedWindow();
            call("onShow", p.path);
            break;
          case "Push":
            handle.current!.push(p.target as ReactNode);
            call("onPush");
            break;
        }
        await sleep(0);
      });
    },
    isLoading: () => Boolean(viewProps().isLoading),
    isShowingDetail: () => Boolean(viewProps().isShowingDetail),
    detail: () => {
      const node = viewNode();
      if (node?.type !== Detail) return undefined;
      const metadata = node.findAll((child) => child.type === Detail.Metadata)[0];
      return compact({ markdown: node.props.markdown as string | undefined, metadata: metadataOf(metadata) });
    },
    get navigationTitle() {
      return viewProps().navigationTitle as string | undefined;
    },
    get searchBarPlaceholder() {
      return viewProps().searchBarPlaceholder as string | undefined;
    },
    get emptyView() {
      const node = within(List.EmptyView)[0];
      if (!node) return undefined;
      const p = node.props as AnyProps;
      return compact({
        title: p.title as string | undefined,
        description: p.description as string | undefined,
        icon: p.icon,
      });
    },
    get menuBar() {
      const node = viewNode();
      if (node?.type !== MenuBarExtra) return undefined;
      const p = node.props as AnyProps;
      return compact({ title: p.title as string | undefined, icon: p.icon, tooltip: p.tooltip as string | undefined });
    },
    async chooseDropdown(value) {
      const node = within(List.Dropdown)[0];
      if (!node) throw new Error("The view has no dropdown");
      const p = node.props as AnyProps;
      if (p.storeValue) __mock.dropdownValues.set(dropdownKey(p), value);
      await act(async () => {
        (p.onChange as ((value: string) => void) | undefined)?.(value);
        await sleep(0);
      });
    },
    navigationDepth: () => handle.current?.depth ?? 0,
    async pop() {
      await act(async () => handle.current!.pop());
    },
    async waitFor(predicate, options) {
      const timeoutMs = options?.timeoutMs ?? 3000;
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      for (;;) {
        try {
          const value = predicate(harness);
          if (value) return value as NonNullable<typeof value>;
          lastError = undefined;
        } catch (error) {
          lastError = error;
        }
        if (Date.now() > deadline) {
          const reason = lastError instanceof Error ? lastError.message : "the predicate stayed falsy";
          throw new Error(`waitFor timed out after ${timeoutMs} ms: ${reason}\n${harness.dump()}`);
        }
        await act(async () => {
          await sleep(10);
        });
      }
    },
    async act(fn) {
      await act(async () => {
        await fn();
      });
    },
    dump() {
      const lines = [
        `${harness.view() ?? "(nothing)"} "${harness.navigationTitle ?? ""}"${harness.isLoading() ? " (loading)" : ""}`,
      ];
      const rows = (items: RenderedItem[], indent: string) =>
        items.forEach((item) => {
          const accessories = item.accessories.map((a) => a.tag ?? a.text ?? a.date?.toISOString() ?? "").join(" | ");
          lines.push(
            `${indent}${item.title}${item.subtitle ? ` — ${item.subtitle}` : ""}${accessories ? `  [${accessories}]` : ""}`,
          );
        });
      const sections = harness.sections();
      if (sections.length === 0) rows(harness.items(), "  ");
      sections.forEach((section) => {
        lines.push(`  # ${section.title ?? ""}`);
        rows(section.items, "    ");
      });
      return lines.join("\n");
    },
    async unmount() {
      // Every panel on screen, checked once more as the test leaves: no key combination bound twice.
      try {
        if (harness.view() !== "MenuBarExtra") {
          panelOf();
          for (const node of within(List.Item)) panelOf(textOf(node.props.title) ?? "");
        }
      } finally {
        await act(async () => tree.unmount());
      }
    },
  };
  return harness;
}

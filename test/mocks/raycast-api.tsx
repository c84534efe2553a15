// A small stand-in for @raycast/api, which has no runtime outside Raycast
// (raycast/extensions#1803). vitest.config.ts aliases the package here.
//
// Components render nothing of their own: each one carries its props into the
// React tree and renders its slots (actions, detail, metadata, children) so
// hooks inside them run as they would in Raycast. test/support/render.tsx walks
// that tree by component identity. Imperative APIs record what they were asked
// to do in `__mock`, which tests read and steer.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Children,
  Fragment,
  createContext,
  createElement,
  isValidElement,
  useContext,
  useEffect,
  type ReactElement,
  type ReactNode,
} from "react";

import type * as RealApi from "@raycast/api";

type Props = Record<string, unknown> & { children?: ReactNode };

/** A component that renders only the named slot props, then its children. */
function carrier(displayName: string, slots: string[] = []) {
  // Props are whatever the real component takes: the conformance check below types them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function Component(props: any): ReactNode {
    // Slots as separate arguments, not an array, so React asks for no keys.
    return createElement(Fragment, null, ...slots.map((slot) => props[slot] as ReactNode), props.children);
  }
  Component.displayName = displayName;
  return Component;
}

// ---------------------------------------------------------------------------
// Constants

export enum Color {
  Blue = "raycast-blue",
  Green = "raycast-green",
  Magenta = "raycast-magenta",
  Orange = "raycast-orange",
  Purple = "raycast-purple",
  Red = "raycast-red",
  Yellow = "raycast-yellow",
  PrimaryText = "raycast-primary-text",
  SecondaryText = "raycast-secondary-text",
}

/**
 * Every icon is its own name, which reads well in test failures (Raycast's
 * values are asset names). Only the real enum's names exist, so a misspelled
 * icon fails tsc.
 */
export const Icon = new Proxy({} as { readonly [K in keyof typeof RealApi.Icon]: K }, {
  get: (_target, key) => (typeof key === "string" ? key : undefined),
});

type LaunchOptions = Parameters<typeof RealApi.launchCommand>[0];
type KeyModifier = RealApi.Keyboard.KeyModifier;
const shortcut = (key: RealApi.Keyboard.KeyEquivalent, ...modifiers: KeyModifier[]) => ({ modifiers, key });

export const Keyboard = {
  Shortcut: {
    // macOS values, as @raycast/eslint-plugin's prefer-common-shortcut lists them.
    Common: {
      Copy: shortcut("c", "cmd", "shift"),
      CopyDeeplink: shortcut("c", "cmd", "shift"),
      CopyName: shortcut("c", "cmd", "opt"),
      CopyPath: shortcut("c", "cmd", "ctrl"),
      Save: shortcut("s", "cmd"),
      Duplicate: shortcut("s", "cmd", "shift"),
      Edit: shortcut("e", "cmd"),
      MoveDown: shortcut("arrowDown", "cmd", "shift"),
      MoveUp: shortcut("arrowUp", "cmd", "shift"),
      New: shortcut("n", "cmd"),
      Open: shortcut("o", "cmd"),
      OpenWith: shortcut("o", "cmd", "shift"),
      Pin: shortcut(".", "cmd"),
      Refresh: shortcut("r", "cmd"),
      Remove: shortcut("d", "ctrl"),
      RemoveAll: shortcut("d", "ctrl", "shift"),
      ToggleQuickLook: shortcut("y", "cmd"),
    },
  },
};

export enum LaunchType {
  UserInitiated = "userInitiated",
  Background = "background",
}

// ---------------------------------------------------------------------------
// Navigation: render.tsx provides the stack; useNavigation reads it.

export interface Navigation {
  push(component: ReactNode): void;
  pop(): void;
}
const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation() needs a view rendered through test/support/render.tsx");
  return navigation;
}

// ---------------------------------------------------------------------------
// Views

const ListItemDetailMetadata = Object.assign(carrier("List.Item.Detail.Metadata"), {
  Label: carrier("List.Item.Detail.Metadata.Label"),
  TagList: Object.assign(carrier("List.Item.Detail.Metadata.TagList"), {
    Item: carrier("List.Item.Detail.Metadata.TagList.Item"),
  }),
  Separator: carrier("List.Item.Detail.Metadata.Separator"),
  Link: carrier("List.Item.Detail.Metadata.Link"),
});

const ListItemDetail = Object.assign(carrier("List.Item.Detail", ["metadata"]), {
  Metadata: ListItemDetailMetadata,
});

const ListDropdownItem = carrier("List.Dropdown.Item");
const ListDropdownSection = carrier("List.Dropdown.Section");

function firstItemValue(children: ReactNode): string | undefined {
  for (const child of Children.toArray(children)) {
    if (!isValidElement<Props>(child)) continue;
    if (child.type === ListDropdownItem) return child.props.value as string;
    const nested = firstItemValue(child.props.children);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/** Where a stored dropdown value lives: per command, per dropdown. */
export const dropdownKey = (props: { id?: unknown }) =>
  `${environment.commandName}/${typeof props.id === "string" ? props.id : "dropdown"}`;

/**
 * Like Raycast's: the first render shows no choice yet; right after mount the
 * dropdown settles on the stored value (storeValue), else defaultValue, else
 * its first item, and reports it through onChange. A controlled `value` wins.
 */
function ListDropdownComponent(props: RealApi.List.Dropdown.Props): ReactNode {
  useEffect(() => {
    if (props.value !== undefined) return;
    const stored = props.storeValue ? mock.dropdownValues.get(dropdownKey(props)) : undefined;
    const initial = stored ?? props.defaultValue ?? firstItemValue(props.children);
    if (initial !== undefined) props.onChange?.(initial);
  }, []); // once per mount, as Raycast does
  return createElement(Fragment, null, props.children);
}
ListDropdownComponent.displayName = "List.Dropdown";

const ListDropdown = Object.assign(ListDropdownComponent, {
  Item: ListDropdownItem,
  Section: ListDropdownSection,
});

export const List = Object.assign(carrier("List", ["searchBarAccessory", "actions"]), {
  Item: Object.assign(carrier("List.Item", ["detail", "actions"]), { Detail: ListItemDetail }),
  Section: carrier("List.Section"),
  EmptyView: carrier("List.EmptyView", ["actions"]),
  Dropdown: ListDropdown,
});

export const Detail = Object.assign(carrier("Detail", ["metadata", "actions"]), {
  Metadata: ListItemDetailMetadata,
});

const FormDropdown = Object.assign(carrier("Form.Dropdown"), { Item: carrier("Form.Dropdown.Item") });

export const Form = Object.assign(carrier("Form", ["searchBarAccessory", "actions"]), {
  TextField: carrier("Form.TextField"),
  Checkbox: carrier("Form.Checkbox"),
  Dropdown: FormDropdown,
  Description: carrier("Form.Description"),
  Separator: carrier("Form.Separator"),
});

export const ActionPanel = Object.assign(carrier("ActionPanel"), {
  Section: carrier("ActionPanel.Section"),
  Submenu: carrier("ActionPanel.Submenu"),
});

// Actions render nothing: what they do happens when the harness runs them.
export const Action = Object.assign(carrier("Action"), {
  CopyToClipboard: carrier("Action.CopyToClipboard"),
  Open: carrier("Action.Open"),
  OpenInBrowser: carrier("Action.OpenInBrowser"),
  Paste: carrier("Action.Paste"),
  Push: carrier("Action.Push"),
  ShowInFinder: carrier("Action.ShowInFinder"),
});

export const MenuBarExtra = Object.assign(carrier("MenuBarExtra"), {
  Item: carrier("MenuBarExtra.Item"),
  Section: carrier("MenuBarExtra.Section"),
  Submenu: carrier("MenuBarExtra.Submenu"),
  Separator: carrier("MenuBarExtra.Separator"),
});

// ---------------------------------------------------------------------------
// Toasts and HUDs

export interface ToastState {
  id: number;
  style: Toast.Style;
  title: string;
  message?: string;
  hidden?: boolean;
  /** Shown while Raycast's window was closed: Raycast shows a new toast as a HUD (title only). */
  asHud?: boolean;
  /** A change to a toast whose window has closed (or whose menu-bar command has unloaded): nobody sees it. */
  unseen?: boolean;
}

// Several property writes in one synchronous turn are one visible change
// (Raycast repaints once), so they merge into one recorded state.
let turnOpen = false;
function openTurn(): void {
  if (turnOpen) return;
  turnOpen = true;
  queueMicrotask(() => (turnOpen = false));
}

let nextToastId = 1;

export class Toast {
  readonly id = nextToastId++;
  private state: { style: Toast.Style; title: string; message?: string };
  primaryAction: Toast.ActionOptions | undefined;
  secondaryAction: Toast.ActionOptions | undefined;

  constructor(options: Toast.Options) {
    this.state = { style: options.style ?? Toast.Style.Success, title: options.title, message: options.message };
    this.primaryAction = options.primaryAction;
    this.secondaryAction = options.secondaryAction;
  }

  get style() {
    return this.state.style;
  }
  set style(style: Toast.Style) {
    this.update({ style });
  }
  get title() {
    return this.state.title;
  }
  set title(title: string) {
    this.update({ title });
  }
  get message() {
    return this.state.message;
  }
  set message(message: string | undefined) {
    this.update({ message });
  }

  async show(): Promise<void> {
    record(this, false);
  }
  async hide(): Promise<void> {
    record(this, true);
  }

  private update(change: Partial<Toast["state"]>): void {
    this.state = { ...this.state, ...change };
    record(this, false);
  }
}

function record(toast: Toast, hidden: boolean, isNew = false): void {
  const state: ToastState = { id: toast.id, style: toast.style, title: toast.title };
  if (toast.message !== undefined) state.message = toast.message;
  if (hidden) state.hidden = true;
  if (mock.commandUnloaded) state.unseen = true;
  else if (!mock.window.open) state[isNew ? "asHud" : "unseen"] = true;
  const last = mock.toasts.at(-1);
  if (turnOpen && last?.id === toast.id && !hidden && !last.hidden) mock.toasts[mock.toasts.length - 1] = state;
  else mock.toasts.push(state);
  mock.toastObjects.set(toast.id, toast);
  openTurn();
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace Toast {
  export type Options = Omit<RealApi.Toast.Options, "style"> & { style?: Style };
  export type ActionOptions = RealApi.Toast.ActionOptions;
  export enum Style {
    Success = "SUCCESS",
    Failure = "FAILURE",
    Animated = "ANIMATED",
  }
}

export async function showToast(
  optionsOrStyle: Toast.Options | Toast.Style,
  title?: string,
  message?: string,
): Promise<Toast> {
  const options =
    typeof optionsOrStyle === "string" ? { style: optionsOrStyle, title: title ?? "", message } : optionsOrStyle;
  const toast = new Toast(options);
  // A new toast always shows as its own state, even right after another.
  turnOpen = false;
  record(toast, false, true);
  return toast;
}

export enum PopToRootType {
  Default = "default",
  Immediate = "immediate",
  Suspended = "suspended",
}

interface CloseOptions {
  clearRootSearch?: boolean;
  popToRootType?: PopToRootType;
}

function closeWindow(by: WindowClose["by"], options?: CloseOptions): void {
  mock.window.open = false;
  mock.window.closes.push({ by, popToRootType: options?.popToRootType ?? PopToRootType.Default });
}

export async function closeMainWindow(options?: CloseOptions): Promise<void> {
  closeWindow("closeMainWindow", options);
}

/** Like Raycast's: a HUD hides the main window first (types/index.d.ts, showHUD). */
export async function showHUD(title: string, options?: CloseOptions): Promise<void> {
  closeWindow("showHUD", options);
  mock.huds.push(title);
}

// ---------------------------------------------------------------------------
// Clipboard, storage, cache

type ClipboardContent = string | number | RealApi.Clipboard.Content;
const textOf = (content: ClipboardContent) =>
  typeof content === "object" ? ("text" in content ? content.text : undefined) : String(content);

export const Clipboard = {
  async copy(content: ClipboardContent, options?: { concealed?: boolean }): Promise<void> {
    mock.clipboard.push(content);
    // What Raycast's clipboard history would keep.
    if (!options?.concealed) mock.clipboardHistory.push(content);
  },
  async paste(content: ClipboardContent): Promise<void> {
    mock.pasted.push(content);
  },
  async clear(): Promise<void> {
    mock.clipboard.push("");
  },
  async readText(): Promise<string | undefined> {
    const last = mock.clipboard.at(-1);
    return last === undefined ? undefined : textOf(last);
  },
  async read(): Promise<{ text: string }> {
    const last = mock.clipboard.at(-1);
    return { text: (last === undefined ? undefined : textOf(last)) ?? "" };
  },
};

type StorageValue = string | number | boolean;

export const LocalStorage = {
  async getItem<T extends StorageValue>(key: string): Promise<T | undefined> {
    return mock.localStorage.get(key) as T | undefined;
  },
  async setItem(key: string, value: StorageValue): Promise<void> {
    mock.localStorage.set(key, value);
  },
  async removeItem(key: string): Promise<void> {
    mock.localStorage.delete(key);
  },
  async allItems<T extends RealApi.LocalStorage.Values>(): Promise<T> {
    return Object.fromEntries(mock.localStorage) as T;
  },
  async clear(): Promise<void> {
    mock.localStorage.clear();
  },
};

/** Map-backed; instances with the same namespace share entries, as on disk. */
export class Cache {
  private readonly store: Map<string, string>;
  private readonly subscribers = new Set<(key: string | undefined, data: string | undefined) => void>();

  constructor(options?: { namespace?: string; capacity?: number }) {
    const namespace = options?.namespace ?? "";
    let store = mock.caches.get(namespace);
    if (!store) mock.caches.set(namespace, (store = new Map()));
    this.store = store;
  }
  get storageDirectory(): string {
    return join(environment.supportPath, "cache");
  }
  get(key: string): string | undefined {
    return this.store.get(key);
  }
  has(key: string): boolean {
    return this.store.has(key);
  }
  get isEmpty(): boolean {
    return this.store.size === 0;
  }
  set(key: string, data: string): void {
    this.store.set(key, data);
    this.subscribers.forEach((notify) => notify(key, data));
  }
  remove(key: string): boolean {
    const had = this.store.delete(key);
    this.subscribers.forEach((notify) => notify(key, undefined));
    return had;
  }
  clear(options: { notifySubscribers: boolean } = { notifySubscribers: true }): void {
    this.store.clear();
    if (options.notifySubscribers) this.subscribers.forEach((notify) => notify(undefined, undefined));
  }
  subscribe(subscriber: (key: string | undefined, data: string | undefined) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}

// ---------------------------------------------------------------------------
// Environment and preferences

const supportPath = mkdtempSync(join(tmpdir(), "raycast-support-"));

function freshEnvironment() {
  return {
    raycastVersion: "1.104.0",
    ownerOrAuthorName: "apple-id-doctor",
    extensionName: "apple-id-doctor",
    commandName: "run-full-checklist",
    commandMode: "view" as "view" | "no-view" | "menu-bar",
    assetsPath: join(supportPath, "assets"),
    supportPath,
    isDevelopment: true,
    appearance: "dark" as "light" | "dark",
    theme: "dark" as "light" | "dark",
    textSize: "medium" as "medium" | "large",
    launchType: LaunchType.UserInitiated,
    launchContext: undefined as Record<string, unknown> | undefined,
    canAccess: () => true,
  };
}

/** Mutable in tests; reset() restores it in place so imported references stay live. */
export const environment = freshEnvironment();

export function getPreferenceValues<T = Record<string, unknown>>(): T {
  return { ...mock.preferences } as T;
}

export async function openExtensionPreferences(): Promise<void> {
  mock.openedPreferences += 1;
}

export async function open(target: string, application?: string | { name: string; path: string }): Promise<void> {
  mock.opened.push({ target, application: typeof application === "object" ? application.name : application });
}

export async function launchCommand(options: LaunchOptions): Promise<void> {
  // Raycast refuses to launch a disabled (or missing) command.
  if (mock.launchError) throw mock.launchError;
  mock.launched.push(options);
}

// ---------------------------------------------------------------------------
// Alerts

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace Alert {
  export enum ActionStyle {
    Default = "default",
    Cancel = "cancel",
    Destructive = "destructive",
  }
  export interface ActionOptions {
    title: string;
    style?: ActionStyle;
    onAction?: () => void;
  }
  export interface Options {
    title: string;
    message?: string;
    icon?: unknown;
    primaryAction?: ActionOptions;
    dismissAction?: ActionOptions;
    rememberUserChoice?: boolean;
  }
}

/** Answers with `__mock.confirmAnswer` (a boolean, or a function of the alert), like a person clicking. */
export async function confirmAlert(options: Alert.Options): Promise<boolean> {
  mock.alerts.push(options);
  const answer = typeof mock.confirmAnswer === "function" ? mock.confirmAnswer(options) : mock.confirmAnswer;
  (answer ? options.primaryAction : options.dismissAction)?.onAction?.();
  return answer;
}

// ---------------------------------------------------------------------------
// Test controls

export interface WindowClose {
  /** Who closed it: the extension, or macOS giving focus to another window (a password sheet). */
  by: "closeMainWindow" | "showHUD" | "another-window" | "action";
  popToRootType: PopToRootType;
}

const resetHooks: Array<() => void> = [];

const mock = {
  /** Every toast state a person would have seen, in order. */
  toasts: [] as ToastState[],
  /** The live Toast objects by id, to press their actions. */
  toastObjects: new Map<number, Toast>(),
  huds: [] as string[],
  /** Everything copied, in order. */
  clipboard: [] as ClipboardContent[],
  /** Copies Raycast's clipboard history keeps: every one not concealed. */
  clipboardHistory: [] as ClipboardContent[],
  pasted: [] as ClipboardContent[],
  localStorage: new Map<string, StorageValue>(),
  caches: new Map<string, Map<string, string>>(),
  /** Values of dropdowns with storeValue, kept by Raycast across launches. */
  dropdownValues: new Map<string, string>(),
  preferences: {} as Record<string, unknown>,
  opened: [] as Array<{ target: string; application?: string }>,
  openedPreferences: 0,
  launched: [] as LaunchOptions[],
  /** Set to make launchCommand reject, as Raycast does for a disabled command. */
  launchError: undefined as Error | undefined,
  alerts: [] as Alert.Options[],
  confirmAnswer: true as boolean | ((options: Alert.Options) => boolean),
  /** Raycast's main window: open until something closes it; tests reopen it as a person would. */
  window: { open: true, closes: [] as WindowClose[] },
  /** Set once a menu-bar item was clicked: Raycast unloads the command, and its later toasts go nowhere. */
  commandUnloaded: false,
  /** A window of another app took focus (the admin password / Touch ID sheet): Raycast's window closes. */
  anotherWindowTookFocus(): void {
    if (mock.window.open) closeWindow("another-window");
  },
  reopenWindow(): void {
    mock.window.open = true;
  },
  /** For render.tsx: Open, Open in Browser, Paste and Show in Finder close the window after their work. */
  actionClosedWindow(): void {
    closeWindow("action");
  },
  /** For render.tsx: the context useNavigation() reads. */
  NavigationContext,
  /** The last toast state, or undefined when none was shown. */
  lastToast(): ToastState | undefined {
    return mock.toasts.at(-1);
  },
  /** Lets sibling mocks (raycast-utils) reset with this one. */
  onReset(hook: () => void): void {
    resetHooks.push(hook);
  },
  reset(): void {
    mock.toasts = [];
    mock.toastObjects.clear();
    mock.huds = [];
    mock.clipboard = [];
    mock.clipboardHistory = [];
    mock.pasted = [];
    mock.localStorage.clear();
    mock.caches.clear();
    mock.dropdownValues.clear();
    mock.preferences = {};
    mock.opened = [];
    mock.openedPreferences = 0;
    mock.launched = [];
    mock.launchError = undefined;
    mock.alerts = [];
    mock.confirmAnswer = true;
    mock.window = { open: true, closes: [] };
    mock.commandUnloaded = false;
    turnOpen = false;
    Object.assign(environment, freshEnvironment());
    resetHooks.forEach((hook) => hook());
  },
};

export const __mock = mock;

/** Component types, for the harness to tell the tree's nodes apart. */
export type MockComponent = (props: Props) => ReactNode;
export type MockElement = ReactElement<Props>;

// ---------------------------------------------------------------------------
// Conformance: tsc fails when the mock drifts from @raycast/api's own types
// (node_modules/@raycast/api/types/index.d.ts). Every value the mock exports
// must have the real export's type; the real module may have more.

type Real = typeof RealApi;
/**
 * What the mock provides of a real export: every member it has takes what the
 * real one takes (the arguments real callers pass), recursively; the real
 * module may have more. Classes are checked by their public face below.
 */
type Shaped<T> = T extends abstract new (...args: never) => unknown
  ? unknown
  : T extends (...args: infer A) => unknown
    ? ((...args: A) => unknown) & { [K in keyof T]?: Shaped<T[K]> }
    : T extends object
      ? { [K in keyof T]?: Shaped<T[K]> }
      : T;
/** A class's public face (private members make real classes nominal). */
type Public<T> = { [K in keyof T]: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : unknown };
/** An enum's string members, which is what callers rely on. */
type Values<E> = { [K in keyof E as E[K] extends string ? K : never]: `${E[K] & string}` };

export const __conformance = {
  exports: {
    useNavigation,
    showToast,
    showHUD,
    closeMainWindow,
    confirmAlert,
    open,
    launchCommand,
    openExtensionPreferences,
    getPreferenceValues,
    Clipboard,
    LocalStorage,
    environment,
    Keyboard,
    List,
    Detail,
    Form,
    ActionPanel,
    Action,
    MenuBarExtra,
  } satisfies Shaped<Partial<Real>>,
  icon: Icon satisfies { readonly [K in keyof Real["Icon"]]: string },
  toast: null as unknown as Toast satisfies Public<RealApi.Toast>,
  cache: null as unknown as Cache satisfies Public<RealApi.Cache>,
  enums: {
    Color: Color satisfies Values<Real["Color"]>,
    LaunchType: LaunchType satisfies Values<Real["LaunchType"]>,
    PopToRootType: PopToRootType satisfies Values<Real["PopToRootType"]>,
    ToastStyle: Toast.Style satisfies Values<Real["Toast"]["Style"]>,
    AlertActionStyle: Alert.ActionStyle satisfies Values<Real["Alert"]["ActionStyle"]>,
  },
};

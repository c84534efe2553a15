// The harness is what every UI test leans on, so it gets its own tests: a
// small sample view exercising what the extension's commands use.
import {
  Action,
  ActionPanel,
  Color,
  Detail,
  Icon,
  Keyboard,
  List,
  PopToRootType,
  Toast,
  showHUD,
  showToast,
  useNavigation,
} from "@raycast/api";
import { runAppleScript, showFailureToast, usePromise } from "@raycast/utils";
import { useEffect, useState } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { __mock } from "./mocks/raycast-api";
import { __mock as utilsMock } from "./mocks/raycast-utils";
import { render } from "./support/render";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function Sample({ load }: { load: Promise<string> }) {
  const [loaded, setLoaded] = useState<string>();
  const { push } = useNavigation();
  useEffect(() => {
    (async () => {
      const toast = await showToast({ style: Toast.Style.Animated, title: "Loading…" });
      const value = await load;
      setLoaded(value);
      toast.style = Toast.Style.Success;
      toast.title = "Loaded";
      toast.message = value;
    })();
  }, [load]);
  return (
    <List isLoading={loaded === undefined} navigationTitle="Sample" searchBarPlaceholder="Filter rows" isShowingDetail>
      <List.Section title="First" subtitle="2">
        <List.Item
          title="Alpha"
          subtitle="the first"
          icon={{ source: Icon.CheckCircle, tintColor: Color.Green }}
          keywords={["a"]}
          accessories={[{ tag: { value: "Passed", color: Color.Green } }, { text: "412 ms" }]}
          detail={
            <List.Item.Detail
              markdown="**Alpha** is fine"
              metadata={
                <List.Item.Detail.Metadata>
                  <List.Item.Detail.Metadata.Label title="Status" text="Passed" />
                  <List.Item.Detail.Metadata.Separator />
                  <List.Item.Detail.Metadata.TagList title="Fixes">
                    <List.Item.Detail.Metadata.TagList.Item text="Flush DNS Cache" color={Color.Blue} />
                  </List.Item.Detail.Metadata.TagList>
                </List.Item.Detail.Metadata>
              }
            />
          }
          actions={
            <ActionPanel>
              <Action.CopyToClipboard
                title="Copy Summary"
                content="alpha summary"
                shortcut={Keyboard.Shortcut.Common.Copy}
              />
              <ActionPanel.Section title="More">
                <Action.Push title="Show Details" target={<Detail markdown="# Alpha" navigationTitle="Alpha" />} />
                <Action.OpenInBrowser url="https://support.apple.com/contact" />
              </ActionPanel.Section>
            </ActionPanel>
          }
        />
        <List.Item title="Beta" accessories={[{ date: new Date("2026-11-21T10:00:00Z") }]} />
      </List.Section>
      <List.Section title="Second">
        <List.Item
          title={loaded ?? "Pending…"}
          accessories={[{ tag: loaded ? "Done" : "Checking…" }]}
          actions={
            <ActionPanel>
              <Action title="Go Back Home" onAction={() => push(<Detail markdown="home" />)} />
            </ActionPanel>
          }
        />
      </List.Section>
      <List.EmptyView title="Nothing Here" />
    </List>
  );
}

beforeEach(() => __mock.reset());

describe("render harness", () => {
  it("sees pending rows first, then the loaded row", async () => {
    const load = deferred<string>();
    const h = await render(<Sample load={load.promise} />);

    expect(h.view()).toBe("List");
    expect(h.isLoading()).toBe(true);
    expect(h.sections().map((s) => s.title)).toEqual(["First", "Second"]);
    expect(h.sections()[1].items).toEqual([
      expect.objectContaining({ title: "Pending…", accessories: [{ tag: "Checking…" }] }),
    ]);

    await h.act(() => load.resolve("Gamma"));
    await h.waitFor(() => !h.isLoading());
    expect(h.sections()[1].items[0]).toMatchObject({
      title: "Gamma",
      section: "Second",
      accessories: [{ tag: "Done" }],
    });
    await h.unmount();
  });

  it("reads titles, accessories, keywords, detail and view props as plain values", async () => {
    const h = await render(<Sample load={new Promise(() => undefined)} />);
    expect(h.navigationTitle).toBe("Sample");
    expect(h.searchBarPlaceholder).toBe("Filter rows");
    expect(h.isShowingDetail()).toBe(true);
    expect(h.emptyView).toEqual({ title: "Nothing Here" });
    expect(h.sections()[0]).toMatchObject({ title: "First", subtitle: "2" });
    expect(h.item("Alpha")).toEqual({
      title: "Alpha",
      subtitle: "the first",
      icon: { source: "CheckCircle", tintColor: Color.Green },
      keywords: ["a"],
      section: "First",
      accessories: [{ tag: "Passed", color: Color.Green }, { text: "412 ms" }],
      detail: {
        markdown: "**Alpha** is fine",
        metadata: [
          { kind: "label", title: "Status", text: "Passed" },
          { kind: "separator" },
          { kind: "tags", title: "Fixes", tags: [{ text: "Flush DNS Cache", color: Color.Blue }] },
        ],
      },
    });
    expect(h.item("Beta").accessories).toEqual([{ date: new Date("2026-11-21T10:00:00Z") }]);
    expect(() => h.item("Nope")).toThrow(/No item titled "Nope"/);
    await h.unmount();
  });

  it("flattens an item's action panel in order, with shortcuts and clipboard content", async () => {
    const h = await render(<Sample load={new Promise(() => undefined)} />);
    expect(h.actions("Alpha")).toEqual([
      {
        title: "Copy Summary",
        kind: "CopyToClipboard",
        content: "alpha summary",
        shortcut: { modifiers: ["cmd", "shift"], key: "c" },
        keys: "⇧⌘C",
        defaultKeys: "↩",
      },
      { title: "Show Details", kind: "Push", section: "More", defaultKeys: "⌘↩" },
      { title: "Open in Browser", kind: "OpenInBrowser", section: "More", url: "https://support.apple.com/contact" },
    ]);
    // The list has no panel of its own: row actions are not the view's.
    expect(h.actions()).toEqual([]);
    await h.unmount();
  });

  it("fails a panel that binds one key combination to two actions, counting Raycast's ↩ / ⌘↩", async () => {
    const cmdReturn = { modifiers: ["cmd" as const], key: "return" as const };
    const h = await render(
      <List>
        <List.Item
          title="Twice"
          actions={
            <ActionPanel>
              <Action title="First Fix" shortcut={cmdReturn} onAction={() => undefined} />
              <Action title="Second Fix" onAction={() => undefined} />
            </ActionPanel>
          }
        />
        <List.Item
          title="Once"
          actions={
            <ActionPanel>
              <Action title="First Fix" onAction={() => undefined} />
              <Action title="Second Fix" onAction={() => undefined} />
              <Action title="Third" shortcut={Keyboard.Shortcut.Common.Refresh} onAction={() => undefined} />
            </ActionPanel>
          }
        />
      </List>,
    );
    expect(() => h.actions("Twice")).toThrow('⌘↩ is bound twice on "Twice": "First Fix" and "Second Fix"');
    await expect(h.runAction("First Fix", "Twice")).rejects.toThrow(/bound twice/);
    expect(h.actions("Once").map((a) => [a.title, a.defaultKeys ?? a.keys])).toEqual([
      ["First Fix", "↩"],
      ["Second Fix", "⌘↩"],
      ["Third", "⌘R"],
    ]);
    // Leaving the view checks every panel on it once more.
    await expect(h.unmount()).rejects.toThrow('⌘↩ is bound twice on "Twice"');
  });

  it("runs actions: copy lands in the clipboard, push shows the pushed view, pop returns", async () => {
    const h = await render(<Sample load={new Promise(() => undefined)} />);
    await expect(h.runAction("Missing", "Alpha")).rejects.toThrow(/Actions: \["Copy Summary"/);
    await h.runAction("Copy Summary", "Alpha");
    expect(__mock.clipboard).toEqual(["alpha summary"]);
    expect(__mock.huds).toEqual(["Copied to Clipboard"]);

    await h.runAction("Open in Browser", "Alpha");
    expect(__mock.opened).toEqual([{ target: "https://support.apple.com/contact" }]);

    await h.runAction("Show Details", "Alpha");
    expect(h.navigationDepth()).toBe(2);
    expect(h.view()).toBe("Detail");
    expect(h.detail()).toEqual({ markdown: "# Alpha", metadata: [] });
    expect(h.navigationTitle).toBe("Alpha");

    await h.pop();
    expect(h.view()).toBe("List");
    await h.runAction("Go Back Home", "Pending…");
    expect(h.detail()?.markdown).toBe("home");
    await h.unmount();
  });

  it("models Raycast's window: a toast changed after the window closed is unseen, a new one is a HUD", async () => {
    const toast = await showToast({ style: Toast.Style.Animated, title: "Working…" });
    __mock.anotherWindowTookFocus();
    toast.style = Toast.Style.Success;
    toast.title = "Done";
    await showToast({ style: Toast.Style.Failure, title: "Later" });
    expect(__mock.toasts).toEqual([
      { id: expect.any(Number), style: Toast.Style.Animated, title: "Working…" },
      { id: expect.any(Number), style: Toast.Style.Success, title: "Done", unseen: true },
      { id: expect.any(Number), style: Toast.Style.Failure, title: "Later", asHud: true },
    ]);
    expect(__mock.window).toEqual({
      open: false,
      closes: [{ by: "another-window", popToRootType: PopToRootType.Default }],
    });
    // A HUD hides the window itself; runAction reopens it, as a person would.
    __mock.reopenWindow();
    await showHUD("Copied", { popToRootType: PopToRootType.Suspended });
    expect(__mock.window.open).toBe(false);
    expect(__mock.window.closes.at(-1)).toEqual({ by: "showHUD", popToRootType: PopToRootType.Suspended });
  });

  it("records every visible toast state in order, merging writes made in one turn", async () => {
    const load = deferred<string>();
    const h = await render(<Sample load={load.promise} />);
    await h.act(() => load.resolve("Gamma"));
    await h.waitFor(() => __mock.toasts.length === 2);
    expect(__mock.toasts).toEqual([
      { id: expect.any(Number), style: Toast.Style.Animated, title: "Loading…" },
      { id: expect.any(Number), style: Toast.Style.Success, title: "Loaded", message: "Gamma" },
    ]);
    expect(__mock.toasts[0].id).toBe(__mock.toasts[1].id);

    await showFailureToast(new Error("boom"), { title: "Could Not Run" });
    expect(__mock.lastToast()).toMatchObject({ style: Toast.Style.Failure, title: "Could Not Run", message: "boom" });
    await h.unmount();
  });

  it("waitFor reports the view when it times out", async () => {
    const h = await render(<Sample load={new Promise(() => undefined)} />);
    await expect(h.waitFor(() => h.items().length > 5, { timeoutMs: 50 })).rejects.toThrow(/timed out[\s\S]*Alpha/);
    await h.unmount();
  });
});

describe("@raycast/utils mock", () => {
  function Loader({ fn }: { fn: () => Promise<string> }) {
    const { data, isLoading, revalidate } = usePromise(fn);
    return (
      <Detail
        isLoading={isLoading}
        markdown={data ?? ""}
        actions={
          <ActionPanel>
            <Action title="Reload" onAction={revalidate} />
          </ActionPanel>
        }
      />
    );
  }

  it("usePromise loads, revalidates, and toasts a failure", async () => {
    let calls = 0;
    const h = await render(
      <Loader fn={async () => (++calls === 2 ? Promise.reject(new Error("nope")) : `call ${calls}`)} />,
    );
    await h.waitFor(() => !h.isLoading());
    expect(h.detail()?.markdown).toBe("call 1");
    await h.runAction("Reload");
    await h.waitFor(() => __mock.toasts.length > 0);
    expect(__mock.lastToast()).toMatchObject({ style: Toast.Style.Failure, message: "nope" });
    await h.unmount();
  });

  it("runAppleScript records the call and answers as told", async () => {
    utilsMock.appleScriptAnswer = (call) => `ran ${call.args.join(",")}`;
    await expect(runAppleScript("return 1", ["a", "b"])).resolves.toBe("ran a,b");
    expect(utilsMock.appleScripts).toEqual([{ script: "return 1", args: ["a", "b"], options: undefined }]);
    __mock.reset();
    expect(utilsMock.appleScripts).toEqual([]);
  });
});

// The Explain Error view: typing a code or a few words finds the entry, the
// detail explains it, and Run Related Checks runs just that entry's probes
// against a replayed Mac and shows what they found.
import { Color, Icon, LaunchType, Toast } from "@raycast/api";
import { readFileSync } from "node:fs";
import { createElement, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExplainView } from "../../src/components/explain-view";
import { SUPPORT_URL } from "../../src/core/fix-titles";
import { settingsUrl } from "../../src/core/fixes/open-settings";
import type { KeyValueStorage } from "../../src/core/history";
import { parseRecording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import type { Host } from "../../src/core/host/types";
import { explanationText, KNOWLEDGE } from "../../src/core/knowledge";
import { probeById } from "../../src/core/probes";
import { __mock } from "../mocks/raycast-api";
import { render, type Harness } from "../support/render";

// The harness has no search bar: the List here is the mock's, wrapped to keep
// the latest onSearchTextChange so a test can type as a person would.
const searchBar = vi.hoisted(() => ({ change: undefined as ((text: string) => void) | undefined }));
vi.mock("@raycast/api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../mocks/raycast-api")>();
  function TypingList(props: Record<string, unknown> & { children?: ReactNode }) {
    if (typeof props.onSearchTextChange === "function")
      searchBar.change = props.onSearchTextChange as (t: string) => void;
    return createElement(actual.List, props);
  }
  return { ...actual, List: Object.assign(TypingList, actual.List) };
});

const RECORDINGS = new URL("../fixtures/recordings/", import.meta.url);
const replay = (name: string): Host =>
  createReplayHost(parseRecording(readFileSync(new URL(`${name}.json`, RECORDINGS), "utf8")));

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: async (key) => map.get(key), setItem: async (key, value) => void map.set(key, value) };
}

const entry = (id: string) => KNOWLEDGE.find((e) => e.id === id)!;

async function type(h: Harness, text: string) {
  await h.act(() => searchBar.change?.(text));
}

async function open(options: { initialQuery?: string; host?: Host } = {}) {
  return render(
    <ExplainView
      host={options.host ?? replay("dns-broken")}
      storage={memoryStorage()}
      initialQuery={options.initialQuery}
    />,
  );
}

beforeEach(() => {
  __mock.reset();
  searchBar.change = undefined;
});
afterEach(() => __mock.reset());

describe("Explain Error", () => {
  it("opens on every entry, where to start first, with the search bar under its own control", async () => {
    const h = await open();
    // A root command leaves the title to Raycast, which shows the command's.
    expect(h.navigationTitle).toBeUndefined();
    expect(h.searchBarPlaceholder).toMatch(/-20209/);
    expect(h.items().map((i) => i.id)).toEqual(KNOWLEDGE.map((e) => e.id));
    expect(h.items()[0].title).toBe("Where to Start");
    expect(h.sections()[0]).toMatchObject({ title: "Errors and Symptoms", subtitle: `${KNOWLEDGE.length} entries` });
    expect(h.isShowingDetail()).toBe(true);
    expect(h.emptyView).toBeUndefined();
    expect(searchBar.change).toBeTypeOf("function");
  });

  it("typing a code shows its entry first; with the pane open the row is its title, the pane has the code and confidence", async () => {
    const h = await open();
    await type(h, "ec -20209");
    const [first] = h.items();
    expect(first.title).toBe("Account Locked for Security Reasons");
    expect(h.sections()[0].title).toBe("Best Matches");
    expect(h.isShowingDetail()).toBe(true);
    expect(first.subtitle).toBeUndefined();
    expect(first.accessories).toEqual([]);
    expect(first.detail?.markdown).toContain(
      "Apple locked the account, usually after too many wrong passwords or an unusual sign-in",
    );
    expect(first.detail?.metadata).toContainEqual(expect.objectContaining({ title: "Confidence", text: "High" }));
    expect(first.detail?.metadata).toContainEqual(
      expect.objectContaining({ title: "Codes", tags: expect.arrayContaining([{ text: "-20209" }]) }),
    );

    await type(h, "(-60007)");
    expect(h.items()[0].title).toBe("Administrator Prompt Couldn't Be Shown");
    await type(h, "CERT_HAS_EXPIRED");
    expect(h.items()[0].title).toBe("Certificate Not Yet Valid or Expired");
  });

  it("the detail explains the meaning, what to do, the likely causes and the source", async () => {
    const h = await open({ initialQuery: "ENOTFOUND" });
    const item = h.items()[0];
    expect(item.title).toBe("Name Not Found (DNS)");
    const markdown = item.detail?.markdown ?? "";
    expect(markdown).toContain("## Name Not Found (DNS)");
    expect(markdown).toContain(entry("name-not-found").meaning);
    expect(markdown).toMatch(/### What to Do\n\n1\. Flush DNS Cache, then try again\./);
    expect(markdown).toMatch(/### Likely Causes\n\n- DNS Problem\n- No Internet Connection\n- Wi-Fi Login Page/);
    expect(markdown).toMatch(/### Source\n\nNode\.js DNS error codes$/);
    const metadata = item.detail?.metadata ?? [];
    expect(metadata).toContainEqual(expect.objectContaining({ title: "Confidence", text: "High" }));
    expect(metadata).toContainEqual(
      expect.objectContaining({ title: "Codes", tags: [{ text: "ENOTFOUND" }, { text: "EAI_AGAIN" }] }),
    );
    expect(metadata).toContainEqual(
      expect.objectContaining({
        title: "Related Checks",
        tags: ["Internet Connection", "Wi-Fi Login Page", "DNS", "Apple Sign-In Servers"].map((text) => ({ text })),
      }),
    );
  });

  it("an unverified entry says so in its icon, in the detail and in its confidence", async () => {
    const h = await open();
    await type(h, "error 4001");
    const item = h.items()[0];
    expect(item.title).toBe("iCloud Error 4001 (Unconfirmed)");
    expect(item.accessories).toEqual([]);
    expect(item.icon).toMatchObject({ source: Icon.QuestionMarkCircle, tintColor: Color.Orange });
    expect(item.detail?.markdown).toContain("> **Unverified:** One product guide only; Apple doesn't document it");
    expect(item.detail?.metadata).toContainEqual(
      expect.objectContaining({ title: "Confidence", text: "Low (unverified)" }),
    );
    // A verified entry says no such thing.
    await type(h, "-20209");
    expect(h.items()[0].detail?.markdown).not.toContain("Unverified");
    expect(h.items()[0].icon).toMatchObject({ source: Icon.Info });
  });

  it("typing words finds the symptom", async () => {
    const h = await open();
    await type(h, "iPhone works, Mac doesn't");
    expect(h.items()[0].title).toBe("iPhone Works, Mac Doesn't");
    await type(h, "There was an error connecting to the Apple ID server.");
    expect(h.items()[0].title).toBe("Error Connecting to the Apple Account Server");
    expect(h.items()[0].accessories).toEqual([]);
    expect(h.items()[0].detail?.metadata).toContainEqual(
      expect.objectContaining({ title: "Confidence", text: "Medium" }),
    );
  });

  it("actions: Run Related Checks first, the entry's fixes, Copy Explanation on ⇧⌘C, Open Apple Support", async () => {
    const h = await open({ initialQuery: "ENOTFOUND" });
    const title = "Name Not Found (DNS)";
    const actions = h.actions(title);
    expect(actions.map((a) => a.title)).toEqual([
      "Run Related Checks",
      "Flush DNS Cache",
      "Open Network Settings",
      "Copy Explanation",
      "Open Apple Support",
    ]);
    expect(actions[0].kind).toBe("Push");
    expect(actions.find((a) => a.title === "Flush DNS Cache")).toMatchObject({ section: "Fix", defaultKeys: "⌘↩" });
    expect(actions.find((a) => a.title === "Open Network Settings")).toMatchObject({
      kind: "Open",
      target: settingsUrl("open-network-settings"),
    });
    expect(actions.find((a) => a.title === "Open Apple Support")).toMatchObject({ url: SUPPORT_URL });

    const copy = actions.find((a) => a.title === "Copy Explanation")!;
    expect(copy.keys).toBe("⇧⌘C");
    await h.runAction("Copy Explanation", title);
    expect(__mock.clipboard.at(-1)).toBe(explanationText(entry("name-not-found")));

    await h.runAction("Open Network Settings", title);
    expect(__mock.opened.at(-1)?.target).toBe(settingsUrl("open-network-settings"));
  });

  it("an entry with nothing to check offers no Run Related Checks", async () => {
    const h = await open({ initialQuery: "-128" });
    const titles = h.actions("Password Prompt Cancelled").map((a) => a.title);
    expect(titles).not.toContain("Run Related Checks");
    expect(titles).toEqual(["Copy Explanation", "Open Apple Support"]);
  });

  it("Run Related Checks runs just the entry's probes against the Mac and shows what they found", async () => {
    const h = await open({ initialQuery: "ENOTFOUND", host: replay("dns-broken") });
    await h.runAction("Run Related Checks", "Name Not Found (DNS)");
    expect(h.navigationDepth()).toBe(2);
    expect(h.navigationTitle).toBe("Checks: Name Not Found (DNS)");

    await h.waitFor((v) => !v.isLoading());
    const related = h.sections().find((s) => s.title === "Related Checks")!;
    expect(related.items.map((i) => i.id)).toEqual(entry("name-not-found").probes);
    // The pane is open: rows are icon and title, the pane has the status and the summary.
    const status = (title: string) => h.item(title).detail?.metadata.find((m) => m.title === "Status")?.text;
    for (const item of h.items()) {
      expect(item.accessories).toEqual([]);
      expect(item.subtitle).toBeUndefined();
    }
    expect(status("DNS")).toBe("Failed");
    expect(h.item("DNS").detail?.markdown).toContain(
      "This Mac's DNS can't find Apple's sign-in hosts, but 1.1.1.1 can",
    );
    expect(status("Apple Sign-In Servers")).toBe("Failed");
    expect(status("Internet Connection")).toBe("Passed");
    expect(status("Wi-Fi Login Page")).toBe("Passed");
    // Probes the entry doesn't name never ran.
    expect(() => h.item(probeById("clock")!.title)).toThrow(/No item titled/);

    // What the findings point to, with its fixes.
    const diagnosis = h.sections().find((s) => s.title === "Diagnosis");
    expect(diagnosis?.items[0].title).toBe("DNS Problem");
    expect(h.actions("DNS Problem").map((a) => a.title)).toContain("Flush DNS Cache");
    expect(__mock.lastToast()).toMatchObject({ style: Toast.Style.Success, title: "4 checks, 2 problems" });

    // Back to the explanation, where it was.
    await h.pop();
    expect(h.items()[0].title).toBe("Name Not Found (DNS)");
  });

  it("Run Checks Again re-runs the same probes", async () => {
    const h = await open({ initialQuery: "CERT_HAS_EXPIRED", host: replay("clock-ahead") });
    await h.runAction("Run Related Checks", "Certificate Not Yet Valid or Expired");
    await h.waitFor((v) => !v.isLoading());
    expect(
      h
        .sections()
        .find((s) => s.title === "Related Checks")!
        .items.map((i) => i.id),
    ).toEqual(["clock", "time-settings", "tls-inspection"]);
    expect(h.item("Clock").detail?.metadata.find((m) => m.title === "Status")?.text).not.toBe("Passed");
    const toasts = __mock.toasts.length;
    await h.runAction("Run Checks Again", "Clock");
    await h.waitFor((v) => !v.isLoading() && __mock.toasts.length > toasts + 1);
    expect(__mock.toasts.slice(toasts).map((t) => t.style)).toEqual([Toast.Style.Animated, Toast.Style.Success]);
    expect(h.item("Clock").detail?.metadata.find((m) => m.title === "Status")?.text).not.toBe("Passed");
  });

  it("nothing matching shows the empty state with a way on", async () => {
    const h = await open();
    await type(h, "xyzzy plugh");
    expect(h.items()).toEqual([]);
    expect(h.emptyView).toMatchObject({
      title: "No Match",
      description: "Try the exact error code, like -20209, or a few words from the message.",
    });
    expect(h.isShowingDetail()).toBe(false);
    expect(h.actions().map((a) => a.title)).toEqual(["Run Full Checklist", "Open Apple Support"]);
    await h.runAction("Run Full Checklist");
    expect(__mock.launched.at(-1)).toMatchObject({ name: "run-full-checklist", type: LaunchType.UserInitiated });

    // Clearing the search brings every entry back.
    await type(h, "");
    expect(h.items()).toHaveLength(KNOWLEDGE.length);
    expect(h.emptyView).toBeUndefined();
  });
});

// The Store previews' HTML (scripts/previews/): the real views rendered with
// replayed recordings, laid out like Raycast's window. The Chromium screenshot
// step (npm run previews) is not part of the tests.
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { AREA_TITLES } from "../src/core/probes";
import { glyph, hasGlyph } from "../scripts/previews/glyphs";
import { escapeHtml, markdownToHtml, renderPage } from "../scripts/previews/html";
import { SCENES, commandIcon, renderScene, type Screen } from "../scripts/previews/scenes";
import { __mock } from "./mocks/raycast-api";

const ROOT = join(__dirname, "..");
const scene = (command: string) => SCENES.find((s) => s.command === command)!;

beforeEach(() => __mock.reset());

describe("Run Full Checklist preview (a Mac whose DNS is broken): the diagnosis leads", () => {
  let screen: Screen;
  let html: string;
  beforeEach(async () => {
    screen = await renderScene(scene("run-full-checklist"), ROOT);
    html = renderPage(screen, { iconDataUri: "data:image/png;base64,AAAA" });
  });

  it("is the Store's first picture, and shows a failing run: the diagnosis first and selected, with its fix", () => {
    expect(SCENES[0]).toMatchObject({ command: "run-full-checklist", recording: "dns-broken" });
    expect(screen.sections[0].title).toBe("Diagnosis");
    expect(html).toMatch(/<div class="row selected">[^]*?<span class="title">DNS Problem<\/span>/);
    expect(html).toContain('<div class="detail"><div class="markdown"><h2>DNS Problem</h2>');
    expect(html).toContain("<h3>Fix</h3>");
    expect(html).toContain('<span class="primary">Flush DNS Cache<span class="keys"><kbd>↵</kbd></span></span>');
    for (const area of ["Diagnosis", AREA_TITLES.apple, AREA_TITLES.network]) {
      expect(html).toContain(`<div class="section"><span>${escapeHtml(area)}</span>`);
    }
  });

  it("shows whole labels only: no title cut short, a subtitle whole or not at all, no header without its rows", () => {
    // Titles no longer shrink (the CSS), so an ellipsis can only come from a subtitle, and those are whole.
    expect(html).toContain(".title{flex:none;");
    const rows = [...html.matchAll(/<div class="row[^"]*">(.*?)<\/div>/g)].map((m) => m[1]);
    const items = screen.sections.flatMap((s) => s.items);
    for (const row of rows) {
      const title = /<span class="title">([^<]*)<\/span>/.exec(row)![1];
      const item = items.find((i) => escapeHtml(i.title) === title)!;
      expect(item, title).toBeDefined();
      const subtitle = /<span class="subtitle">([^<]*)<\/span>/.exec(row)?.[1];
      if (subtitle !== undefined) expect(subtitle).toBe(escapeHtml(item.subtitle!));
    }
    // The list ends on a row, never on a section header cut off at the bottom.
    expect(html).toMatch(/<\/div><\/div><div class="detail">/);
    expect(html).not.toMatch(/<div class="section">(?:(?!<div class="row).)*<\/div><\/div><div class="detail">/);
  });

  it("has the search bar, no row tags beside the open pane, and the action bar with the primary action", () => {
    expect(html).toContain('<span class="placeholder">Filter checks</span>');
    // The detail pane is open: rows keep their icon and title only.
    expect(html.match(/>Passed</g)).toBeNull();
    // The diagnosis row is selected, so its fix is the primary action.
    expect(html).toContain('<span class="primary">Flush DNS Cache<span class="keys"><kbd>↵</kbd></span></span>');
    expect(html).toContain('Actions<span class="keys"><kbd>⌘</kbd><kbd>K</kbd></span>');
    expect(html).toContain("<span>Run Full Checklist</span>");
  });

  it("loads nothing: no remote URLs, a CSP that forbids them, and drawn icons", () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).not.toMatch(/url\(|@import|<script|<link/);
    // Every row icon has a drawing (not the fallback dot).
    const icons = [...html.matchAll(/data-icon="([^"]+)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(5);
    for (const name of icons) expect(hasGlyph(name), name).toBe(true);
  });
});

describe("the other previews", () => {
  it("Flush DNS opens as a list: every host against the public resolvers, no detail pane", async () => {
    const screen = await renderScene(scene("flush-dns"), ROOT);
    const html = renderPage(screen);
    expect(screen.isShowingDetail).toBe(false);
    expect(html).not.toContain('class="detail"');
    expect(html).toContain(escapeHtml("This Mac's DNS can't find Apple's sign-in hosts, but 1.1.1.1 can"));
    // Six sign-in hosts; whole rows only, so the sixth (appleid.cdn-apple.com) is below the fold, as in Raycast.
    expect(html.match(/>1\.1\.1\.1 Resolves</g)).toHaveLength(5);
    expect(html).toContain('<span class="primary">Flush DNS Cache');
  });

  it("Check Apple Status shows the feed dropdown and the outage first", async () => {
    const screen = await renderScene(scene("check-apple-status"), ROOT);
    expect(screen.dropdown).toEqual({ tooltip: "Feed", value: "Consumer" });
    const html = renderPage(screen);
    expect(html).toContain('<span class="dropdown" title="Feed">Consumer');
    // The pane is open: the row keeps icon and title, the pane shows the Outage state.
    expect(screen.sections[0].items[0]).toMatchObject({ title: "Apple Account", accessories: [] });
    expect(screen.sections[0].items[0].detail?.metadata).toContainEqual(
      expect.objectContaining({ title: "State", tags: [expect.objectContaining({ text: "Outage" })] }),
    );
    // "Some users are affected" once: in the metadata, not again in the text above it.
    expect(html.match(/Some users are affected/g)).toHaveLength(1);
  });

  it("Flush DNS labels its latency column: This Mac's lookup time", async () => {
    const html = renderPage(await renderScene(scene("flush-dns"), ROOT));
    expect(html).toMatch(/<span class="acc-text"[^>]*>This Mac \d+ ms<\/span>/);
    expect(html).not.toMatch(/<span class="acc-text"[^>]*>\d+ ms<\/span>/);
  });

  it("Explain Error shows an entry's meaning, steps and sources", async () => {
    const screen = await renderScene(scene("explain-error"), ROOT);
    const html = renderPage(screen);
    expect(html).toContain('<span class="title">Account Locked for Security Reasons</span>');
    expect(html).toContain("<h3>What to Do</h3>");
    expect(html).toContain('<span class="primary">Run Related Checks');
  });

  it("the menu bar: its status item, tinted, with the menu open under it (README only)", async () => {
    const screen = await renderScene(scene("apple-status-menu-bar"), ROOT);
    expect(screen.menuBar).toMatchObject({ title: "1" });
    const html = renderPage(screen);
    expect(html).toContain('<div class="menubar">');
    expect(html).toContain("<span>Apple Account</span>");
    expect(html).toContain("<span>Check Apple Status…</span>");
    expect(scene("apple-status-menu-bar").store).toBe(false);
  });

  it("every scene has an icon for its command", () => {
    const manifest = { icon: "extension-icon.png", commands: [{ name: "flush-dns", icon: "custom.png" }] };
    expect(commandIcon(manifest, "flush-dns")).toBe("custom.png");
    expect(commandIcon(manifest, "verify-clock")).toBe("command-clock.png");
    expect(commandIcon(manifest, "unknown")).toBe("extension-icon.png");
    expect(SCENES.map((s) => s.command)).toEqual([
      "run-full-checklist",
      "explain-error",
      "verify-clock",
      "check-apple-status",
      "flush-dns",
      "clear-icloud-tokens",
      "apple-status-menu-bar",
    ]);
    // The Store takes 3 to 6 screenshots; the README-only ones come last, so the Store's are numbered 1…n.
    const store = SCENES.filter((s) => s.store !== false);
    expect(store.length).toBeLessThanOrEqual(6);
    expect(SCENES.slice(0, store.length)).toEqual(store);
  });
});

describe("markdownToHtml", () => {
  it("renders headings, lists, code, bold and italics, escaping everything else", () => {
    const html = markdownToHtml(
      [
        "## Clock Is Off",
        "",
        "Your clock is **9 min** ahead of `time.apple.com` <b>.",
        "",
        "- one",
        "- _two_",
        "",
        "1. Sync Clock",
        "2. Open Settings",
        "",
        "```",
        "a < b",
        "```",
      ].join("\n"),
    );
    expect(html).toBe(
      [
        "<h2>Clock Is Off</h2>",
        "<p>Your clock is <strong>9 min</strong> ahead of <code>time.apple.com</code> &lt;b&gt;.</p>",
        "<ul><li>one</li><li><em>two</em></li></ul>",
        "<ol><li>Sync Clock</li><li>Open Settings</li></ol>",
        "<pre><code>a &lt; b</code></pre>",
      ].join("\n"),
    );
  });

  it("an unknown icon falls back to a dot instead of failing", () => {
    expect(hasGlyph("NoSuchIcon")).toBe(false);
    expect(glyph("NoSuchIcon")).toContain("<circle");
  });
});

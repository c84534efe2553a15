// The Store previews' HTML (scripts/previews/): the real views rendered with
// replayed recordings, laid out like Raycast's window. The Chromium screenshot
// step (npm run previews) is not part of the tests.
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { AREA_TITLES, CHECKLIST_PROBES } from "../src/core/probes";
import { glyph, hasGlyph } from "../scripts/previews/glyphs";
import { escapeHtml, markdownToHtml, renderPage } from "../scripts/previews/html";
import { SCENES, commandIcon, renderScene, type Screen } from "../scripts/previews/scenes";
import { __mock } from "./mocks/raycast-api";

const ROOT = join(__dirname, "..");
const scene = (command: string) => SCENES.find((s) => s.command === command)!;

beforeEach(() => __mock.reset());

describe("Run Full Checklist preview (healthy recording)", () => {
  let screen: Screen;
  let html: string;
  beforeEach(async () => {
    screen = await renderScene(scene("run-full-checklist"), ROOT);
    html = renderPage(screen, { iconDataUri: "data:image/png;base64,AAAA" });
  });

  it("shows every check's row, under its area, and the diagnosis first and selected", () => {
    for (const probe of CHECKLIST_PROBES)
      expect(html).toContain(`<span class="title">${escapeHtml(probe.title)}</span>`);
    for (const area of ["Diagnosis", AREA_TITLES.apple, AREA_TITLES.network]) {
      expect(html).toContain(`<div class="section"><span>${escapeHtml(area)}</span>`);
    }
    // The diagnosis is the first row, selected, and its detail fills the pane.
    expect(screen.sections[0].title).toBe("Diagnosis");
    expect(html).toMatch(/<div class="row selected">[^]*?<span class="title">No Problems Found<\/span>/);
    expect(html.indexOf("No Problems Found")).toBeLessThan(html.indexOf(escapeHtml(CHECKLIST_PROBES[0].title)));
    expect(html).toContain('<div class="detail"><div class="markdown"><h2>No Problems Found</h2>');
    expect(html).toContain("No problem found in 14 checks");
    expect(html).toContain('<span class="meta-title">Confidence</span>');
  });

  it("has the search bar, no row tags beside the open pane, and the action bar with the primary action", () => {
    expect(html).toContain('<span class="placeholder">Filter checks</span>');
    // The detail pane is open: rows keep their icon and title only.
    expect(html.match(/>Passed</g)).toBeNull();
    expect(html).toContain('<span class="primary">Copy Support Summary<span class="keys"><kbd>↵</kbd></span></span>');
    expect(html).toContain('Actions<span class="keys"><kbd>⌘</kbd><kbd>K</kbd></span>');
    expect(html).toContain("<span>Run Full Checklist</span>");
  });

  it("loads nothing: no remote URLs, a CSP that forbids them, and drawn icons", () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).not.toMatch(/url\(|@import|<script|<link/);
    // Every row icon has a drawing (not the fallback dot).
    const icons = [...html.matchAll(/data-icon="([^"]+)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(CHECKLIST_PROBES.length);
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
    expect(html.match(/>1\.1\.1\.1 Resolves</g)).toHaveLength(5);
    expect(html).toContain('<span class="primary">Flush DNS Cache');
  });

  it("Check Apple Status shows the feed dropdown and the outage first", async () => {
    const screen = await renderScene(scene("check-apple-status"), ROOT);
    expect(screen.dropdown).toEqual({ tooltip: "Feed", value: "Consumer" });
    const html = renderPage(screen);
    expect(html).toContain('<span class="dropdown" title="Feed">Consumer');
    expect(screen.sections[0].items[0]).toMatchObject({ title: "Apple ID", accessories: [{ tag: "Outage" }, {}] });
  });

  it("every scene has an icon for its command", () => {
    const manifest = { icon: "extension-icon.png", commands: [{ name: "flush-dns", icon: "custom.png" }] };
    expect(commandIcon(manifest, "flush-dns")).toBe("custom.png");
    expect(commandIcon(manifest, "verify-clock")).toBe("command-clock.png");
    expect(commandIcon(manifest, "unknown")).toBe("extension-icon.png");
    expect(SCENES.map((s) => s.command)).toEqual([
      "run-full-checklist",
      "verify-clock",
      "check-apple-status",
      "flush-dns",
      "clear-icloud-tokens",
    ]);
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

// Lays a rendered Screen (scenes.tsx) out as one self-contained HTML page
// that looks like Raycast's window in the dark theme: search bar, sections,
// rows with tinted icons and accessories, the first row selected, the detail
// pane with its markdown and metadata, and the action bar. Everything is
// inline: no fonts, images or styles are fetched.
import type { RenderedAccessory, RenderedAction, RenderedItem, RenderedMetadata } from "../../test/support/render";
import { glyph } from "./glyphs";
import type { Screen } from "./scenes";

/** Raycast's dark-theme colours for its Color names (the mock's values). */
const COLORS: Record<string, string> = {
  "raycast-blue": "#56C2FF",
  "raycast-green": "#59D499",
  "raycast-magenta": "#FF63C3",
  "raycast-orange": "#FF8C39",
  "raycast-purple": "#CF80FF",
  "raycast-red": "#FF6363",
  "raycast-yellow": "#FFC531",
  "raycast-primary-text": "rgba(255,255,255,0.92)",
  "raycast-secondary-text": "rgba(255,255,255,0.5)",
};

/** A Color name, or a hex/CSS colour a view passed as is. */
function cssColor(color: string | undefined, fallback: string): string {
  if (!color) return fallback;
  return COLORS[color] ?? color;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// ---------------------------------------------------------------------------
// Markdown: the subset the views write (headings, paragraphs, lists, code
// blocks, inline code, bold, italics, links).

function inline(text: string): string {
  const codes: string[] = [];
  let out = escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  out = out
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])\*([^*]+)\*(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<span class="link">$1</span>');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => codes[Number(i)]);
}

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: "ul" | "ol"; items: string[] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length) html.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) html.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${list.tag}>`);
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^\s*```/);
    if (fence) {
      flushParagraph();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) code.push(lines[i]);
      html.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^\s*[-*+]\s+(.*)$/);
    const numbered = line.match(/^\s*\d+[.)]\s+(.*)$/);
    if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1].length;
      html.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? "ul" : "ol";
      if (list?.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]);
    } else if (/^\s*(---|\*\*\*)\s*$/.test(line)) {
      flushParagraph();
      flushList();
      html.push("<hr>");
    } else if (line.trim() === "") {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return html.join("\n");
}

// ---------------------------------------------------------------------------
// Icons: "Name", { source, tintColor }, or { value: icon, tooltip }

function iconParts(icon: unknown): { name?: string; tint?: string } {
  if (typeof icon === "string") return { name: icon };
  if (icon && typeof icon === "object") {
    if ("value" in icon) return iconParts((icon as { value: unknown }).value);
    if ("source" in icon) {
      const { source, tintColor } = icon as { source: unknown; tintColor?: unknown };
      const tint = typeof tintColor === "string" ? tintColor : undefined;
      return { name: typeof source === "string" ? source : undefined, tint };
    }
  }
  return {};
}

function iconHtml(icon: unknown, fallbackColor: string, className = "icon"): string {
  const { name, tint } = iconParts(icon);
  if (!name) return "";
  return `<span class="${className}" data-icon="${escapeHtml(name)}" style="color:${cssColor(tint, fallbackColor)}">${glyph(name)}</span>`;
}

// ---------------------------------------------------------------------------
// Pieces

function accessoryHtml(accessory: RenderedAccessory): string {
  const icon = iconHtml(accessory.icon, COLORS["raycast-secondary-text"], "acc-icon");
  if (accessory.tag !== undefined) {
    const color = cssColor(accessory.color, "rgba(255,255,255,0.6)");
    const background = accessory.color ? `color-mix(in srgb, ${color} 16%, transparent)` : "rgba(255,255,255,0.09)";
    return `<span class="tag" style="color:${color};background:${background}">${icon}${escapeHtml(accessory.tag)}</span>`;
  }
  if (accessory.text !== undefined) {
    const color = cssColor(accessory.color, COLORS["raycast-secondary-text"]);
    return `<span class="acc-text" style="color:${color}">${icon}${escapeHtml(accessory.text)}</span>`;
  }
  if (accessory.date !== undefined) {
    return `<span class="acc-text">${icon}${escapeHtml(new Date(accessory.date).toLocaleString("en-US"))}</span>`;
  }
  return icon ? `<span class="acc-text">${icon}</span>` : "";
}

// Rough text widths (px) in the page's sans-serif, to lay a row out the way a
// native list does: the title and accessories first, then the subtitle only
// where a useful part of it fits (a two-letter stub helps nobody).
const NARROW = new Set([..."iljtf.,:;'!|()[] 1I"]);
const WIDE = new Set([..."mwMW@"]);
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += NARROW.has(c) ? 0.3 : WIDE.has(c) ? 0.85 : c >= "A" && c <= "Z" ? 0.66 : 0.54;
  return em * size * 1.06;
}

function accessoryWidth(accessory: RenderedAccessory): number {
  const icon = accessory.icon ? 19 : 0;
  if (accessory.tag !== undefined) return textWidth(accessory.tag, 12) + 14 + icon;
  if (accessory.text !== undefined) return textWidth(accessory.text, 12.5) + icon;
  if (accessory.date !== undefined) return 120 + icon;
  return icon;
}

/** The row's inner width (px): the list pane less paddings, the icon and its gap. */
const ROW_WIDTH = { list: 750 - 16 - 16 - 28, detail: 750 * 0.4 - 16 - 16 - 28 };
const MIN_SUBTITLE = 70;

/** The list pane's height (the window less the search and action bars and paddings), a row's and a section header's, in px. */
const LIST_HEIGHT = 475 - 52 - 40 - 8;
const ROW_HEIGHT = 38;
const SECTION_HEIGHT = 32;

/**
 * A row as a screenshot should show it: the title always whole; plain-text
 * accessories (a duration) give way before it does; the subtitle only when
 * it fits whole ("No problem fou…" tells nobody anything).
 */
function rowHtml(item: RenderedItem, selected: boolean, rowWidth: number): string {
  const titleWidth = textWidth(item.title, 13.5);
  const shown = [...item.accessories];
  const widthOf = (list: RenderedAccessory[]) => list.reduce((sum, a) => sum + accessoryWidth(a) + 10, 0);
  // Then tags, from the end, rather than a tag cut off at the window's edge.
  while (shown.length && titleWidth + 10 + widthOf(shown) > rowWidth) {
    const plain = shown.map((a) => a.tag === undefined).lastIndexOf(true);
    shown.splice(plain >= 0 ? plain : shown.length - 1, 1);
  }
  const room = rowWidth - titleWidth - 10 - widthOf(shown);
  const fits = item.subtitle && room >= Math.max(MIN_SUBTITLE, textWidth(item.subtitle, 13.5) + 8);
  const subtitle = fits ? `<span class="subtitle">${escapeHtml(item.subtitle!)}</span>` : "";
  const accessories = shown.map(accessoryHtml).join("");
  return [
    `<div class="row${selected ? " selected" : ""}">`,
    iconHtml(item.icon, COLORS["raycast-primary-text"]),
    `<span class="title">${escapeHtml(item.title)}</span>`,
    subtitle,
    accessories ? `<span class="accessories">${accessories}</span>` : "",
    "</div>",
  ].join("");
}

function metadataHtml(metadata: RenderedMetadata[]): string {
  if (metadata.length === 0) return "";
  const rows = metadata.map((entry) => {
    switch (entry.kind) {
      case "separator":
        return '<div class="meta-sep"></div>';
      case "tags":
        return `<div class="meta-row"><span class="meta-title">${escapeHtml(entry.title ?? "")}</span><span class="meta-tags">${(
          entry.tags ?? []
        )
          .map((tag) => {
            const color = cssColor(tag.color, "rgba(255,255,255,0.75)");
            const background = tag.color ? `color-mix(in srgb, ${color} 16%, transparent)` : "rgba(255,255,255,0.09)";
            return `<span class="tag" style="color:${color};background:${background}">${escapeHtml(tag.text)}</span>`;
          })
          .join("")}</span></div>`;
      case "link":
        return `<div class="meta-row"><span class="meta-title">${escapeHtml(entry.title ?? "")}</span><span class="meta-link">${escapeHtml(entry.text ?? entry.target ?? "")}</span></div>`;
      default: {
        const color = cssColor(entry.color, "rgba(255,255,255,0.88)");
        const icon = iconHtml(entry.icon, color, "acc-icon");
        return `<div class="meta-row"><span class="meta-title">${escapeHtml(entry.title ?? "")}</span><span class="meta-text" style="color:${color}">${icon}${escapeHtml(entry.text ?? "")}</span></div>`;
      }
    }
  });
  return `<div class="metadata"><div class="meta-label">Metadata</div>${rows.join("")}</div>`;
}

function keyCaps(keys: string | undefined): string {
  if (!keys) return "";
  return `<span class="keys">${[...keys].map((k) => `<kbd>${escapeHtml(k)}</kbd>`).join("")}</span>`;
}

function actionBarHtml(screen: Screen, iconDataUri: string | undefined): string {
  const primary: RenderedAction | undefined = screen.actions[0];
  const icon = iconDataUri ? `<img class="bar-icon" src="${iconDataUri}" alt="">` : "";
  const primaryHtml = primary
    ? `<span class="primary">${escapeHtml(primary.title)}<span class="keys"><kbd>↵</kbd></span></span><span class="bar-sep"></span>`
    : "";
  return [
    '<div class="action-bar">',
    `<span class="bar-left">${icon}<span>${escapeHtml(screen.navigationTitle ?? "")}</span></span>`,
    `<span class="bar-right">${primaryHtml}<span class="actions-label">Actions${keyCaps("⌘K")}</span></span>`,
    "</div>",
  ].join("");
}

// ---------------------------------------------------------------------------

export interface PageOptions {
  /** The command's icon (a data: URI), shown in the action bar as Raycast does. */
  iconDataUri?: string;
  /** A caption under the window, for people reading the README. Off for the Store. */
  caption?: string;
}

const FONT =
  '-apple-system, BlinkMacSystemFont, "SF Pro Text", "Helvetica Neue", "Inter", "Liberation Sans", Arial, "DejaVu Sans", sans-serif';
const MONO = '"SF Mono", Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace';

const CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:100%;height:100%;overflow:hidden}
body{font-family:${FONT};-webkit-font-smoothing:antialiased;color:rgba(255,255,255,0.92);
  background:radial-gradient(120% 90% at 15% 10%,#2f5fd0 0%,rgba(47,95,208,0) 55%),
             radial-gradient(110% 90% at 90% 95%,#12a597 0%,rgba(18,165,151,0) 55%),
             linear-gradient(135deg,#15306e 0%,#0f4c6b 55%,#0b5a59 100%);}
.stage{position:absolute;inset:0;display:flex;align-items:center;justify-content:center}
.window{width:750px;height:475px;border-radius:12px;overflow:hidden;display:flex;flex-direction:column;
  background:#1d1d1f;border:1px solid rgba(255,255,255,0.14);
  box-shadow:0 28px 70px rgba(0,0,0,0.55),0 0 0 0.5px rgba(0,0,0,0.8)}
.search{height:52px;flex:none;display:flex;align-items:center;gap:12px;padding:0 14px;border-bottom:1px solid rgba(255,255,255,0.08)}
.back{width:24px;height:24px;border-radius:6px;background:rgba(255,255,255,0.09);display:flex;align-items:center;justify-content:center;color:rgba(255,255,255,0.7)}
.back svg{width:14px;height:14px}
.placeholder{flex:1;font-size:15px;color:rgba(255,255,255,0.38);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.dropdown{display:flex;align-items:center;gap:8px;font-size:13px;height:26px;padding:0 8px 0 10px;border-radius:6px;
  background:rgba(255,255,255,0.08);border:1px solid rgba(255,255,255,0.08);color:rgba(255,255,255,0.85)}
.dropdown svg{width:10px;height:10px;color:rgba(255,255,255,0.5)}
.body{flex:1;display:flex;min-height:0}
.list{flex:1;padding:4px 8px;overflow:hidden;min-width:0}
.with-detail .list{flex:0 0 40%}
.section{font-size:12px;font-weight:600;color:rgba(255,255,255,0.5);padding:10px 8px 5px;display:flex;gap:8px;white-space:nowrap;overflow:hidden}
.section .sub{font-weight:400;color:rgba(255,255,255,0.35);overflow:hidden;text-overflow:ellipsis}
.row{height:38px;overflow:hidden;display:flex;align-items:center;gap:10px;padding:0 8px;border-radius:8px;font-size:13.5px;white-space:nowrap}
.row.selected{background:rgba(255,255,255,0.1)}
.icon{flex:none;width:18px;height:18px;display:flex;align-items:center;justify-content:center}
.icon svg{width:18px;height:18px}
.title{flex:none;color:rgba(255,255,255,0.92)}
.subtitle{flex:1 1 0;min-width:0;overflow:hidden;text-overflow:ellipsis;color:rgba(255,255,255,0.48)}
.accessories{margin-left:auto;flex:none;display:flex;align-items:center;gap:10px;padding-left:6px}
.tag{display:inline-flex;align-items:center;gap:4px;font-size:12px;font-weight:500;line-height:20px;padding:0 7px;border-radius:5px;white-space:nowrap}
.acc-text{display:inline-flex;align-items:center;gap:5px;font-size:12.5px;color:rgba(255,255,255,0.5)}
.acc-icon{display:inline-flex;width:14px;height:14px}
.acc-icon svg{width:14px;height:14px}
.detail{flex:1;display:flex;flex-direction:column;min-width:0;border-left:1px solid rgba(255,255,255,0.08)}
.markdown{flex:1;overflow:hidden;padding:16px 20px 12px;font-size:13.5px;line-height:1.5;color:rgba(255,255,255,0.88)}
.markdown h1{font-size:20px;font-weight:700;margin:0 0 10px}
.markdown h2{font-size:17px;font-weight:700;margin:0 0 8px}
.markdown h3{font-size:14px;font-weight:700;margin:14px 0 6px}
.markdown h4,.markdown h5,.markdown h6{font-size:13.5px;font-weight:700;margin:12px 0 4px}
.markdown p{margin:0 0 9px}
.markdown ul,.markdown ol{margin:0 0 9px 20px}
.markdown li{margin:2px 0}
.markdown code{font-family:${MONO};font-size:12px;background:rgba(255,255,255,0.08);border-radius:4px;padding:1px 4px}
.markdown pre{background:rgba(255,255,255,0.06);border-radius:6px;padding:8px 10px;margin:0 0 9px;white-space:pre-wrap;word-break:break-word}
.markdown pre code{background:none;padding:0;font-size:11.5px;line-height:1.45}
.markdown strong{font-weight:700;color:#fff}
.markdown .link{color:#56C2FF}
.markdown hr{border:0;border-top:1px solid rgba(255,255,255,0.1);margin:10px 0}
.metadata{flex:none;border-top:1px solid rgba(255,255,255,0.08);padding:8px 20px 10px}
.meta-label{display:none}
.meta-row{display:flex;align-items:center;justify-content:space-between;gap:16px;min-height:28px;font-size:12.5px}
.meta-title{color:rgba(255,255,255,0.5);white-space:nowrap}
.meta-text,.meta-link{display:inline-flex;align-items:center;gap:5px;text-align:right}
.meta-link{color:#56C2FF}
.meta-tags{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:5px}
.meta-sep{border-top:1px solid rgba(255,255,255,0.08);margin:4px 0}
.action-bar{height:40px;flex:none;display:flex;align-items:center;justify-content:space-between;padding:0 10px 0 14px;
  border-top:1px solid rgba(255,255,255,0.08);background:rgba(255,255,255,0.03);font-size:12.5px}
.bar-left{display:flex;align-items:center;gap:8px;color:rgba(255,255,255,0.55)}
.bar-icon{width:18px;height:18px}
.bar-right{display:flex;align-items:center;gap:10px;color:rgba(255,255,255,0.55)}
.primary{display:flex;align-items:center;gap:8px;color:rgba(255,255,255,0.92);font-weight:500}
.bar-sep{width:1px;height:16px;background:rgba(255,255,255,0.14)}
.actions-label{display:flex;align-items:center;gap:8px}
.keys{display:inline-flex;gap:3px}
kbd{font-family:${FONT};font-size:11.5px;min-width:20px;height:20px;padding:0 4px;border-radius:4px;display:inline-flex;align-items:center;justify-content:center;
  background:rgba(255,255,255,0.1);color:rgba(255,255,255,0.7)}
.caption{position:absolute;left:0;right:0;bottom:22px;text-align:center;font-size:14px;color:rgba(255,255,255,0.8)}
`;

const BACK = `<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M10 3L5 8l5 5"/></svg>`;
const CHEVRON = `<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M4 6l4 4 4-4"/></svg>`;

const MENU_CSS = `
.menubar{position:absolute;top:0;left:0;right:0;height:28px;display:flex;align-items:center;justify-content:flex-end;gap:18px;
  padding:0 16px;background:rgba(20,24,36,0.72);font-size:13px;color:rgba(255,255,255,0.9)}
.menubar .item{display:flex;align-items:center;gap:5px;padding:2px 7px;border-radius:5px}
.menubar .item.open{background:rgba(255,255,255,0.18)}
.menubar .icon,.menubar .icon svg{width:16px;height:16px}
.menu{position:absolute;top:33px;width:360px;padding:5px;border-radius:10px;background:rgba(40,40,44,0.96);
  border:1px solid rgba(255,255,255,0.14);box-shadow:0 18px 50px rgba(0,0,0,0.5);font-size:13px}
.menu .heading{padding:6px 10px 3px;font-size:11.5px;font-weight:600;color:rgba(255,255,255,0.45)}
.menu .entry{display:flex;align-items:center;gap:8px;height:26px;padding:0 10px;border-radius:5px;white-space:nowrap}
.menu .entry .icon,.menu .entry .icon svg{width:15px;height:15px}
.menu .entry .keys{margin-left:auto}
.menu .sep{border-top:1px solid rgba(255,255,255,0.1);margin:5px 8px}
`;

/** A menu bar command: the status item in a macOS menu bar, its menu open under it. */
function renderMenuPage(screen: Screen, options: PageOptions): string {
  const bar = screen.menuBar!;
  const sections: Array<{ title?: string; items: RenderedAction[] }> = [];
  for (const action of screen.actions) {
    const last = sections[sections.length - 1];
    if (last && last.title === action.section) last.items.push(action);
    else sections.push({ title: action.section, items: [action] });
  }
  const menu = sections
    .map(
      (section, i) =>
        (i > 0 ? '<div class="sep"></div>' : "") +
        (section.title ? `<div class="heading">${escapeHtml(section.title)}</div>` : "") +
        section.items
          .map(
            (a) =>
              `<div class="entry">${iconHtml(a.icon, COLORS["raycast-primary-text"])}<span>${escapeHtml(a.title)}</span>${keyCaps(a.keys)}</div>`,
          )
          .join(""),
    )
    .join("");
  const item = `<span class="item open">${iconHtml(bar.icon, COLORS["raycast-primary-text"])}${bar.title ? `<span>${escapeHtml(bar.title)}</span>` : ""}</span>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(screen.command)} (preview)</title>
<style>${CSS}${MENU_CSS}</style></head>
<body data-command="${escapeHtml(screen.command)}" data-recording="${escapeHtml(screen.recording)}">
<div class="menubar"><span>Wi-Fi</span>${item}<span>Fri 10:00</span></div>
<div class="menu" style="right:110px">${menu}</div>
${options.caption ? `<div class="caption">${escapeHtml(options.caption)}</div>` : ""}
</body></html>
`;
}

/** The whole page for one screen. */
export function renderPage(screen: Screen, options: PageOptions = {}): string {
  if (screen.menuBar) return renderMenuPage(screen, options);
  const first = screen.sections.flatMap((section) => section.items)[0];
  const showsDetail = screen.isShowingDetail && screen.detail !== undefined;
  const rowWidth = showsDetail ? ROW_WIDTH.detail : ROW_WIDTH.list;
  // Only what fits whole: a section header cut in half at the bottom (or one
  // with none of its rows under it) is noise in a screenshot.
  let room = LIST_HEIGHT;
  const parts: string[] = [];
  for (const section of screen.sections) {
    const header =
      section.title !== undefined
        ? `<div class="section"><span>${escapeHtml(section.title)}</span>${
            section.subtitle ? `<span class="sub">${escapeHtml(section.subtitle)}</span>` : ""
          }</div>`
        : "";
    const headerHeight = header ? SECTION_HEIGHT : 0;
    if (room < headerHeight + ROW_HEIGHT) break;
    room -= headerHeight;
    parts.push(header);
    for (const item of section.items) {
      if (room < ROW_HEIGHT) break;
      room -= ROW_HEIGHT;
      parts.push(rowHtml(item, item === first, rowWidth));
    }
  }
  const list = parts.join("");
  const detail =
    showsDetail && screen.detail
      ? `<div class="detail"><div class="markdown">${markdownToHtml(screen.detail.markdown ?? "")}</div>${metadataHtml(
          screen.detail.metadata,
        )}</div>`
      : "";
  const dropdown = screen.dropdown
    ? `<span class="dropdown" title="${escapeHtml(screen.dropdown.tooltip ?? "")}">${escapeHtml(screen.dropdown.value ?? "")}${CHEVRON}</span>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(screen.navigationTitle ?? screen.command)} (preview)</title>
<style>${CSS}</style></head>
<body data-command="${escapeHtml(screen.command)}" data-recording="${escapeHtml(screen.recording)}">
<div class="stage"><div class="window${detail ? " with-detail" : ""}">
<div class="search"><span class="back">${BACK}</span><span class="placeholder">${escapeHtml(screen.searchBarPlaceholder ?? "Search…")}</span>${dropdown}</div>
<div class="body"><div class="list">${list}</div>${detail}</div>
${actionBarHtml(screen, options.iconDataUri)}
</div></div>${options.caption ? `<div class="caption">${escapeHtml(options.caption)}</div>` : ""}
</body></html>
`;
}

// Raycast's Icon names, drawn as small inline SVGs (16-unit square, stroked in
// currentColor) so a preview page loads nothing. Names without a drawing get a
// dot: a preview never fails for an icon it doesn't know.

const S = (body: string) =>
  `<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;

const RING = '<circle cx="8" cy="8" r="6.25"/>';

const GLYPHS: Record<string, string> = {
  CheckCircle: S(`${RING}<path d="M5.2 8.2l1.9 1.9 3.7-4"/>`),
  XMarkCircle: S(`${RING}<path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4"/>`),
  MinusCircle: S(`${RING}<path d="M5.2 8h5.6"/>`),
  QuestionMarkCircle: S(
    `${RING}<path d="M6.3 6.3a1.8 1.8 0 1 1 2.5 1.6c-.5.3-.8.6-.8 1.2v.3"/><circle cx="8" cy="11.3" r=".4" fill="currentColor"/>`,
  ),
  ExclamationMark: S(`${RING}<path d="M8 4.8v3.8"/><circle cx="8" cy="11" r=".4" fill="currentColor"/>`),
  Warning: S(
    '<path d="M8 2.2l6.2 11H1.8z"/><path d="M8 6.3v3.2"/><circle cx="8" cy="11.3" r=".4" fill="currentColor"/>',
  ),
  Circle: S(RING),
  CircleProgress: S('<circle cx="8" cy="8" r="6.25" opacity=".35"/><path d="M8 1.75a6.25 6.25 0 0 1 6.25 6.25"/>'),
  Globe: S(`${RING}<ellipse cx="8" cy="8" rx="2.7" ry="6.25"/><path d="M1.9 8h12.2"/>`),
  Network: S(
    '<circle cx="8" cy="3.5" r="1.6"/><circle cx="3.5" cy="12.3" r="1.6"/><circle cx="12.5" cy="12.3" r="1.6"/><path d="M7.2 4.9l-2.9 5.9M8.8 4.9l2.9 5.9M5.1 12.3h5.8"/>',
  ),
  Geopin: S(
    '<path d="M8 14.3s4.6-4.3 4.6-7.7a4.6 4.6 0 1 0-9.2 0c0 3.4 4.6 7.7 4.6 7.7z"/><circle cx="8" cy="6.6" r="1.6"/>',
  ),
  Clock: S(`${RING}<path d="M8 4.6V8l2.3 1.5"/>`),
  Person: S('<circle cx="8" cy="5.2" r="2.6"/><path d="M2.8 14c.4-2.8 2.5-4.4 5.2-4.4s4.8 1.6 5.2 4.4"/>'),
  PersonCircle: S(`${RING}<circle cx="8" cy="6.6" r="2"/><path d="M4.1 12.8c.7-1.6 2.1-2.5 3.9-2.5s3.2.9 3.9 2.5"/>`),
  ArrowClockwise: S('<path d="M13.2 8A5.2 5.2 0 1 1 11.6 4.3"/><path d="M12.2 1.9v2.9H9.3"/>'),
  RotateAntiClockwise: S('<path d="M2.8 8A5.2 5.2 0 1 0 4.4 4.3"/><path d="M3.8 1.9v2.9h2.9"/>'),
  Power: S('<path d="M8 1.8v5.6"/><path d="M4.6 4.2a5.3 5.3 0 1 0 6.8 0"/>'),
  Box: S('<path d="M2.3 4.6L8 1.9l5.7 2.7v6.8L8 14.1l-5.7-2.7z"/><path d="M2.3 4.6L8 7.3l5.7-2.7M8 7.3v6.8"/>'),
  Bug: S(
    '<ellipse cx="8" cy="9.2" rx="3.3" ry="4.3"/><path d="M8 5v8.4M4.7 8H2.2M13.8 8h-2.5M4.9 11.3l-2.1 1.4M11.1 11.3l2.1 1.4M5.5 4.8L4 3.2M10.5 4.8L12 3.2"/>',
  ),
  Lock: S('<rect x="3" y="7" width="10" height="7.2" rx="1.6"/><path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2"/>'),
  Cloud: S('<path d="M4.6 12.8h7a3 3 0 0 0 .4-6A4.3 4.3 0 0 0 3.8 8a2.4 2.4 0 0 0 .8 4.8z"/>'),
  Gear: S(
    '<circle cx="8" cy="8" r="2.2"/><path d="M8 1.8v1.8M8 12.4v1.8M1.8 8h1.8M12.4 8h1.8M3.6 3.6l1.3 1.3M11.1 11.1l1.3 1.3M3.6 12.4l1.3-1.3M11.1 4.9l1.3-1.3"/>',
  ),
  Wand: S('<path d="M2.5 13.5l7.8-7.8M9 3.2V1.8M12.8 7H14.2M11.8 4.2l1-1M9.6 2.9l.6.6"/><path d="M8.7 7.3l1-1"/>'),
  Hammer: S('<path d="M9.2 6.8l-6.5 6.5a1 1 0 0 0 1.4 1.4l6.5-6.5"/><path d="M7.4 3.6l3-1.8 4 4-1.8 3-5.2-5.2z"/>'),
  Document: S('<path d="M4 1.9h5.3L12.4 5v9.1H4z"/><path d="M9.2 1.9V5h3.2M6 8.2h4.2M6 10.8h4.2"/>'),
  Clipboard: S(
    '<rect x="3.2" y="2.8" width="9.6" height="11.4" rx="1.5"/><path d="M6 2.8V2h4v.8M5.8 7h4.4M5.8 9.8h4.4"/>',
  ),
  List: S(
    '<path d="M5.6 4h8M5.6 8h8M5.6 12h8"/><circle cx="2.6" cy="4" r=".5" fill="currentColor"/><circle cx="2.6" cy="8" r=".5" fill="currentColor"/><circle cx="2.6" cy="12" r=".5" fill="currentColor"/>',
  ),
  Gauge: S('<path d="M2.2 11.3a6 6 0 1 1 11.6 0"/><path d="M8 10.2l2.8-3.6"/><circle cx="8" cy="10.4" r=".9"/>'),
  Sidebar: S('<rect x="1.9" y="2.8" width="12.2" height="10.4" rx="1.6"/><path d="M10 2.8v10.4"/>'),
  WifiDisabled: S(
    '<path d="M1.8 6.2a9 9 0 0 1 12.4 0M4 8.6a5.8 5.8 0 0 1 8 0M6.2 11a2.6 2.6 0 0 1 3.6 0"/><path d="M2.4 2.2l11.2 11.6"/>',
  ),
};

const DOT = S('<circle cx="8" cy="8" r="2.2" fill="currentColor" stroke="none"/>');

/** The SVG for an Icon name (the mock's Icon values are their own names). */
export function glyph(name: string): string {
  return GLYPHS[name] ?? DOT;
}

/** Whether there is a drawing for this name (tests and the page's notes use it). */
export function hasGlyph(name: string): boolean {
  return name in GLYPHS;
}

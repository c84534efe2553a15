// What answered GrandSlam's lookup (`GET https://gsa.apple.com/grandslam/GsService2/lookup`), the
// unauthenticated URL bag AuthKit and open-source clients (AltStore, SideStore, apple-private-apis'
// omnisette) fetch first: Apple answers with an XML plist whose top dict holds a `urls` dict
// (`midStartProvisioning`, `midFinishProvisioning`, …). A proxy's or filter's own page is HTML or
// anything else. Regular expressions over the text, no XML parser; never throws.

import { cleanLine } from "../sanitize";

export type LookupVerdict =
  /** A plist with a `urls` dict of https URLs: Apple's sign-in service answered. */
  | { kind: "plist"; keys: string[] }
  /** A web page: someone else's (a block page, a login page, an error page). */
  | { kind: "html"; title?: string }
  /** A plist without the `urls` dict, or anything else: not what Apple sends. */
  | { kind: "other"; sample: string };

const MAX_TITLE = 80;

export function readLookup(body: unknown): LookupVerdict {
  try {
    const text = typeof body === "string" ? body.replace(/^\uFEFF/, "").trim() : "";
    if (/^<\?xml[^>]*>\s*(<!DOCTYPE plist[^>]*>\s*)?<plist\b/i.test(text) || /^<plist\b/i.test(text)) {
      const keys = urlKeys(text);
      if (keys.length) return { kind: "plist", keys };
    }
    if (/<html\b|<!doctype html|<head\b|<body\b/i.test(text.slice(0, 4096))) {
      const title = /<title[^>]*>([\s\S]{0,400}?)<\/title>/i.exec(text)?.[1];
      const clean = title ? cleanLine(decode(title)).replace(/\s+/g, " ").trim().slice(0, MAX_TITLE) : "";
      return clean ? { kind: "html", title: clean } : { kind: "html" };
    }
    return { kind: "other", sample: cleanLine(text.slice(0, 60)).replace(/\s+/g, " ").trim() };
  } catch {
    return { kind: "other", sample: "" };
  }
}

/** The keys of the `urls` dict whose values are https URLs, in order. */
function urlKeys(text: string): string[] {
  const at = /<key>\s*urls\s*<\/key>\s*<dict>/i.exec(text);
  if (!at) return [];
  const rest = text.slice(at.index + at[0].length);
  const end = rest.search(/<\/dict>/i);
  const inner = end === -1 ? "" : rest.slice(0, end);
  const keys: string[] = [];
  const pair = /<key>([^<]{1,80})<\/key>\s*<string>\s*(https:\/\/[^<\s]{1,300})\s*<\/string>/gi;
  for (let m = pair.exec(inner); m && keys.length < 100; m = pair.exec(inner)) keys.push(cleanLine(m[1].trim()));
  return keys;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

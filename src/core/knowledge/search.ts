import { CAUSE_TITLES } from "../cause-titles";
import { FIX_TITLES } from "../fix-titles";
import type { KnowledgeEntry } from "./entry";
import { KNOWLEDGE } from "./index";

// Search over the entries: codes exactly, whole or started phrases, and rare
// words; pure, so the Raycast command, the CLI and Alfred rank the same way.

export interface KnowledgeMatch {
  entry: KnowledgeEntry;
  score: number;
  /** What matched: the code as the entry writes it, the phrase, or the matching words. */
  matched: string;
}

const STOPWORDS = new Set(
  (
    "a an and are as at be but by can cant could couldnt do does doesnt dont for from has have i if in is it its " +
    "keeps me my not of on or out so than that the there this to was we were what when where why with won t " +
    "error code ec err status http https www com exit mac macos apple id account"
  ).split(" "),
);

/** Lowercase words: apostrophes dropped (doesn't → doesnt), every other mark a space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Crude stemming so "fails", "failing" and "failed" meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("es") && !word.endsWith("ses")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

const words = (text: string): string[] =>
  normalise(text)
    .split(" ")
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);

/** A code with its sign and case dropped: "-20209" → "20209", "cert_has_expired" → "CERT_HAS_EXPIRED". */
const codeKey = (code: string): string => code.replace(/^[-+−]/, "").toUpperCase();

/** The code-shaped tokens of a query: signed numbers and identifiers, parentheses and "ec"/"error" ignored. */
function queryCodes(query: string): string[] {
  const tokens = query.match(/[A-Za-z][A-Za-z0-9_]*|[-+−]?\d+/g) ?? [];
  return [...new Set(tokens.map(codeKey))];
}

interface Indexed {
  entry: KnowledgeEntry;
  order: number;
  codes: Array<{ code: string; key: string }>;
  phrases: Array<{ phrase: string; norm: string }>;
  /** Words of the title, phrases and codes. */
  strong: Set<string>;
  /** Words of the meaning. */
  weak: Set<string>;
}

/** Matches scoring under this share of the best one are noise. */
const RELATIVE_FLOOR = 0.15;

let index: { entries: Indexed[]; idf: Map<string, number> } | undefined;

function buildIndex() {
  const entries = KNOWLEDGE.map((entry, order): Indexed => {
    const strong = new Set([entry.title, ...entry.match.phrases].flatMap(words));
    for (const code of entry.match.codes) strong.add(codeKey(code).toLowerCase());
    return {
      entry,
      order,
      codes: entry.match.codes.map((code) => ({ code, key: codeKey(code) })),
      phrases: entry.match.phrases.map((phrase) => ({ phrase, norm: normalise(phrase) })),
      strong,
      weak: new Set(words(entry.meaning)),
    };
  });
  // Rare words say more than common ones ("keychain" vs "sign").
  const df = new Map<string, number>();
  for (const e of entries) for (const w of new Set([...e.strong, ...e.weak])) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, Math.log((entries.length + 1) / n)]));
  return { entries, idf };
}

function scoreEntry(
  e: Indexed,
  query: { norm: string; codes: string[]; words: string[] },
  idf: Map<string, number>,
): { score: number; matched: string } {
  let best = { score: 0, matched: "" };
  const consider = (score: number, matched: string) => {
    if (score > best.score) best = { score, matched };
  };

  // Codes: exact whatever the sign or wrapping; a number being typed matches by its start.
  for (const { code, key } of e.codes) {
    if (query.codes.includes(key)) consider(100, code);
    else if (/^\d+$/.test(key) && query.codes.some((q) => /^\d{3,}$/.test(q) && key.startsWith(q))) consider(30, code);
  }

  // Phrases: the query holds the whole phrase (pasted message), or is the start of one (still typing).
  let phraseScore = 0;
  let phraseMatched = "";
  if (query.norm) {
    for (const { phrase, norm } of e.phrases) {
      if (!norm) continue;
      let score = 0;
      const padded = ` ${query.norm} `;
      if (padded.includes(` ${norm} `)) score = 60 + 30 * (norm.length / query.norm.length);
      else if (query.norm.length >= 4 && ` ${norm}`.includes(` ${query.norm}`))
        score = 30 + 30 * (query.norm.length / norm.length);
      if (score > phraseScore) [phraseScore, phraseMatched] = [score, phrase];
    }
  }

  // Words: rare words count more; the last word may still be being typed.
  let wordScore = 0;
  const hits: string[] = [];
  query.words.forEach((w, i) => {
    const weight = idf.get(w) ?? Math.log(KNOWLEDGE.length + 1);
    if (e.strong.has(w)) {
      wordScore += 6 * weight;
      hits.push(w);
    } else if (e.weak.has(w)) {
      wordScore += 2 * weight;
      hits.push(w);
    } else if (i === query.words.length - 1 && w.length >= 3 && [...e.strong].some((s) => s.startsWith(w))) {
      wordScore += 3 * weight;
      hits.push(w);
    }
  });
  // Normalised by query length so a long query doesn't drown codes and phrases.
  wordScore = Math.min(45, query.words.length ? wordScore / Math.sqrt(query.words.length) : 0);

  if (best.score > 0) return { score: best.score + phraseScore / 4 + wordScore / 4, matched: best.matched };
  if (phraseScore > 0) return { score: phraseScore + wordScore / 2, matched: phraseMatched };
  if (wordScore > 0) return { score: wordScore, matched: hits.join(" ") };
  return best;
}

/**
 * Entries for an error code, a pasted message or a few words, best first.
 * Codes match exactly whatever their sign or wrapping ("-20209", "ec -20209",
 * "(-60007)", "error 4001"); then whole phrases; then shared words. An empty
 * query lists every entry in the order they are written (where to start,
 * messages, symptoms, codes, causes, escalation).
 */
export function searchKnowledge(query: string, limit?: number): KnowledgeMatch[] {
  index ??= buildIndex();
  const max = limit ?? Infinity;
  const norm = normalise(query);
  if (!norm) return index.entries.slice(0, max).map(({ entry }) => ({ entry, score: 0, matched: "" }));
  const q = { norm, codes: queryCodes(query), words: words(query) };
  const { idf } = index;
  const scored = index.entries
    .map((e) => ({ e, ...scoreEntry(e, q, idf) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.e.order - b.e.order);
  // A code or a whole message matched: leave out entries that only share a stray word.
  const floor = (scored[0]?.score ?? 0) * RELATIVE_FLOOR;
  return scored
    .filter((r) => r.score >= floor)
    .slice(0, max)
    .map(({ e, score, matched }) => ({ entry: e.entry, score: Math.round(score * 10) / 10, matched }));
}

/** A plain-text explanation to copy or print: what it means, why, what to do, and where it comes from. */
export function explanationText(entry: KnowledgeEntry): string {
  const lines = [entry.title, "", entry.meaning];
  if (entry.match.codes.length) lines.push("", `Codes: ${entry.match.codes.join(", ")}`);
  if (entry.likelyCauses.length) {
    lines.push("", "Likely causes:", ...entry.likelyCauses.map((c) => `- ${CAUSE_TITLES[c]}`));
  }
  if (entry.steps.length) lines.push("", "What to do:", ...entry.steps.map((s, i) => `${i + 1}. ${s}`));
  if (entry.fixes.length) lines.push("", `Fixes: ${entry.fixes.map((f) => FIX_TITLES[f]).join(", ")}`);
  lines.push("", `Confidence: ${confidenceWords(entry)}`, `Source: ${entry.source}`);
  return lines.join("\n");
}

/** "High", "Low (unverified)". */
export function confidenceWords(entry: KnowledgeEntry): string {
  const word = entry.confidence[0].toUpperCase() + entry.confidence.slice(1);
  return entry.verified ? word : `${word} (unverified)`;
}

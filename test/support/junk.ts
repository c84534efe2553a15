// Deterministic junk for parser robustness tests: random token soups and
// mutated real captures (inserted tokens, cut chunks, shuffled lines), from
// a seeded generator so a failure always reproduces.

/** A small linear congruential generator: the same seed gives the same sequence. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `count` inputs built from `bases` (real outputs) and `pieces` (tokens the parser cares about). */
export function junk(bases: string[], pieces: string[], count: number, seed: number): string[] {
  const rnd = lcg(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = bases[int(bases.length)];
    if (i % 3 === 0) s = Array.from({ length: int(120) }, () => pieces[int(pieces.length)]).join("");
    else if (i % 3 === 1) s = s.slice(int(s.length), int(s.length * 2));
    for (let k = int(12); k > 0; k--) {
      const at = int(s.length + 1);
      const op = int(3);
      if (op === 0) s = s.slice(0, at) + pieces[int(pieces.length)] + s.slice(at);
      else if (op === 1) s = s.slice(0, at) + s.slice(at + int(20));
      else
        s = s
          .split("\n")
          .sort(() => rnd() - 0.5)
          .join("\n");
    }
    out.push(s);
  }
  return out;
}

/** 512 bytes of every byte value, as a string: what a binary file read as text looks like. */
export const BINARY = Array.from({ length: 512 }, (_, i) => String.fromCharCode((i * 37) % 256)).join("");

// Deterministic "shuffles" without Math.random: each item's place comes from a hash of (seed, id), so the
// order depends only on the seed and the ids, never on the order the caller happened to list them in.

/** cyrb53: a small, well-mixed 53-bit string hash (public domain, by bryc). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Compares two ids by their seeded rank; ids break the (astronomically rare) hash tie. */
export function seededCompare(seed: string): (a: string, b: string) => number {
  return (a, b) => hash53(`${seed}\u0000${a}`) - hash53(`${seed}\u0000${b}`) || (a < b ? -1 : a > b ? 1 : 0);
}

/** One element of a list chosen by seed, or null for an empty list. */
export function seededPick(seed: string, ids: readonly string[]): string | null {
  return [...ids].sort(seededCompare(seed))[0] ?? null;
}

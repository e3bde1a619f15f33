// A trail record's shape (message-shape.ts) found from the template CloudTrail's record archive keeps it as
// (core/templated-texts.ts), instead of by reading the 1–2 KB text. The archive keeps each record as a template's
// parts with hole values between them (eventTime, x-amz-id-2, requestID, eventID, sharedEventID). When a shape's
// cuts are exactly a template's holes, every text of that template whose holes hold packed values has that same
// shape: the parts are the shape's parts, and the values are what the shape cuts out.
//
// Why, for a template that passes templateCutAtHoles: packed values (UUID, hex, ISO time, base64 characters) hold
// no `"`, `\` or control character, and each hole sits between two quotes of the parts. shapeCuts looks for
// `"key"` (json-text-search.ts), then reads the two characters after it (`:"`), the one before it (not `\`),
// and the content up to the next quote. Take two texts of the template. A `"key"` inside one part is in both;
// one that overlaps a hole is `"value"` exactly (no quote inside a value), and is followed by the next part's
// second character, which the check below requires not to be `:`, so it is passed over in both. The two
// characters after a `"key"` that ends a part would be a hole's first ones: refused below. The character before
// a `"key"` that starts a part is a value's last one, never `\`. Content starting inside a part ends before the
// next hole's opening quote, the same in both; content starting at a hole is the whole value, plain in both. So
// both texts are cut at corresponding places: the one text whose cuts were checked is cut at its holes, and so
// is every other. (A packed value is never a key's name nor starts with `:`, so the two refusals only guard the
// argument's edges.) Anything else (a hole kept as a string, a template that fails a check) takes the text path,
// as does the first text of each template, which the template is learned from.
import { SHAPE_KEYS } from './message-shape';
import type { MessageTexts } from './trail-record-store';

/** A store of texts that can say which template a text has (CloudTrail's RecordArchive). */
export interface TemplatedSource extends MessageTexts {
  /** The parts of text `id`'s template: the same array for every text of that template. */
  templateParts(id: number): readonly string[];
  /** Whether every hole of text `id` holds a packed value (ASCII; nothing JSON escapes). */
  packedOnly(id: number): boolean;
  /** The UTF-8 length of text `id`, without making it. */
  utf8Length(id: number): number;
}

export function isTemplatedSource(texts: MessageTexts): texts is TemplatedSource {
  const t = texts as Partial<TemplatedSource>;
  return typeof t.templateParts === 'function' && typeof t.packedOnly === 'function' && typeof t.utf8Length === 'function';
}

/**
 * Whether `text` (a text of the template with these parts) is cut by shapeCuts exactly at its holes (`cuts`), and
 * the template is such that every text of it with packed values is too (see the top of this file).
 */
export function templateCutAtHoles(parts: readonly string[], text: string, cuts: readonly number[] | undefined): boolean {
  const last = parts.length - 1;
  if (cuts === undefined || last < 1 || cuts.length !== 2 * last) return false;
  for (let i = 0; i <= last; i++) {
    const part = parts[i]!;
    if (i < last) {
      if (part.charCodeAt(part.length - 1) !== 0x22) return false;
      for (const key of SHAPE_KEYS) if (part.endsWith(`"${key}"`)) return false;
    }
    if (i > 0 && (part.charCodeAt(0) !== 0x22 || part.charCodeAt(1) === 0x3a)) return false;
  }
  // The text outside the cuts is the parts: each cut then starts where a hole does and, ending at the first quote
  // after it as a hole does, ends where that hole does.
  let from = 0;
  for (let i = 0; i <= last; i++) {
    const to = i < last ? cuts[2 * i]! : text.length;
    const part = parts[i]!;
    if (to - from !== part.length || text.substring(from, to) !== part) return false;
    if (i < last) from = cuts[2 * i + 1]!;
  }
  return true;
}

interface TemplateShape<T> {
  value: T;
}

/**
 * Per template (its parts array), the shape value its texts with packed values have, or null when the template
 * is not proven to follow a shape. At most `capacity` templates; all are forgotten when full (a forgotten one is
 * learned again from its next text). A remembered value may outlive the shape table's own entry: it is still
 * the value of the same parts, so its verdicts are still right.
 */
export class TemplateShapes<T> {
  private readonly byParts = new Map<readonly string[], TemplateShape<T> | null>();

  constructor(private readonly capacity: number) {}

  /** What is known of the template: undefined when not yet learned, null when it takes the text path. */
  get(parts: readonly string[]): TemplateShape<T> | null | undefined {
    return this.byParts.get(parts);
  }

  /** Learns the template from one text of it, cut at `cuts`, whose shape has `value`. */
  learn(parts: readonly string[], text: string, cuts: readonly number[] | undefined, value: T | undefined): void {
    if (this.byParts.size >= this.capacity) this.byParts.clear();
    if (value === undefined || !templateCutAtHoles(parts, text, cuts)) {
      this.byParts.set(parts, null);
      return;
    }
    this.byParts.set(parts, { value });
  }

  get size(): number {
    return this.byParts.size;
  }
}

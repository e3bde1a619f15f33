// Metric filter verdicts remembered per message shape (message-shape.ts). A trail sends every record to its
// log group, and each record used to be parsed (1–2 KB of JSON) for the filters it might match; records of
// one shape differ only in values no usual filter reads, so their verdict is worked out once per shape.
//
// A JSON pattern qualifies when none of its selectors can reach a cut value: no `*` step (it could name any
// member) and a last step that is an index or a key other than the cut ones. Such a selector reaches the
// same nodes in every text of a shape; a node holding a cut value deeper down is an object or an array, and
// those never satisfy a comparison or IS, nor give an extracted value (filter-pattern-values.ts), whatever
// they contain. Other patterns (terms, regex, space-delimited) read the raw text and are always evaluated.
import { matchLogEvent } from './filter-pattern';
import type { FilterPattern, JsonExpr, Selector } from './filter-pattern-types';
import type { LogMessage } from './log-message';
import { SHAPE_KEYS, ShapeTable } from './message-shape';
import { TemplateShapes } from './template-shapes';

/** Shapes remembered at once; the oldest is forgotten first. A trail's records come in few shapes. */
export const MAX_SHAPES = 512;
/** Templates remembered at once: a busy account's records come in a few hundred templates; past this all are
 *  learned again. */
export const MAX_TEMPLATES = 4096;

const CUT = new Set(SHAPE_KEYS);

function selectorAvoidsCuts(s: Selector): boolean {
  if (s.path.some((step) => 'wildcard' in step)) return false;
  const last = s.path[s.path.length - 1];
  return last === undefined || !('key' in last) || !CUT.has(last.key);
}

function exprAvoidsCuts(e: JsonExpr): boolean {
  return 'selector' in e ? selectorAvoidsCuts(e.selector) : exprAvoidsCuts(e.left) && exprAvoidsCuts(e.right);
}

/** Whether every message of one shape gets the same verdict from this pattern. */
export function verdictFollowsShape(pattern: FilterPattern): boolean {
  return pattern.kind === 'json' && exprAvoidsCuts(pattern.expr);
}

export class FilterVerdicts {
  private readonly byShape = new ShapeTable<Map<object, boolean>>(MAX_SHAPES, () => new Map());
  /** The shape of a template's texts, for messages that say their template (template-shapes.ts). */
  private readonly byTemplate = new TemplateShapes<Map<object, boolean>>(MAX_TEMPLATES);
  private readonly qualifies = new WeakMap<FilterPattern, boolean>();
  /** Per shape (its verdicts), the last list of patterns asked of it all at once, and which of them match. */
  private readonly matching = new WeakMap<Map<object, boolean>, { patterns: readonly FilterPattern[]; at: readonly number[] }>();

  /** verdictFollowsShape, remembered per pattern. */
  followsShape(pattern: FilterPattern): boolean {
    let q = this.qualifies.get(pattern);
    if (q === undefined) this.qualifies.set(pattern, (q = verdictFollowsShape(pattern)));
    return q;
  }

  /** Whether the message matches the pattern, as matchLogEvent would answer. `byShape`: followsShape(pattern),
   *  when the caller already asked (a batch asks once per filter, not once per message). */
  matches(pattern: FilterPattern, m: LogMessage, byShape = this.followsShape(pattern)): boolean {
    const verdicts = byShape ? (m.shapeVerdicts ?? this.verdictsOf(m)) : undefined;
    if (verdicts === undefined) return matchLogEvent(pattern, m).matched;
    let v = verdicts.get(pattern);
    if (v === undefined) verdicts.set(pattern, (v = matchLogEvent(pattern, m).matched));
    return v;
  }

  /** The verdicts of the message's shape (one Map per shape), or undefined when it has none; what
   *  matches(…, true) reads, so messages with the same Map get the same verdict from a shape-following pattern. */
  shapeOf(m: LogMessage): Map<object, boolean> | undefined {
    return m.shapeVerdicts ?? this.verdictsOf(m);
  }

  /**
   * The indexes of `patterns` (each one whose verdict follows the shape) that the message's shape matches, as
   * asking matches(…, true) for each would answer; undefined when the message has no shape. Worked out once
   * per shape for the same list (a batch's filters, one list while they stay the same): a log group's twenty
   * filters are then one lookup per shape and batch instead of twenty.
   */
  matchingOf(m: LogMessage, patterns: readonly FilterPattern[]): readonly number[] | undefined {
    const shape = this.shapeOf(m);
    if (shape === undefined) return undefined;
    let known = this.matching.get(shape);
    if (known?.patterns !== patterns) {
      const at: number[] = [];
      for (let i = 0; i < patterns.length; i++) if (this.matches(patterns[i]!, m, true)) at.push(i);
      this.matching.set(shape, (known = { patterns, at }));
    }
    return known.at;
  }

  /** The shape's verdicts, looked up once per message and kept on it for the other filters, with the
   *  text's UTF-8 length a text lookup learns on the way (storedBytes then needs no pass of its own; a message
   *  found by its template counts it from the template and values). */
  private verdictsOf(m: LogMessage): Map<object, boolean> | undefined {
    const source = m.source;
    if (source === undefined) return this.verdictsByText(m);
    const parts = source.templateParts(m.sourceId);
    const known = this.byTemplate.get(parts);
    if (known === undefined) {
      const verdicts = this.verdictsByText(m);
      this.byTemplate.learn(parts, m.text, m.shapeCuts(), verdicts);
      return verdicts;
    }
    if (known === null || !source.packedOnly(m.sourceId)) return this.verdictsByText(m);
    return (m.shapeVerdicts = known.value);
  }

  /** verdictsOf from the text itself: its shape looked up in the shape table. */
  private verdictsByText(m: LogMessage): Map<object, boolean> | undefined {
    let verdicts = this.byShape.known(m.text);
    if (verdicts === undefined) {
      const cuts = m.shapeCuts();
      if (cuts === undefined) return undefined;
      verdicts = this.byShape.of(m.text, cuts);
    }
    m.knowUtf8Length(this.byShape.lastUtf8Length);
    return (m.shapeVerdicts = verdicts);
  }

  /** Shapes remembered now (for tests). */
  get size(): number {
    return this.byShape.size;
  }
}

// Deliveries of whole EventBridge events, kept as rows of numbers instead of objects of strings. A rule that
// sends its matched events to a topic makes one delivery per event and subscription, and the inbox keeps every
// one for the whole run (a million over 90 busy days): the message text, its ids, the origin and the
// subscription's names took about 1.3 KB a delivery (measured; a topic's subscriptions share the text). Here
// the text lives in an EventMessages store, the message id and event id packed as numbers (uuid-column.ts),
// the subscription's four names and the rule's ARN once in a table, the rest in Int32 columns. A KeptDelivery
// reads as, and JSON.stringify writes it exactly as, the plain Delivery object publish made before (same
// members, same order), so the inbox and the snapshot see no difference. Only `read` changes after publish:
// it is the object's own member.
import { IntColumn } from '../core/int-column';
import type { Delivery, DeliveryOrigin } from './model';
import { EventMessages } from './event-messages';
import { UuidColumn } from './uuid-column';

/** The members a plain delivery has, in the order publish writes them (and a snapshot holds them). */
const MEMBERS = ['id', 'topicArn', 'subscriptionArn', 'protocol', 'endpoint', 'messageId', 'subject', 'message', 'timestamp', 'read', 'origin'] as const;
const ORIGIN_MEMBERS = ['kind', 'ruleArn', 'eventId'] as const;
const ID_PREFIX = 'msg-';
const TWO_32 = 2 ** 32;

/** The inbox id publish gives its `n`th delivery. */
export function deliveryId(n: number): string {
  return `${ID_PREFIX}${String(n).padStart(6, '0')}`;
}

/** The `n` of an id deliveryId(n) writes, or -1 for any other text. */
function idNumber(id: string): number {
  if (!id.startsWith(ID_PREFIX) || id.length > ID_PREFIX.length + 9) return -1;
  const n = Number(id.slice(ID_PREFIX.length));
  return Number.isInteger(n) && n >= 0 && deliveryId(n) === id ? n : -1;
}

type Names = Pick<Delivery, 'topicArn' | 'subscriptionArn' | 'protocol' | 'endpoint'>;

/** The model's rows of kept deliveries. Rows are never removed: the inbox keeps every delivery. */
export class DeliveryRows {
  readonly messages = new EventMessages();
  /** Per row: the message id, and the event id of its origin. */
  private readonly messageIds = new UuidColumn();
  private readonly eventIds = new UuidColumn();
  private readonly seq = new IntColumn();
  private readonly names = new IntColumn();
  private readonly rule = new IntColumn();
  private readonly text = new IntColumn();
  private readonly timeHigh = new IntColumn();
  private readonly timeLow = new IntColumn();
  /** Subscriptions' names and rules' ARNs, each once, found by a key of their own. */
  private readonly nameTable: Names[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly ruleTable: string[] = [];
  private readonly ruleIndex = new Map<string, number>();

  /**
   * Whether a KeptDelivery can stand for `d`: its id one deliveryId writes, its members exactly a plain
   * delivery's (in order, of their types), no subject, and an EventBridge origin. `d` may be a restored
   * delivery: plain JSON of any shape.
   */
  fits(d: Delivery): boolean {
    if (typeof d.id !== 'string' || idNumber(d.id) < 0 || typeof d.read !== 'boolean' || typeof d.messageId !== 'string') return false;
    if (![d.topicArn, d.subscriptionArn, d.protocol, d.endpoint].every((x) => typeof x === 'string')) return false;
    return sameKeys(d, MEMBERS) && keepsMessage(d.message, d.subject, d.timestamp, d.origin);
  }

  /** A new row for `d`, the `n`th delivery (its id is deliveryId(n)), whose message is text `textId` of
   *  `messages`: `d` is one `fits` accepts, or one publish made of a message `keepsMessage` accepts. */
  keep(d: Delivery, n: number, textId: number): KeptDelivery {
    const origin = d.origin as EventBridgeOrigin;
    const t = d.timestamp;
    const row = this.seq.length;
    this.seq.push(n);
    this.names.push(this.nameOf(d));
    this.rule.push(this.ruleOf(origin.ruleArn));
    this.text.push(textId);
    this.timeHigh.push(Math.floor(t / TWO_32));
    this.timeLow.push(t % TWO_32 | 0);
    this.messageIds.push(d.messageId);
    this.eventIds.push(origin.eventId);
    return new KeptDelivery(this, row, d.read);
  }

  private nameOf(d: Names): number {
    // A topic's subscriptions take turns: each one's names are the same strings on every delivery.
    for (let i = this.nameTable.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
      const n = this.nameTable[i]!;
      if (n.topicArn === d.topicArn && n.subscriptionArn === d.subscriptionArn && n.protocol === d.protocol && n.endpoint === d.endpoint) return i;
    }
    const key = `${d.topicArn}\u0000${d.subscriptionArn}\u0000${d.protocol}\u0000${d.endpoint}`;
    let at = this.nameIndex.get(key);
    if (at === undefined) {
      at = this.nameTable.length;
      this.nameTable.push({ topicArn: d.topicArn, subscriptionArn: d.subscriptionArn, protocol: d.protocol, endpoint: d.endpoint });
      this.nameIndex.set(key, at);
    }
    return at;
  }

  private ruleOf(arn: string): number {
    let at = this.ruleIndex.get(arn);
    if (at === undefined) {
      at = this.ruleTable.length;
      this.ruleTable.push(arn);
      this.ruleIndex.set(arn, at);
    }
    return at;
  }

  seqOf(row: number): number {
    return this.seq.at(row);
  }
  namesOf(row: number): Names {
    return this.nameTable[this.names.at(row)]!;
  }
  ruleArnOf(row: number): string {
    return this.ruleTable[this.rule.at(row)]!;
  }
  messageOf(row: number): string {
    return this.messages.get(this.text.at(row));
  }
  timestampOf(row: number): number {
    return this.timeHigh.at(row) * TWO_32 + (this.timeLow.at(row) >>> 0);
  }
  messageIdOf(row: number): string {
    return this.messageIds.get(row);
  }
  eventIdOf(row: number): string {
    return this.eventIds.get(row);
  }
}

/** Whether `o`'s own enumerable keys are exactly `keys`, in order (Object.keys's order, which for…in follows for
 *  own keys). Read with for…in rather than Object.keys: asked of every EventBridge delivery's origin, and the
 *  array Object.keys makes was one more object per delivery. */
function sameKeys(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    if (i >= keys.length || k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

type EventBridgeOrigin = Extract<DeliveryOrigin, { kind: 'eventbridge' }>;

function isEventBridgeOrigin(o: DeliveryOrigin | undefined): o is EventBridgeOrigin {
  return typeof o === 'object' && o !== null && o.kind === 'eventbridge' && typeof o.ruleArn === 'string' && typeof o.eventId === 'string' && sameKeys(o, ORIGIN_MEMBERS);
}

/** Whether a delivery of this message, subject, time and origin can be a KeptDelivery: a whole EventBridge
 *  event (EventMessages keeps it) sent by a rule, with no subject, at a whole non-negative millisecond. */
export function keepsMessage(message: unknown, subject: unknown, timestamp: unknown, origin: DeliveryOrigin | undefined): boolean {
  return (
    typeof message === 'string' && EventMessages.keeps(message) && subject === null && typeof timestamp === 'number' && Number.isSafeInteger(timestamp) &&
    timestamp >= 0 && isEventBridgeOrigin(origin)
  );
}

/** One kept delivery: its row, and whether the learner has read it. */
export class KeptDelivery implements Delivery {
  constructor(
    private readonly rows: DeliveryRows,
    private readonly row: number,
    public read: boolean,
  ) {}

  get id(): string {
    return deliveryId(this.rows.seqOf(this.row));
  }
  get topicArn(): string {
    return this.rows.namesOf(this.row).topicArn;
  }
  get subscriptionArn(): string {
    return this.rows.namesOf(this.row).subscriptionArn;
  }
  get protocol(): string {
    return this.rows.namesOf(this.row).protocol;
  }
  get endpoint(): string {
    return this.rows.namesOf(this.row).endpoint;
  }
  get messageId(): string {
    return this.rows.messageIdOf(this.row);
  }
  get subject(): null {
    return null;
  }
  get message(): string {
    return this.rows.messageOf(this.row);
  }
  get timestamp(): number {
    return this.rows.timestampOf(this.row);
  }
  /** A new object on each read, equal to the one publish was given. */
  get origin(): DeliveryOrigin {
    return { kind: 'eventbridge', ruleArn: this.rows.ruleArnOf(this.row), eventId: this.rows.eventIdOf(this.row) };
  }

  /** The plain delivery, members in its order: what JSON.stringify writes for this one (snapshots). */
  toJSON(): Delivery {
    const n = this.rows.namesOf(this.row);
    return {
      id: this.id, topicArn: n.topicArn, subscriptionArn: n.subscriptionArn, protocol: n.protocol, endpoint: n.endpoint, messageId: this.messageId, subject: null,
      message: this.message, timestamp: this.timestamp, read: this.read, origin: { kind: 'eventbridge', ruleArn: this.rows.ruleArnOf(this.row), eventId: this.rows.eventIdOf(this.row) },
    };
  }
}

/** `d` (a restored delivery) kept in `rows` when a KeptDelivery can stand for it; otherwise `d` itself. */
export function keptDelivery(d: Delivery, rows: DeliveryRows): Delivery {
  const textId = rows.fits(d) ? rows.messages.add(d.message) : undefined;
  return textId === undefined ? d : rows.keep(d, idNumber(d.id), textId);
}

import { AwsError, type Json } from '../core/contract';
import { defaultTopicAttributes } from './topic-policy';
import { DeliveryRows, deliveryId, keepsMessage, keptDelivery } from './kept-delivery';

export interface Subscription {
  subscriptionArn: string;
  protocol: string;
  endpoint: string;
  /** Email subscriptions wait for the recipient's confirmation; the simulated recipient confirms at once. */
  confirmed: boolean;
}
export interface Topic {
  name: string;
  arn: string;
  subscriptions: Subscription[];
  /** Settable attributes as SetTopicAttributes stored them (DisplayName, Policy, DeliveryPolicy, …). */
  attributes: Record<string, string>;
}
/** Who published the message a subscriber received, for the inbox and the event-flow view. */
export type DeliveryOrigin = { kind: 'api'; publisher: string } | { kind: 'eventbridge'; ruleArn: string; eventId: string } | { kind: 'alarm'; alarmArn: string };

/** One message as a subscriber receives it (the in-app inbox reads these). A delivery of a whole EventBridge
 *  event is a KeptDelivery: the same members, read through accessors (kept-delivery.ts). */
export interface Delivery {
  /** The inbox's own id for this row (sim:MarkNotificationRead takes it). */
  id: string;
  topicArn: string;
  subscriptionArn: string;
  protocol: string;
  endpoint: string;
  messageId: string;
  subject: string | null;
  message: string;
  timestamp: number;
  read: boolean;
  origin?: DeliveryOrigin;
}

/** Regions or topics by name, with no prototype: "constructor", "toString" and "__proto__" are valid topic names
 *  (letters, digits, hyphens and underscores, SNS CreateTopic), not members every object already has. */
function byName<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The last `:`-separated part of an ARN (a topic's name). */
function arnName(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

type DeliveryListener = (d: Delivery) => void;
const isConfirmed = (s: Subscription) => s.confirmed;
const SNAPSHOT_VERSION = 2;

export class SnsModel {
  regions: Record<string, Record<string, Topic>> = byName();
  deliveries: Delivery[] = [];
  /** Deliveries of whole EventBridge events (most of the inbox), kept as rows (kept-delivery.ts). */
  private rows = new DeliveryRows();
  private seq = 0;
  private readonly listeners = new Set<DeliveryListener>();
  /** The ARN topicByArn last answered from the topic kept under the ARN's name (a hint it re-checks, never an
   *  answer by itself). */
  private lastFound: { arn: string; name: string; topic: Topic } | undefined;
  /** Set only while an AWS service publishes on its own (see `asService`); never part of a snapshot. */
  serviceOrigin: DeliveryOrigin | undefined;

  /** Runs `fn` (a Publish through the call surface by a service principal) knowing on whose behalf the
   *  service publishes: an EventBridge rule (its ARN is the aws:SourceArn a topic policy may test). */
  asService<T>(origin: DeliveryOrigin, fn: () => T): T {
    return this.asServiceWith(origin, fn, undefined);
  }
  /** asService, handing `arg` to `fn`: a service that publishes often (EventBridge, for every target of every
   *  matched event) passes the same `fn` each time instead of making a closure per publish. */
  asServiceWith<A, T>(origin: DeliveryOrigin, fn: (arg: A) => T, arg: A): T {
    const before = this.serviceOrigin;
    this.serviceOrigin = origin;
    try {
      return fn(arg);
    } finally {
      this.serviceOrigin = before;
    }
  }

  topics(region: string): Record<string, Topic> {
    return (this.regions[region] ??= byName());
  }
  topicByArn(region: string, arn: string): Topic {
    const topics = this.topics(region);
    // Publishers (an EventBridge target, an alarm action) name one topic again and again: the last topic found
    // is tried first, and still checked to be the one kept under its name with that ARN, so a deleted or
    // replaced topic is never answered.
    const last = this.lastFound;
    if (last !== undefined && last.arn === arn && last.topic.arn === arn && topics[last.name] === last.topic) return last.topic;
    // Topics are kept under their name, the ARN's last part; the search covers snapshots that say otherwise.
    const name = arnName(arn);
    const named = Object.hasOwn(topics, name) ? topics[name] : undefined;
    if (named !== undefined && named.arn === arn) {
      this.lastFound = { arn, name, topic: named };
      return named;
    }
    const t = Object.values(topics).find((x) => x.arn === arn);
    if (!t) throw new AwsError('NotFound', 'Topic does not exist', 404);
    return t;
  }
  /** The topic an ARN names, in the Region the ARN names, or undefined. */
  findTopic(arn: string): Topic | undefined {
    const region = arn.split(':')[3] ?? '';
    return Object.values(this.regions[region] ?? {}).find((x) => x.arn === arn);
  }
  createTopic(region: string, name: string, arn: string, accountId: string): Topic {
    const topics = this.topics(region);
    return (topics[name] ??= { name, arn, subscriptions: [], attributes: defaultTopicAttributes(arn, accountId) });
  }

  /** Told of every message handed to a subscriber (the account turns these into SimEvents). */
  onDelivery(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hands one published message to every confirmed subscription of the topic. Used by sns:Publish and by
   * services that publish on their own (CloudWatch alarm actions): the caller has already found the topic
   * and decided the publisher may publish.
   */
  publish(topic: Topic, m: { messageId: string; subject: string | null; message: string; atMs: number; origin?: DeliveryOrigin }): Delivery[] {
    const out: Delivery[] = [];
    const told: Delivery[] = [];
    const subscriptions = topic.subscriptions;
    // A whole EventBridge event is kept once for all the subscriptions (kept-delivery.ts). The confirmed ones
    // are picked in place: publish runs for every event a rule delivers, and a filtered copy was one more array.
    const textId = subscriptions.some(isConfirmed) && keepsMessage(m.message, m.subject, m.atMs, m.origin) ? (this.rows.messages.add(m.message) ?? -1) : -1;
    for (const s of subscriptions) {
      if (!s.confirmed) continue;
      this.seq += 1;
      // Written out for both shapes (with an origin, or without one): spreading `{ origin }` in took V8's
      // generic copy for every delivery.
      const id = deliveryId(this.seq);
      const plain: Delivery = m.origin
        ? { id, topicArn: topic.arn, subscriptionArn: s.subscriptionArn, protocol: s.protocol, endpoint: s.endpoint, messageId: m.messageId, subject: m.subject, message: m.message, timestamp: m.atMs, read: false, origin: m.origin }
        : { id, topicArn: topic.arn, subscriptionArn: s.subscriptionArn, protocol: s.protocol, endpoint: s.endpoint, messageId: m.messageId, subject: m.subject, message: m.message, timestamp: m.atMs, read: false };
      const d = textId >= 0 ? this.rows.keep(plain, this.seq, textId) : plain;
      this.deliveries.push(d);
      out.push(d);
      told.push(plain);
    }
    // Listeners are told what was delivered: the plain object, whose members are read at no cost (a kept
    // one's are rebuilt on each read); the inbox keeps `d`, equal to it.
    for (const d of told) for (const l of this.listeners) l(d);
    return out;
  }

  snapshot(): Json {
    return JSON.parse(JSON.stringify({ version: SNAPSHOT_VERSION, seq: this.seq, regions: this.regions, deliveries: this.deliveries })) as Json;
  }
  /** Snapshots are untrusted: the shape is checked; version 1 (no attributes, no read flags) is upgraded. */
  restore(s: Json): void {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new Error('sns snapshot: malformed');
    const o = JSON.parse(JSON.stringify(s)) as { version?: number; seq?: number; regions?: unknown; deliveries?: unknown };
    if (o.version !== undefined && o.version !== SNAPSHOT_VERSION) throw new Error(`sns snapshot: unsupported version ${String(o.version)}`);
    if (typeof o.regions !== 'object' || o.regions === null || !Array.isArray(o.deliveries)) throw new Error('sns snapshot: malformed');
    const regions = byName<Record<string, Topic>>();
    for (const [region, parsed] of Object.entries(o.regions as Record<string, Record<string, Topic>>)) {
      if (typeof parsed !== 'object' || parsed === null) throw new Error('sns snapshot: malformed region');
      const topics = (regions[region] = Object.assign(byName<Topic>(), parsed));
      for (const t of Object.values(topics)) {
        if (typeof t.arn !== 'string' || !Array.isArray(t.subscriptions)) throw new Error('sns snapshot: malformed topic');
        t.attributes ??= defaultTopicAttributes(t.arn, t.arn.split(':')[4] ?? '');
      }
    }
    const rows = new DeliveryRows();
    const deliveries = (o.deliveries as Delivery[]).map((d, i) => keptDelivery({ ...d, id: typeof d.id === 'string' ? d.id : deliveryId(i + 1), read: d.read === true }, rows));
    this.regions = regions;
    this.rows = rows;
    this.deliveries = deliveries;
    this.seq = typeof o.seq === 'number' ? o.seq : deliveries.length;
  }
}

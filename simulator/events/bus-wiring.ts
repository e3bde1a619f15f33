// How the account connects EventBridge: records CloudTrail writes reach the default bus once their call has
// completed, and targets are invoked through the one call surface as the EventBridge service principal, so
// what EventBridge does is recorded as AWS records it (an SNS Publish by events.amazonaws.com is a data
// event: only trails selecting SNS data events log it, and event history never shows it).
import type { Clock, JsonObject } from '../core/contract';
import type { CallContext, CallResult } from '../core/call';
import type { EventBus } from '../core/events';
import type { SnsModel } from '../sns/model';
import type { EventsService } from './api-service';
import type { BusPorts, DefaultBus, TargetResult } from './bus';

export const EVENTBRIDGE_PRINCIPAL = 'service:events.amazonaws.com';

export interface EventBridgeWiring {
  events: EventsService;
  sns: SnsModel;
  bus: EventBus;
  clock: Clock;
  regions: readonly string[];
  call(api: string, params: JsonObject, ctx: CallContext): CallResult;
}

type Outcome = Omit<TargetResult, 'id' | 'arn'>;
/** The bus copies an outcome into each TargetResult it makes, so one object can stand for every success. */
const DELIVERED: Outcome = Object.freeze({ ok: true });

/** Outcomes of refused deliveries by error message: a rule whose target refuses EventBridge (a topic policy
 *  without the events.amazonaws.com statement) meets the same refusal on every event it matches. Bounded only
 *  against messages that never repeat. */
class Refusals {
  private readonly byMessage = new Map<string, Outcome>();
  constructor(private readonly what: string) {}

  of(r: Extract<CallResult, { ok: false }>): Outcome {
    let outcome = this.byMessage.get(r.error.message);
    if (outcome === undefined || outcome.errorCode !== r.error.code) {
      if (this.byMessage.size >= 256) this.byMessage.clear();
      outcome = Object.freeze(failed(r, this.what));
      this.byMessage.set(r.error.message, outcome);
    }
    return outcome;
  }
}

function failed(r: Extract<CallResult, { ok: false }>, what: string): Outcome {
  const hint =
    r.error.code === 'AuthorizationError'
      ? ' 주제의 접근 정책(SetTopicAttributes의 Policy)에 events.amazonaws.com 서비스 주체의 sns:Publish를 허용하는 문이 있어야 합니다.'
      : r.error.code === 'NotFound'
        ? ' 대상 주제가 없습니다.'
        : '';
  return { ok: false, errorCode: r.error.code, reasonKo: `${what}: ${r.error.message}.${hint}` };
}

/** `arn.split(':')[index] ?? ''`, without making every part: asked for each target of every matched event. */
export function arnPart(arn: string, index: number): string {
  let from = 0;
  for (let i = 0; i < index; i++) {
    const colon = arn.indexOf(':', from);
    if (colon < 0) return '';
    from = colon + 1;
  }
  const end = arn.indexOf(':', from);
  return arn.slice(from, end < 0 ? arn.length : end);
}

/** What a target's ARN says about invoking it: its service, its Region, and EventBridge's call context there
 *  (undefined when the Region is not one of the account's), with sns:Publish as EventBridge calls it there. */
interface TargetPlace {
  service: string;
  region: string;
  ctx: CallContext | undefined;
  publish: ((params: JsonObject) => CallResult) | undefined;
}

/** TargetPlace per target ARN: a rule's targets are invoked for every event it matches, so each ARN is read
 *  once. The account's Regions never change. Bounded only against scripts inventing ARNs without end. */
class TargetPlaces {
  private readonly byArn = new Map<string, TargetPlace>();
  /** EventBridge's call context per Region (performCall only reads it), made once rather than per target. */
  private readonly contexts = new Map<string, CallContext>();
  constructor(
    private readonly regions: readonly string[],
    private readonly call: EventBridgeWiring['call'],
  ) {}

  of(arn: string): TargetPlace {
    let place = this.byArn.get(arn);
    if (place === undefined) {
      if (this.byArn.size >= 256) this.byArn.clear();
      const region = arnPart(arn, 3);
      const ctx = this.regions.includes(region) ? this.contextIn(region) : undefined;
      const call = this.call;
      place = { service: arnPart(arn, 2), region, ctx, publish: ctx && ((params: JsonObject) => call('sns:Publish', params, ctx)) };
      this.byArn.set(arn, place);
    }
    return place;
  }

  private contextIn(region: string): CallContext {
    let ctx = this.contexts.get(region);
    if (ctx === undefined) this.contexts.set(region, (ctx = Object.freeze({ as: EVENTBRIDGE_PRINCIPAL, region, via: 'service' })));
    return ctx;
  }
}

export function wireEventBridge(w: EventBridgeWiring): DefaultBus {
  const snsRefusals = new Refusals('SNS가 게시를 거부했습니다');
  const lambdaRefusals = new Refusals('Lambda 호출이 실패했습니다');
  const places = new TargetPlaces(w.regions, (api, params, ctx) => w.call(api, params, ctx));
  const ports: BusPorts = {
    clock: w.clock,
    emit: (e) => w.bus.emit(e),
    invoke: (target, input, rule, event) => {
      const { service, region, ctx, publish } = places.of(target.arn);
      if (ctx === undefined || publish === undefined) return { ok: false, errorCode: 'Sim.InvalidRegion', reasonKo: `대상의 리전 ${region}은(는) 이 계정의 시뮬레이션 리전이 아닙니다.` };
      if (service === 'sns') {
        const r = w.sns.asServiceWith({ kind: 'eventbridge', ruleArn: rule.arn, eventId: event.id }, publish, { TopicArn: target.arn, Message: input });
        return r.ok ? DELIVERED : snsRefusals.of(r);
      }
      if (service === 'lambda') {
        // Asynchronous invocation, as EventBridge invokes functions. UNVERIFIED: the function's resource policy
        // (lambda:AddPermission for events.amazonaws.com) is not checked by the simulated Lambda.
        const r = w.call('lambda:Invoke', { FunctionName: target.arn, InvocationType: 'Event', Payload: input }, ctx);
        return r.ok ? DELIVERED : lambdaRefusals.of(r);
      }
      return { ok: false, errorCode: 'Sim.UnsupportedTarget', reasonKo: `시뮬레이션은 ${service} 대상을 호출하지 않습니다(SNS 주제와 Lambda 함수만 전달합니다).` };
    },
  };
  const bus = w.events.connect(ports);
  // Told of every SimEvent, of many shapes: their type is read once (each read is a megamorphic load).
  w.bus.on((e) => {
    const type = e.type;
    if (type === 'record.written') bus.offerRecord(e.record, e.routing);
    else if (type === 'call.completed' || type === 'clock.advanced') bus.drain();
  });
  w.sns.onDelivery((d) =>
    w.bus.emit({
      type: 'notification.delivered', topicArn: d.topicArn, deliveryId: d.id, protocol: d.protocol, endpoint: d.endpoint, messageId: d.messageId, subject: d.subject, atMs: d.timestamp,
      ...(d.origin ? { origin: { ...d.origin } } : {}),
    }),
  );
  return bus;
}

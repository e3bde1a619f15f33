// sim:Inspect — the UI's read-only look into the account. It runs a read-only catalog action's real handler
// (LookupEvents, ListObjectsV2, DescribeTrails…) without writing a CloudTrail record, so refreshing a
// screen never adds to the event history the learner is studying. Not an AWS API: eventSource "sim".
import { AwsError, type ActionDef, type HandlerFn, type JsonObject, type Principal } from '../core/contract';
import { isObject, str, type ActionSpec, type ServiceModule } from '../core/service';

export const INSPECT_API = 'sim:Inspect';

/** Simulator-only read-only operations that have no catalog entry (they are not AWS APIs either). */
const EXTRA_READ_ONLY: Record<string, string> = {
  // What `aws cloudtrail validate-logs` computes on the learner's machine.
  'cloudtrail:ValidateLogs': 'ValidateLogs',
};

export interface InspectSources {
  /** The account's action specs by api. */
  spec(api: string): ActionSpec | undefined;
  /** A CloudTrail handler by name (for the simulator-only ValidateLogs). */
  cloudTrailHandler(name: string): HandlerFn | undefined;
}

export const INSPECT_DEF: ActionDef = {
  api: INSPECT_API,
  eventSource: 'sim',
  eventName: 'Inspect',
  readOnly: true,
  category: 'Management',
  apiCall: false,
  eventType: 'AwsApiCall',
  resourceTypes: [],
  globalService: false,
  summaryKo: '화면 갱신용 읽기 전용 조회(시뮬레이터 전용, CloudTrail에 기록되지 않음).',
  recordedByCloudTrail: false,
};

/** The simulator itself looks, not a person: no session, no access key, no IAM check. */
const INSPECTOR: Principal = { kind: 'service', arn: 'sim.inspect', userName: 'sim.inspect', identity: { type: 'AWSService', invokedBy: 'sim.inspect' } };

export class InspectService implements ServiceModule {
  readonly name = 'inspect';
  readonly actions: ActionSpec[];

  constructor(src: InspectSources) {
    const handler: HandlerFn = (params, ctx) => {
      const action = str(params, 'Action');
      if (!action) throw new AwsError('Sim.InvalidParameter', 'sim:Inspect needs params { "Action": "service:Name", "Params": {…} }');
      const inner = params['Params'] ?? {};
      if (!isObject(inner)) throw new AwsError('Sim.InvalidParameter', 'sim:Inspect: "Params" must be an object');
      const extra = EXTRA_READ_ONLY[action];
      let run: HandlerFn | undefined;
      if (extra) run = src.cloudTrailHandler(extra);
      else {
        const spec = src.spec(action);
        if (!spec || spec.def.eventSource === 'sim') throw new AwsError('Sim.UnknownApi', `sim:Inspect: unknown action ${JSON.stringify(action)}`);
        if (!spec.def.readOnly) throw new AwsError('Sim.NotReadOnly', `sim:Inspect runs read-only actions only; ${action} changes the account`);
        run = spec.handler;
      }
      if (!run) throw new AwsError('Sim.UnknownApi', `sim:Inspect: unknown action ${JSON.stringify(action)}`);
      return { response: run(inner, ctx).response };
    };
    this.actions = [{ def: INSPECT_DEF, handler, authz: null, resolveCaller: () => INSPECTOR }];
  }

  snapshot(): null {
    return null;
  }

  restore(): void {}
}

/** The request an inspection sends through `call`. */
export function inspectParams(action: string, params: JsonObject = {}): JsonObject {
  return { Action: action, Params: params };
}

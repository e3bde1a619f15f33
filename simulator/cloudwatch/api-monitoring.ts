// What decides the metrics AWS services publish: EC2 detailed monitoring (ec2:MonitorInstances /
// ec2:UnmonitorInstances, recorded by CloudTrail as EC2 management events) and the simulation's own knobs,
// which are not AWS APIs and are never recorded: sim:SetInstanceLoad (an instance's CPU load) and
// sim:SetFunctionBehavior (how a Lambda function's invocations end).
import { AwsError, type ActionDef, type Principal } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { Ec2Model } from '../ec2/model';
import type { LambdaModel } from '../lambda/model';
import type { CloudWatchModel } from './model';
import { parseBehavior } from './producers-lambda';

function simDef(api: string, summaryKo: string): ActionDef {
  return {
    api, eventSource: 'sim', eventName: api.split(':')[1] ?? api, readOnly: false, category: 'Management', apiCall: false,
    eventType: 'AwsApiCall', resourceTypes: [], globalService: false, summaryKo, recordedByCloudTrail: false,
  };
}

/** The simulation sets its own knobs: no session, no key, no IAM check. */
const SIMULATION: Principal = { kind: 'service', arn: 'sim.cloudwatch', userName: 'sim.cloudwatch', identity: { type: 'AWSService', invokedBy: 'sim.cloudwatch' } };

const ids = (p: Record<string, unknown>) => (Array.isArray(p['InstanceIds']) ? (p['InstanceIds'] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

export function monitoringActions(m: CloudWatchModel, d: ServiceDeps, ec2: Ec2Model, lambda: LambdaModel): ActionSpec[] {
  const instanceArn = (region: string, id: string) => `arn:aws:ec2:${region}:${d.accountId}:instance/${id}`;
  const monitor = (op: 'MonitorInstances' | 'UnmonitorInstances'): ActionSpec => ({
    def: apiDef(`ec2:${op}`, {
      readOnly: false, resourceTypes: ['AWS::EC2::Instance'],
      summaryKo: op === 'MonitorInstances' ? '인스턴스의 세부 모니터링(1분 지표)을 켭니다.' : '인스턴스의 세부 모니터링을 끄고 기본(5분) 모니터링으로 돌아갑니다.',
    }),
    authz: (p, ctx) => ({ resource: instanceArn(ctx.region, ids(p)[0] ?? '*') }),
    requestParameters: (p) => ({ instancesSet: { items: ids(p).map((instanceId) => ({ instanceId })) } }),
    handler: (p, ctx) => {
      const list = ids(p);
      if (!list.length) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceId');
      ec2.settle(ctx.region, d.clock.now());
      for (const id of list) ec2.instance(ctx.region, id);
      const set = m.region(ctx.region).detailedMonitoring;
      // The answer shows the change under way: "pending" while enabling, "disabling" while turning it off.
      const state = op === 'MonitorInstances' ? 'pending' : 'disabling';
      for (const id of list) {
        if (op === 'MonitorInstances') set.add(id);
        else set.delete(id);
      }
      return {
        response: { InstanceMonitorings: list.map((id) => ({ InstanceId: id, Monitoring: { State: state } })) },
        responseElements: { requestId: ctx.requestId, instancesSet: { items: list.map((id) => ({ instanceId: id, monitoring: { state } })) } },
      };
    },
  });
  return [
    monitor('MonitorInstances'),
    monitor('UnmonitorInstances'),
    {
      def: simDef('sim:SetInstanceLoad', '시뮬레이션 전용: 인스턴스의 CPU 부하(%)를 정합니다(기록되지 않음).'),
      authz: null,
      resolveCaller: () => SIMULATION,
      handler: (p, ctx) => {
        const id = str(p, 'InstanceId');
        const cpu = p['CpuPercent'];
        if (!id) throw new AwsError('Sim.InvalidParameter', 'sim:SetInstanceLoad needs { "InstanceId": "i-…", "CpuPercent": 0-100 }');
        if (typeof cpu !== 'number' || !(cpu >= 0 && cpu <= 100)) throw new AwsError('Sim.InvalidParameter', 'CpuPercent must be a number from 0 to 100');
        ec2.instance(ctx.region, id);
        m.region(ctx.region).instanceLoad.set(id, cpu);
        return { response: { InstanceId: id, CpuPercent: cpu } };
      },
    },
    {
      def: simDef('sim:SetFunctionBehavior', '시뮬레이션 전용: Lambda 함수 호출의 결과(성공·오류·시간 초과)와 실행 시간을 정합니다(기록되지 않음).'),
      authz: null,
      resolveCaller: () => SIMULATION,
      handler: (p, ctx) => {
        const name = str(p, 'FunctionName');
        if (!name) throw new AwsError('Sim.InvalidParameter', 'sim:SetFunctionBehavior needs { "FunctionName", "Outcome": "Success"|"Error"|"Timeout", "DurationMs"? }');
        const fn = lambda.find(ctx.region, d.accountId, name);
        const behavior = parseBehavior(p['Outcome'], p['DurationMs']);
        m.region(ctx.region).functionBehavior.set(fn.functionName, behavior);
        return { response: { FunctionName: fn.functionName, Outcome: behavior.outcome, DurationMs: behavior.durationMs } };
      },
    },
  ];
}

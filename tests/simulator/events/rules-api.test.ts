import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('EventBridge rules API', () => {
  it('PutRule validates the pattern; targets must go before the rule', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const pattern = JSON.stringify({ source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'] });
    const r = acct.call('events:PutRule', { Name: 'root-login', EventPattern: pattern }, c);
    expect(ok(r)['RuleArn']).toBe('arn:aws:events:us-east-1:123456789012:rule/root-login');
    expect(onlyRecord(r).requestParameters).toEqual({ name: 'root-login', eventPattern: pattern });
    expect(onlyRecord(r).responseElements).toEqual({ ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/root-login' });
    const bad = acct.call('events:PutRule', { Name: 'bad', EventPattern: '{"source": "aws.s3"}' }, c);
    expect(bad.ok ? '' : bad.error.code).toBe('InvalidEventPatternException');
    const none = acct.call('events:PutRule', { Name: 'empty' }, c);
    expect(none.ok ? '' : none.error.message).toBe('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    ok(acct.call('events:PutTargets', { Rule: 'root-login', Targets: [{ Id: '1', Arn: 'arn:aws:sns:us-east-1:123456789012:alerts', InputPath: '$.detail' }] }, c));
    expect(ok(acct.call('events:ListTargetsByRule', { Rule: 'root-login' }, c))['Targets']).toEqual([{ Id: '1', Arn: 'arn:aws:sns:us-east-1:123456789012:alerts', InputPath: '$.detail' }]);
    const del = acct.call('events:DeleteRule', { Name: 'root-login' }, c);
    expect(del.ok ? '' : del.error.message).toBe("Rule can't be deleted since it has targets.");
    ok(acct.call('events:RemoveTargets', { Rule: 'root-login', Ids: ['1'] }, c));
    ok(acct.call('events:DeleteRule', { Name: 'root-login' }, c));
    expect(ok(acct.call('events:ListRules', {}, c))['Rules']).toEqual([]);
  });
});

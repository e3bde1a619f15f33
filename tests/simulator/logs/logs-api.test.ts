import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('CloudWatch Logs API', () => {
  it('groups and streams are recorded; PutLogEvents is not; its rules are AWS rules', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('logs:CreateLogGroup', { logGroupName: 'app' }, c);
    ok(r);
    expect(onlyRecord(r).requestParameters).toEqual({ logGroupName: 'app' });
    expect(onlyRecord(r).eventSource).toBe('logs.amazonaws.com');
    const dup = acct.call('logs:CreateLogGroup', { logGroupName: 'app' }, c);
    expect(dup.ok ? '' : dup.error).toEqual({ code: 'ResourceAlreadyExistsException', message: 'The specified log group already exists' });
    ok(acct.call('logs:CreateLogStream', { logGroupName: 'app', logStreamName: 's1' }, c));
    const now = Date.parse('2026-11-01T00:00:00Z');
    const put = acct.call('logs:PutLogEvents', { logGroupName: 'app', logStreamName: 's1', logEvents: [{ timestamp: now - 14 * 86_400_000 - 3_600_000, message: 'old' }, { timestamp: now - 13 * 86_400_000 - 7_200_000, message: 'hello' }] }, c);
    expect(ok(put)).toEqual({ rejectedLogEventsInfo: { tooOldLogEventEndIndex: 1 } });
    expect(put.records).toEqual([]);
    const order = acct.call('logs:PutLogEvents', { logGroupName: 'app', logStreamName: 's1', logEvents: [{ timestamp: now, message: 'b' }, { timestamp: now - 1, message: 'a' }] }, c);
    expect(order.ok ? '' : order.error.message).toBe('Log events in a single PutLogEvents request must be in chronological order.');
    // timestamp and message are required members: refused as AWS refuses them (the first missing one, 1-based).
    const noTime = acct.call('logs:PutLogEvents', { logGroupName: 'app', logStreamName: 's1', logEvents: [{ timestamp: now, message: 'a' }, { message: 'b' }] }, c);
    expect(noTime.ok ? '' : `${noTime.error.code}: ${noTime.error.message}`).toBe("InvalidParameterException: 1 validation error detected: Value null at 'logEvents.2.member.timestamp' failed to satisfy constraint: Member must not be null");
    const noMessage = acct.call('logs:PutLogEvents', { logGroupName: 'app', logStreamName: 's1', logEvents: [{ timestamp: now, message: null }] }, c);
    expect(noMessage.ok ? '' : noMessage.error.message).toBe("1 validation error detected: Value null at 'logEvents.1.member.message' failed to satisfy constraint: Member must not be null");
    const got = ok(acct.call('logs:GetLogEvents', { logGroupName: 'app', logStreamName: 's1' }, c))['events'] as Record<string, unknown>[];
    expect(got.map((e) => e['message'])).toEqual(['hello']);
    const groups = ok(acct.call('logs:DescribeLogGroups', { logGroupNamePrefix: 'ap' }, c))['logGroups'] as Record<string, unknown>[];
    expect(groups[0]?.['arn']).toBe('arn:aws:logs:us-east-1:123456789012:log-group:app:*');
    const noGroup = acct.call('logs:CreateLogStream', { logGroupName: 'nope', logStreamName: 's' }, c);
    expect(noGroup.ok ? '' : noGroup.error).toEqual({ code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
  });
});

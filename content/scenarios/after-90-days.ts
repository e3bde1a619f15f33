import { foundInHistory, gunzipText, keysUnder, lookups, recordsOf, trailSetup } from './checks';
import type { ScenarioDef } from './types';

const DAY = 86_400_000;
const BUCKET = 'archive-logs-123456789012';

export const after90Days: ScenarioDef = {
  id: 'after-90-days',
  order: 5,
  titleKo: '90일이 지나면',
  goalKo: '이벤트 기록은 90일이 지나면 비지만, 추적이 S3로 보낸 로그 파일은 남아 있다는 것을 시계를 91일 넘겨 확인합니다.',
  noteId: 'event-history',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: trailSetup('archive', BUCKET),
  steps: [
    {
      id: 'make-event',
      titleKo: '기록될 이벤트 만들기',
      instructionKo: 'us-east-1에서 S3 버킷 study-notes를 만드세요(s3:CreateBucket).',
      hintKo: '작업 목록 S3 → CreateBucket, Bucket=study-notes.',
      solution: [{ api: 's3:CreateBucket', params: { Bucket: 'study-notes' } }],
      done: (w) => w.calls.some((e) => e.api === 's3:CreateBucket' && e.result.ok && e.params['Bucket'] === 'study-notes'),
    },
    {
      id: 'see-it-now',
      titleKo: '지금은 이벤트 기록에 있다',
      instructionKo: '이벤트 기록에서 EventName=CreateBucket으로 조회해 방금 이벤트를 찾으세요.',
      hintKo: 'LookupEvents, EventName=CreateBucket, 리전 us-east-1.',
      solution: [{ api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateBucket' }] } }],
      done: (w) => {
        const made = recordsOf(w.all, 'CreateBucket').find((r) => r.requestParameters?.['bucketName'] === 'study-notes' && !r.errorCode);
        return made !== undefined && foundInHistory(w, made.eventID);
      },
    },
    {
      id: 'gone-after-90',
      titleKo: '91일 뒤에는 사라진다',
      instructionKo: '시계를 91일 앞으로 돌린 뒤 같은 조회를 다시 하세요. 이벤트가 보이나요?',
      hintKo: '시계 +91일 → 같은 LookupEvents. 이벤트 기록은 최근 90일만 보관합니다.',
      solution: [{ advance: 'P91D' }, { api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateBucket' }] } }],
      done: (w) => {
        const made = recordsOf(w.all, 'CreateBucket').find((r) => r.requestParameters?.['bucketName'] === 'study-notes' && !r.errorCode);
        if (!made) return false;
        const old = Date.parse(made.eventTime);
        return lookups(w).some((e) => e.atMs - old > 90 * DAY && !foundInHistory({ calls: [e] }, made.eventID));
      },
      mistakes: [
        {
          when: (w, last) => last.api === 'cloudtrail:LookupEvents' && w.nowMs - w.startMs < 90 * DAY,
          hintKo: '아직 90일이 지나지 않았습니다. 시계를 +91일로 돌린 뒤 조회하세요.',
        },
      ],
    },
    {
      id: 'still-in-s3',
      titleKo: 'S3의 로그 파일에는 남아 있다',
      instructionKo: `추적 버킷 ${BUCKET}에서 그 날짜의 로그 파일을 열어(s3:GetObject) CreateBucket 레코드가 여전히 있는지 확인하세요.`,
      hintKo: `s3:ListObjectsV2(Bucket=${BUCKET}, Prefix=AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/07/) → 로그 파일을 GetObject.`,
      solution: [
        { api: 's3:ListObjectsV2', params: { Bucket: BUCKET, Prefix: 'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/07/' } },
        (w) => {
          const listing = [...w.calls].reverse().find((e) => e.api === 's3:ListObjectsV2');
          return { api: 's3:GetObject', params: { Bucket: BUCKET, Key: (listing ? keysUnder(listing)[0] : undefined) ?? '' } };
        },
      ],
      done: (w) => {
        const made = recordsOf(w.all, 'CreateBucket').find((r) => r.requestParameters?.['bucketName'] === 'study-notes' && !r.errorCode);
        return made !== undefined && w.calls.some((e) => e.api === 's3:GetObject' && e.result.ok && gunzipText(e.result.response['Body']).includes(made.eventID));
      },
    },
  ],
};

import { keysUnder, trailSetup } from './checks';
import type { CallLogEntry, ScenarioDef, StepWorld } from './types';

const BUCKET = 'signed-logs-123456789012';
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/signed';
const START_S = Date.parse('2026-11-07T00:00:00Z') / 1000;
const validation = (e: CallLogEntry) => (e.api === 'sim:ValidateLogs' && e.result.ok ? e.result.response : undefined);
const touchedLogFile = (e: CallLogEntry) =>
  (e.api === 's3:PutObject' || e.api === 's3:DeleteObject') && e.result.ok && e.params['Bucket'] === BUCKET && String(e.params['Key'] ?? '').includes('_CloudTrail_us-east-1_');
const newestLogKey = (w: StepWorld) => {
  const listing = [...w.all].reverse().find((e) => e.api === 's3:ListObjectsV2' && e.result.ok);
  return (listing ? keysUnder(listing).filter((k) => k.includes('/CloudTrail/')).sort().at(-1) : undefined) ?? '';
};

export const logIntegrity: ScenarioDef = {
  id: 'log-integrity',
  order: 8,
  titleKo: '로그 파일 무결성 검증으로 변조 잡아내기',
  goalKo: '무결성 검증을 켠 추적의 로그를 검증하고, 로그 파일 하나를 고친 뒤 다시 검증해 다이제스트가 변조를 잡아내는 것을 봅니다.',
  noteId: 'log-file-integrity',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: [
    ...trailSetup('signed', BUCKET, { EnableLogFileValidation: true }),
    { api: 's3:CreateBucket', params: { Bucket: 'evidence' } },
    { api: 'iam:CreateUser', params: { UserName: 'intruder' } },
    // Two hours: log files every ~5 minutes and hourly digest files that sign them.
    { advance: 'PT2H5M' },
  ],
  steps: [
    {
      id: 'validate-clean',
      titleKo: '변조 전 검증',
      instructionKo: '추적 signed의 로그를 검증하세요(sim:ValidateLogs, aws cloudtrail validate-logs와 같은 일). 모든 다이제스트와 로그 파일이 유효해야 합니다.',
      hintKo: `TrailARN=${TRAIL_ARN}, StartTime은 실습 시작 시각(2026-11-07T00:00:00Z)`,
      solution: [{ api: 'sim:ValidateLogs', params: { TrailARN: TRAIL_ARN, StartTime: START_S } }],
      done: (w) => w.calls.some((e) => validation(e)?.['valid'] === true),
    },
    {
      id: 'tamper',
      titleKo: '로그 파일 하나를 고치기',
      instructionKo: `버킷 ${BUCKET}에서 CloudTrail 로그 파일 하나를 골라 내용을 바꿔 다시 올리세요(s3:PutObject로 덮어쓰기). 누군가 흔적을 지우려는 상황입니다.`,
      hintKo: 's3:ListObjectsV2로 AWSLogs/123456789012/CloudTrail/us-east-1/ 아래 키를 찾고, 그 키로 s3:PutObject를 하세요. 삭제(s3:DeleteObject)해도 검증이 잡아냅니다.',
      solution: [
        { api: 's3:ListObjectsV2', params: { Bucket: BUCKET, Prefix: 'AWSLogs/123456789012/CloudTrail/us-east-1/' } },
        (w) => ({ api: 's3:PutObject', params: { Bucket: BUCKET, Key: newestLogKey(w), Body: '{"Records":[]}' } }),
      ],
      done: (w) => w.calls.some(touchedLogFile),
      mistakes: [
        {
          when: (_w, last) => (last.api === 's3:PutObject' || last.api === 's3:DeleteObject') && last.result.ok && !touchedLogFile(last),
          hintKo: `CloudTrail 로그 파일이 아닌 객체를 바꿨습니다. ${BUCKET} 버킷의 AWSLogs/…/CloudTrail/… 아래 .json.gz 파일을 바꾸세요.`,
        },
      ],
    },
    {
      id: 'validate-caught',
      titleKo: '다시 검증해 변조 잡기',
      instructionKo: '같은 검증을 다시 하세요. 어떤 파일이 왜 유효하지 않다고 나오나요?',
      hintKo: '다이제스트 파일에는 각 로그 파일의 SHA-256 해시가 들어 있고, 다이제스트는 서명되어 앞 다이제스트와 사슬로 이어집니다. 바뀐 파일은 해시가 맞지 않습니다.',
      solution: [{ api: 'sim:ValidateLogs', params: { TrailARN: TRAIL_ARN, StartTime: START_S } }],
      done: (w) => w.calls.some((e) => validation(e)?.['valid'] === false),
      mistakes: [
        {
          when: (_w, last) => validation(last)?.['valid'] === true,
          hintKo: '검증 범위에 바꾼 파일이 들어 있나요? StartTime을 실습 시작 시각으로 두고 다시 검증하세요.',
        },
      ],
    },
  ],
};

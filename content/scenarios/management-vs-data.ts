import { gunzipText, keysUnder, recordsOf, routingOf, trailSetup } from './checks';
import type { CallLogEntry, ScenarioDef } from './types';

const putToPhotos = (e: CallLogEntry) => e.api === 's3:PutObject' && e.result.ok && e.params['Bucket'] === 'photos';
const inTrail = (e: CallLogEntry) => routingOf(e, 'PutObject')?.trails.some((t) => t.trailName === 'main' && t.landed) ?? false;

export const managementVsData: ScenarioDef = {
  id: 'management-vs-data',
  order: 2,
  titleKo: '관리 이벤트와 데이터 이벤트',
  goalKo: 'PutObject(데이터 이벤트)가 기본 추적에 남지 않는 것을 확인하고, 데이터 이벤트 선택기를 추가한 뒤 다시 올려 전달된 로그 파일에서 찾습니다.',
  noteId: 'trails',
  defaults: { as: 'root', region: 'us-east-1', via: 'console' },
  setup: [...trailSetup('main', 'trail-logs-123456789012'), { api: 's3:CreateBucket', params: { Bucket: 'photos' } }],
  steps: [
    {
      id: 'put-unrecorded',
      titleKo: '기본 추적에 PutObject 올리기',
      instructionKo: 'photos 버킷에 객체를 하나 올리세요(s3:PutObject). 이벤트 흐름에서 추적 main에 기록되었는지 보세요.',
      hintKo: '작업 목록 S3 → PutObject, Bucket=photos, Key는 아무 이름이나.',
      solution: [{ api: 's3:PutObject', params: { Bucket: 'photos', Key: 'cat.jpg', Body: 'meow' } }],
      done: (w) => w.calls.some((e) => putToPhotos(e) && routingOf(e, 'PutObject')?.trails.some((t) => t.trailName === 'main' && t.code === 'DATA_NOT_SELECTED')),
    },
    {
      id: 'add-selector',
      titleKo: '데이터 이벤트 선택기 추가',
      instructionKo: '추적 main이 photos 버킷의 객체 수준 이벤트를 기록하도록 이벤트 선택기를 바꾸세요(cloudtrail:PutEventSelectors). 관리 이벤트도 계속 기록해야 합니다.',
      hintKo: 'EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::photos/"] }] }]',
      solution: [
        {
          api: 'cloudtrail:PutEventSelectors',
          params: { TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }] }] },
        },
      ],
      done: (w) =>
        w.calls.some(
          (e) => e.api === 'cloudtrail:PutEventSelectors' && e.result.ok && JSON.stringify(e.params).includes('arn:aws:s3:::photos') && JSON.stringify(e.params).includes('"IncludeManagementEvents":true'),
        ),
      mistakes: [
        {
          when: (_w, last) => last.api === 'cloudtrail:PutEventSelectors' && last.result.ok && JSON.stringify(last.params).includes('"IncludeManagementEvents":false'),
          hintKo: '이렇게 하면 관리 이벤트 기록이 꺼집니다. IncludeManagementEvents는 true로 두세요.',
        },
      ],
    },
    {
      id: 'put-recorded',
      titleKo: '다시 올려 기록 확인',
      instructionKo: 'photos에 객체를 다시 올리세요. 이번에는 추적 main에 기록되어 약 5분 뒤 S3로 전달됩니다.',
      hintKo: '같은 PutObject를 한 번 더 실행하세요.',
      solution: [{ api: 's3:PutObject', params: { Bucket: 'photos', Key: 'dog.jpg', Body: 'woof' } }],
      done: (w) => w.calls.some((e) => putToPhotos(e) && inTrail(e)),
    },
    {
      id: 'read-log-file',
      titleKo: '전달된 로그 파일에서 찾기',
      instructionKo: '시계를 5분 이상 앞으로 돌린 뒤, 추적 버킷 trail-logs-123456789012에서 CloudTrail 로그 파일을 찾아 열어(s3:GetObject) PutObject 레코드를 확인하세요.',
      hintKo: '+5분 이상 이동 → s3:ListObjectsV2(Bucket=trail-logs-123456789012, Prefix=AWSLogs/) → 가장 새 .json.gz 키로 s3:GetObject.',
      solution: [
        { advance: 'PT10M' },
        { api: 's3:ListObjectsV2', params: { Bucket: 'trail-logs-123456789012', Prefix: 'AWSLogs/123456789012/CloudTrail/us-east-1/' } },
        (w) => {
          const listing = [...w.calls].reverse().find((e) => e.api === 's3:ListObjectsV2');
          const newest = listing ? keysUnder(listing).sort().at(-1) : undefined;
          return { api: 's3:GetObject', params: { Bucket: 'trail-logs-123456789012', Key: newest ?? '' } };
        },
      ],
      // Done only when the learner opened a delivered log file that really holds the recorded PutObject.
      done: (w) => {
        const put = w.all.filter((e) => putToPhotos(e) && inTrail(e)).flatMap((e) => recordsOf([e], 'PutObject'))[0];
        if (!put) return false;
        return w.calls.some(
          (e) => e.api === 's3:GetObject' && e.result.ok && e.params['Bucket'] === 'trail-logs-123456789012' && gunzipText(e.result.response['Body']).includes(put.eventID),
        );
      },
      mistakes: [
        {
          when: (w, last) => last.api === 's3:ListObjectsV2' && last.result.ok && keysUnder(last).length === 0 && w.nowMs - w.startMs < 5 * 60_000,
          hintKo: '아직 전달된 로그 파일이 없습니다. CloudTrail은 평균 약 5분마다 로그 파일을 S3로 보냅니다. 시계를 앞으로 돌려 보세요.',
        },
      ],
    },
  ],
};

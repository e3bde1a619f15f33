// Questions derived from the simulator's action catalog, so the quiz cannot disagree with the simulator.
import type { ActionDef, CloudTrailRecord } from '../../simulator/core/contract';
import type { QuizItem } from './types';

const TF = ['참', '거짓'];
const tf = (truth: boolean) => (truth ? 0 : 1);
const name = (d: ActionDef) => `${d.eventName} (${d.eventSource})`;
const recorded = (d: ActionDef) => d.recordedByCloudTrail !== false;
const CATEGORY_CHOICES = ['관리 이벤트', '데이터 이벤트', '인사이트 이벤트'];
const EVENT_TYPES = ['AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent', 'AwsConsoleAction'];
const CALLER_REGION = 'ap-northeast-2';
const REGION_CHOICES = ['us-east-1', CALLER_REGION, '모든 리전', '어느 리전의 이벤트 기록에도 나타나지 않음'];

function categoryQuestion(d: ActionDef): QuizItem {
  const data = d.category === 'Data';
  return {
    id: `gen-category-${d.api}`,
    category: 'management-vs-data',
    format: 'multiple-choice',
    prompt: `${name(d)} 호출은 CloudTrail에서 어떤 이벤트로 분류되나요?`,
    choices: CATEGORY_CHOICES,
    answerIndex: data ? 1 : 0,
    explanation: data
      ? `${d.eventName}은(는) 리소스 안의 데이터를 다루는 데이터 플레인 작업이라 데이터 이벤트(eventCategory: "Data")입니다. 추적에 데이터 이벤트 선택기를 추가해야 기록됩니다. (${d.summaryKo})`
      : `${d.eventName}은(는) 리소스를 만들거나 설정·조회하는 제어 플레인 작업이라 관리 이벤트(eventCategory: "Management")입니다. 인사이트 이벤트는 API 호출이 아니라 CloudTrail Insights가 이상 징후를 감지해 만드는 이벤트입니다. (${d.summaryKo})`,
    noteId: 'event-types',
    api: d.api,
  };
}

function readOnlyQuestion(d: ActionDef): QuizItem {
  return {
    id: `gen-readonly-${d.api}`,
    category: 'read-vs-write',
    format: 'true-false',
    prompt: `${name(d)} 이벤트의 readOnly 필드는 true다.`,
    choices: TF,
    answerIndex: tf(d.readOnly),
    explanation: d.readOnly
      ? `${d.eventName}은(는) 리소스를 읽기만 하므로 readOnly: true인 읽기 전용 이벤트입니다. ReadOnly로 설정한 추적은 기록하고 WriteOnly 추적은 기록하지 않습니다.`
      : `${d.eventName}은(는) 리소스를 바꾸거나 바꿀 수 있는 작업이라 readOnly: false인 쓰기 이벤트입니다. WriteOnly로 설정한 추적도 기록합니다.`,
    noteId: 'event-types',
    api: d.api,
  };
}

function eventTypeQuestion(d: ActionDef): QuizItem {
  const nonApi = !d.apiCall;
  return {
    id: `gen-eventtype-${d.api}`,
    category: 'api-vs-nonapi',
    format: 'multiple-choice',
    prompt: `${name(d)} 레코드의 eventType은 무엇인가요?`,
    choices: EVENT_TYPES,
    answerIndex: EVENT_TYPES.indexOf(d.eventType),
    explanation: nonApi
      ? `${d.eventName}은(는) API 호출이 아닌 비 API 이벤트라 eventType이 ${d.eventType}입니다. 그래도 관리 이벤트로 이벤트 기록과 추적에 남습니다.`
      : `${d.eventName}은(는) AWS API 호출이라 eventType이 AwsApiCall입니다. 콘솔에서 눌러도 콘솔이 API를 호출하므로 같습니다.`,
    noteId: 'event-types',
    api: d.api,
  };
}

function historyQuestion(d: ActionDef): QuizItem {
  const shown = recorded(d) && d.category === 'Management';
  return {
    id: `gen-history-${d.api}`,
    category: 'event-history',
    format: 'true-false',
    prompt: `추적이 하나도 없는 계정에서 ${name(d)}을(를) 호출하면, 이 호출을 CloudTrail 이벤트 기록에서 볼 수 있다.`,
    choices: TF,
    answerIndex: tf(shown),
    explanation: !recorded(d)
      ? `${d.eventName}은(는) CloudTrail이 기록하지 않는 작업이라 이벤트 기록에도 추적에도 남지 않습니다.`
      : shown
        ? `이벤트 기록은 추적 없이도 최근 90일의 관리 이벤트를 보여 줍니다. ${d.eventName}은(는) 관리 이벤트이므로 보입니다.`
        : `이벤트 기록에는 관리 이벤트만 나타납니다. ${d.eventName}은(는) 데이터 이벤트라, 데이터 이벤트를 선택한 추적이 있어야 S3 로그 파일에 남습니다.`,
    noteId: 'event-history',
    api: d.api,
  };
}

function regionQuestion(d: ActionDef): QuizItem {
  const answer = !recorded(d) || d.category === 'Data' ? 3 : d.globalService ? 0 : 1;
  return {
    id: `gen-region-${d.api}`,
    category: 'event-history',
    format: 'multiple-choice',
    prompt: `${CALLER_REGION} 리전을 선택하고 ${name(d)}을(를) 호출했습니다. 이 호출은 어느 리전의 이벤트 기록에 나타나나요?`,
    choices: REGION_CHOICES,
    answerIndex: answer,
    explanation:
      answer === 3
        ? `${d.eventName}은(는) ${recorded(d) ? '데이터 이벤트라 어느 리전의 이벤트 기록에도 나타나지 않습니다' : 'CloudTrail이 기록하지 않는 작업입니다'}.`
        : answer === 0
          ? `${d.eventSource}는 글로벌 서비스입니다. 2021년 11월부터 IAM, 글로벌 STS, CloudFront 같은 글로벌 서비스 이벤트는 호출한 리전과 상관없이 us-east-1에만 기록됩니다(예전에는 모든 리전의 이벤트 기록에 보였습니다).`
          : `${d.eventSource}는 리전 서비스라, 호출을 받은 ${CALLER_REGION} 리전의 이벤트 기록에만 나타납니다.`,
    noteId: 'event-history',
    api: d.api,
  };
}

function writeOnlyTrailQuestion(d: ActionDef): QuizItem {
  const logged = recorded(d) && d.category === 'Management' && !d.readOnly;
  return {
    id: `gen-trail-writeonly-${d.api}`,
    category: 'trails',
    format: 'true-false',
    prompt: `관리 이벤트를 쓰기 전용(WriteOnly)으로 기록하고 데이터 이벤트 선택기는 없는 추적이 ${name(d)} 호출을 기록한다.`,
    choices: TF,
    answerIndex: tf(logged),
    explanation: logged
      ? `${d.eventName}은(는) 쓰기 관리 이벤트(readOnly: false)라 WriteOnly 추적이 기록합니다.`
      : d.category === 'Data'
        ? `${d.eventName}은(는) 데이터 이벤트라, 관리 이벤트 설정과 상관없이 데이터 이벤트 선택기가 있어야 기록됩니다.`
        : `${d.eventName}은(는) 읽기 전용(readOnly: true) 이벤트라 WriteOnly 추적은 기록하지 않습니다.`,
    noteId: 'trails',
    api: d.api,
  };
}

/** Sort questions: deterministic groups mixing data and management events (and reads and writes). */
function sortQuestions(catalog: ActionDef[]): QuizItem[] {
  const data = catalog.filter((d) => d.category === 'Data' && recorded(d));
  const mgmt = catalog.filter((d) => d.category === 'Management' && recorded(d));
  const items: QuizItem[] = [];
  for (let g = 0; data.length >= 2 && (g + 1) * 4 <= mgmt.length; g++) {
    const picks = [data[(2 * g) % data.length]!, data[(2 * g + 1) % data.length]!, ...mgmt.slice(g * 4, g * 4 + 4)];
    const order = picks.map((d, i) => ({ d, k: (i * 7 + g * 3) % picks.length })).sort((a, b) => a.k - b.k).map((x) => x.d);
    items.push({
      id: `gen-sort-category-${g}`,
      category: 'management-vs-data',
      format: 'sort',
      prompt: '각 호출을 관리 이벤트와 데이터 이벤트로 나누세요.',
      choices: [],
      answerIndex: -1,
      sort: { buckets: ['관리 이벤트', '데이터 이벤트'], cards: order.map((d) => ({ label: d.api, bucket: d.category === 'Data' ? 1 : 0 })) },
      explanation: 'S3 객체 수준 작업(GetObject, PutObject, DeleteObject…)과 Lambda Invoke는 데이터 이벤트, 나머지 리소스 생성·설정·조회는 관리 이벤트입니다.',
      noteId: 'event-types',
    });
    const rw = mgmt.slice(g * 4, g * 4 + 4).concat(mgmt.slice(-(g + 1) * 2, mgmt.length - g * 2));
    if (new Set(rw.map((d) => d.readOnly)).size === 2 && new Set(rw.map((d) => d.api)).size === rw.length) {
      items.push({
        id: `gen-sort-readonly-${g}`,
        category: 'read-vs-write',
        format: 'sort',
        prompt: '각 호출을 읽기 전용 이벤트와 쓰기 이벤트로 나누세요.',
        choices: [],
        answerIndex: -1,
        sort: { buckets: ['읽기 전용 (readOnly: true)', '쓰기 (readOnly: false)'], cards: rw.map((d) => ({ label: d.api, bucket: d.readOnly ? 0 : 1 })) },
        explanation: 'Describe·List·Get처럼 읽기만 하는 호출은 읽기 전용, 리소스를 만들고 바꾸고 지우는 호출은 쓰기 이벤트입니다.',
        noteId: 'event-types',
      });
    }
  }
  return items;
}

/** A record the simulator really wrote, with who made the call, for read-the-JSON questions. */
export interface RecordSample {
  id: string;
  record: CloudTrailRecord;
}

const IDENTITY_TYPES = ['Root', 'IAMUser', 'AssumedRole', 'AWSService'];

function readJsonQuestions(sample: RecordSample): QuizItem[] {
  const r = sample.record;
  const json = JSON.stringify(r, null, 2);
  const items: QuizItem[] = [];
  const idIndex = IDENTITY_TYPES.indexOf(r.userIdentity.type);
  if (idIndex >= 0) {
    items.push({
      id: `gen-json-identity-${sample.id}`,
      category: 'api-vs-nonapi',
      format: 'read-json',
      prompt: '아래 CloudTrail 레코드에서 호출한 주체의 userIdentity.type은 무엇인가요?',
      choices: IDENTITY_TYPES,
      answerIndex: idIndex,
      json,
      explanation: `userIdentity.type이 "${r.userIdentity.type}"입니다. Root는 루트 사용자, IAMUser는 IAM 사용자, AssumedRole은 sts:AssumeRole로 받은 임시 자격 증명, AWSService는 AWS 서비스가 스스로 한 호출입니다.`,
      noteId: 'record-contents',
    });
  }
  items.push({
    id: `gen-json-category-${sample.id}`,
    category: 'management-vs-data',
    format: 'read-json',
    prompt: '아래 레코드는 추적 없이도 이벤트 기록(90일)에서 볼 수 있는 이벤트인가요?',
    choices: ['예, 관리 이벤트입니다', '아니요, 데이터 이벤트입니다'],
    answerIndex: r.eventCategory === 'Management' ? 0 : 1,
    json,
    explanation: `eventCategory가 "${r.eventCategory}"이고 managementEvent가 ${r.managementEvent}입니다. 이벤트 기록에는 관리 이벤트만 나타납니다.`,
    noteId: 'record-contents',
  });
  return items;
}

export function generateQuestions(catalog: ActionDef[], samples: RecordSample[] = []): QuizItem[] {
  const perAction = catalog.flatMap((d) => [
    categoryQuestion(d),
    readOnlyQuestion(d),
    eventTypeQuestion(d),
    historyQuestion(d),
    // Sign-in events land by their own rules (the sign-in endpoint's region), taught in a note, not generated.
    ...(d.apiCall ? [regionQuestion(d)] : []),
    writeOnlyTrailQuestion(d),
  ]);
  return [...perAction, ...sortQuestions(catalog), ...samples.flatMap(readJsonQuestions)];
}

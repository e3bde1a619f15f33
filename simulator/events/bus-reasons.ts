// The Korean sentence a record's routing gives for the EventBridge side: where the record went and how many
// rules it matched. Asked for every record CloudTrail writes, from a handful of Regions, event names and
// counts, so each sentence is written once and shared (a new sentence per record was a chain of partial
// strings to allocate, and to flatten wherever a routing is read or kept).
import type { CloudTrailRecord } from '../core/contract';

export type BusCode = 'DELIVERED' | 'DELIVERED_READ_ONLY' | 'NO_LOGGING_TRAIL' | 'DATA_EVENT_NOT_LOGGED';

/** The sentence for `code`, written afresh (what busReasonKo gives, kept or not). */
export function writeBusReasonKo(code: BusCode, record: Pick<CloudTrailRecord, 'awsRegion' | 'eventName'>, matched: number): string {
  const where = `${record.awsRegion} 리전의 기본 이벤트 버스`;
  const rules = matched === 0 ? '일치한 규칙은 없습니다.' : `규칙 ${matched}개와 일치했습니다.`;
  switch (code) {
    case 'DELIVERED':
      return `CloudTrail이 이 이벤트를 ${where}로 보냈습니다. ${rules}`;
    case 'DELIVERED_READ_ONLY':
      return `읽기 전용 관리 이벤트(${record.eventName})라서 ${where}에서 상태가 ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS인 규칙만 받습니다. ${rules}`;
    case 'NO_LOGGING_TRAIL':
      return `이 리전을 기록하는 로깅 중인 트레일이 없어 EventBridge로 전달되지 않았습니다("AWS API Call via CloudTrail" 이벤트에는 로깅 중인 트레일이 필요합니다).`;
    case 'DATA_EVENT_NOT_LOGGED':
      return `데이터 이벤트(${record.eventName})는 트레일의 데이터 이벤트 선택기가 기록할 때만 EventBridge로 전달됩니다.`;
  }
}

/** Counts of matched rules whose sentences are kept; more is rare and written afresh. */
const KEPT_COUNTS = 32;
/** Bounds each table only against scripts inventing Regions or event names without end. */
const MAX_KEYS = 512;

/** Per key (a Region, or an event name), the sentences by count of matched rules. */
class ByCount {
  private readonly byKey = new Map<string, Array<string | undefined>>();
  of(key: string, code: BusCode, record: Pick<CloudTrailRecord, 'awsRegion' | 'eventName'>, matched: number): string {
    let texts = this.byKey.get(key);
    if (texts === undefined) {
      if (this.byKey.size >= MAX_KEYS) this.byKey.clear();
      this.byKey.set(key, (texts = []));
    }
    return (texts[matched] ??= writeBusReasonKo(code, record, matched));
  }
}

const delivered = new ByCount();
/** Read-only sentences name the event and the Region: per event name, then per Region. */
const readOnly = new Map<string, ByCount>();
const notLogged = new Map<string, string>();
const NO_LOGGING_TRAIL = writeBusReasonKo('NO_LOGGING_TRAIL', { awsRegion: '', eventName: '' }, 0);

/** writeBusReasonKo's sentence, the same text, shared between records that get the same one. */
export function busReasonKo(code: BusCode, record: Pick<CloudTrailRecord, 'awsRegion' | 'eventName'>, matched: number): string {
  // Keys must be strings for the tables (a restored record is untrusted); anything else is written afresh.
  const region = record.awsRegion;
  const name = record.eventName;
  if (typeof region !== 'string' || typeof name !== 'string' || !(matched >= 0 && matched < KEPT_COUNTS && Number.isInteger(matched))) return writeBusReasonKo(code, record, matched);
  switch (code) {
    case 'DELIVERED':
      return delivered.of(region, code, record, matched);
    case 'DELIVERED_READ_ONLY': {
      let byRegion = readOnly.get(name);
      if (byRegion === undefined) {
        if (readOnly.size >= MAX_KEYS) readOnly.clear();
        readOnly.set(name, (byRegion = new ByCount()));
      }
      return byRegion.of(region, code, record, matched);
    }
    case 'NO_LOGGING_TRAIL':
      return NO_LOGGING_TRAIL;
    case 'DATA_EVENT_NOT_LOGGED': {
      let text = notLogged.get(name);
      if (text === undefined) {
        if (notLogged.size >= MAX_KEYS) notLogged.clear();
        notLogged.set(name, (text = writeBusReasonKo(code, record, matched)));
      }
      return text;
    }
  }
}

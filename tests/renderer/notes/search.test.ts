import { describe, expect, it } from 'vitest';
import { searchNotes } from '../../../renderer/src/areas/notes/search';
import { normalize } from '../../../renderer/src/areas/notes/note-library';

const note = (id: string, title: string, body: string) => ({ meta: { id, title, summary: '' }, body, searchText: normalize(`${title} ${body}`) });
const notes = [
  note('history', '이벤트 기록', '이벤트 기록은 최근 90일의 관리 이벤트를 리전별로 보여 줍니다.'),
  note('trails', '추적', '추적은 데이터 이벤트를 선택기로 골라 S3에 전달합니다. 90일보다 오래 보관합니다.'),
  note('alarms', 'CloudWatch 경보', 'ALARM 상태와 DatapointsToAlarm을 다룹니다.'),
];

describe('Korean note search', () => {
  it('finds a stem inside words that carry particles (이벤트를, 추적은)', () => {
    expect(searchNotes(notes, '이벤트').map((h) => h.id)).toEqual(['history', 'trails']);
    expect(searchNotes(notes, '추적').map((h) => h.id)).toEqual(['trails']);
  });

  it('requires every word and ranks title matches first', () => {
    expect(searchNotes(notes, '90일 데이터').map((h) => h.id)).toEqual(['trails']);
    expect(searchNotes(notes, '90일')[0]?.id).toBe('history');
  });

  it('is case-insensitive for AWS names and returns a snippet around the match', () => {
    const [hit] = searchNotes(notes, 'datapointstoalarm');
    expect(hit?.id).toBe('alarms');
    expect(hit?.snippet).toContain('DatapointsToAlarm');
    expect(searchNotes(notes, '   ')).toEqual([]);
    expect(searchNotes(notes, '없는말')).toEqual([]);
  });
});

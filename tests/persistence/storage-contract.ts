import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { TrailwatchStorage } from '../../electron/common/storage-api';
import { DOC_KEYS } from '../../electron/common/documents';

/** What each implementation's test provides: a storage over some backing store, and raw access to that store. */
export interface StorageHarness {
  storage: TrailwatchStorage;
  /** A second storage over the same backing store, as after an app restart. */
  reopen(): TrailwatchStorage;
  /** Writes raw text where the document `key` is stored, bypassing the API. */
  writeRaw(key: string, text: string): Promise<void>;
  readRaw(key: string): Promise<string | undefined>;
  /** Names under which damaged documents were kept aside, with their contents. */
  quarantined(): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
}

/** One suite, run against every implementation, so Electron and browser storage cannot drift apart. */
export function describeStorageContract(name: string, make: () => Promise<StorageHarness>): void {
  describe(`storage contract: ${name}`, () => {
    let h: StorageHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('starts with defaults and no notice', async () => {
      for (const key of DOC_KEYS) expect((await h.storage.load(key)).noticeKo).toBeUndefined();
      expect((await h.storage.load('settings')).data).toEqual({ theme: 'system', reviewDays: [6, 0], reminderTime: null });
    });

    it('keeps what was saved across a restart', async () => {
      await h.storage.save('settings', { theme: 'dark', reviewDays: [6], reminderTime: '09:30' });
      await h.storage.save('progress', { notesRead: ['cloudtrail-overview'], bookmarks: [], quizStats: { trails: { answered: 3, correct: 2 } }, scenarios: {} });
      const again = h.reopen();
      expect((await again.load('settings')).data).toEqual({ theme: 'dark', reviewDays: [6], reminderTime: '09:30' });
      expect((await again.load('progress')).data.quizStats).toEqual({ trails: { answered: 3, correct: 2 } });
    });

    it('refuses to save invalid data and keeps the previous document', async () => {
      await h.storage.save('settings', { theme: 'light', reviewDays: [0], reminderTime: null });
      await expect(h.storage.save('settings', { theme: 'neon', reviewDays: [], reminderTime: null } as never)).rejects.toThrow();
      expect((await h.reopen().load('settings')).data.theme).toBe('light');
    });

    it('keeps a corrupt document aside under a new name, tells the learner in Korean, and starts fresh', async () => {
      await h.writeRaw('settings', '{"version":2,"data":{"theme":"da');
      const result = await h.storage.load('settings');
      expect(result.data.theme).toBe('system');
      expect(result.noticeKo).toMatch(/설정 데이터가 손상되어 .*corrupt.* 옮겨 두고 새 데이터로 시작합니다/);
      const kept = await h.quarantined();
      expect([...kept.values()]).toContain('{"version":2,"data":{"theme":"da');
      expect(result.noticeKo).toContain([...kept.keys()][0]);
      expect((await h.storage.load('settings')).noticeKo).toBeUndefined();
    });

    it('treats valid JSON with the wrong shape as damaged too, without losing it', async () => {
      await h.writeRaw('progress', JSON.stringify({ version: 1, data: { notesRead: 'all of them' } }));
      const result = await h.storage.load('progress');
      expect(result.noticeKo).toContain('학습 진도');
      expect(result.noticeKo).toContain('notesRead');
      expect([...(await h.quarantined()).values()][0]).toContain('all of them');
    });

    it('migrates a version-1 settings document to the current version', async () => {
      await h.writeRaw('settings', JSON.stringify({ version: 1, data: { theme: 'dark' } }));
      const result = await h.storage.load('settings');
      expect(result.noticeKo).toBeUndefined();
      expect(result.data).toEqual({ theme: 'dark', reviewDays: [6, 0], reminderTime: null });
    });

    it('does not overwrite a document from a newer app version', async () => {
      const newer = JSON.stringify({ version: 99, data: {} });
      await h.writeRaw('review', newer);
      const result = await h.storage.load('review');
      expect(result.noticeKo).toContain('업데이트');
      expect([...(await h.quarantined()).values()]).toContain(newer);
    });

    it('exports everything and imports it back after a reset', async () => {
      await h.storage.save('settings', { theme: 'dark', reviewDays: [6, 0], reminderTime: null });
      await h.storage.save('progress', { notesRead: ['trails'], bookmarks: ['insights'], quizStats: {}, scenarios: {} });
      const exported = await h.storage.exportAll();
      await h.storage.resetAll();
      expect((await h.storage.load('settings')).data.theme).toBe('system');
      expect(await h.storage.importAll(exported)).toEqual({ ok: true });
      const again = h.reopen();
      expect((await again.load('settings')).data.theme).toBe('dark');
      expect((await again.load('progress')).data.bookmarks).toEqual(['insights']);
    });

    it('refuses a bad import with a Korean reason and changes nothing', async () => {
      await h.storage.save('settings', { theme: 'light', reviewDays: [6, 0], reminderTime: null });
      const before = await h.readRaw('settings');
      const good = JSON.parse(await h.storage.exportAll()) as { documents: Record<string, unknown> };
      const cases: [string, RegExp][] = [
        ['not json at all', /JSON 형식이 아닙니다/],
        [JSON.stringify({ hello: 'world' }), /Trailwatch 내보내기 파일이 아닙니다/],
        [JSON.stringify({ ...good, documents: { ...good.documents, review: undefined } }), /복습 기록\(review\) 항목이 없습니다/],
        [JSON.stringify({ ...good, documents: { ...good.documents, settings: { version: 2, data: { theme: 'pink' } } } }), /설정\(settings\) 항목이 올바르지 않습니다/],
      ];
      for (const [text, reason] of cases) {
        const result = await h.storage.importAll(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errorKo).toMatch(reason);
        expect(await h.readRaw('settings')).toBe(before);
      }
    });

    it('forgets everything on reset', async () => {
      await h.storage.save('settings', { theme: 'dark', reviewDays: [], reminderTime: null });
      await h.storage.resetAll();
      expect((await h.reopen().load('settings')).data.theme).toBe('system');
      expect(await h.readRaw('settings')).toBeUndefined();
    });
  });
}

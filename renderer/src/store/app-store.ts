import { create } from 'zustand';
import type { DocData } from '../../../electron/common/documents';
import { DOC_KEYS, defaults } from '../../../electron/common/documents';
import type { TrailwatchStorage } from '../../../electron/common/storage-api';

export const AREAS = ['home', 'notes', 'simulator', 'quiz', 'review', 'scenarios', 'settings'] as const;
export type Area = (typeof AREAS)[number];

type Settings = DocData['settings'];
type Progress = DocData['progress'];

/** UI state only: where the learner is, the settings and progress they see, and messages for them. */
interface AppState {
  ready: boolean;
  area: Area;
  /** Counts reads of every document from storage (start, import, reset): a screen that keeps state of its own
   *  (the simulator's sandbox) starts again from storage when it changes, without saving over what was read. */
  dataGeneration: number;
  settings: Settings;
  progress: Progress;
  notices: string[];
  storage: TrailwatchStorage | null;
  /** The note open in the notes area. */
  noteId: string | null;
  /** An action a note asked the simulator to prepare, e.g. 's3:PutObject'. */
  pendingAction: string | null;
  /** How the learner came to the screen shown: by the menu or a shortcut ('menu': a screen kept from before
   *  shows where it was left), or by a link to a note or an action ('link': it opens at its top). */
  arrival: 'menu' | 'link';
  init(storage: TrailwatchStorage): Promise<void>;
  go(area: Area): void;
  setTheme(theme: Settings['theme']): Promise<void>;
  saveSettings(next: Settings): Promise<void>;
  dismissNotice(index: number): void;
  openNote(id: string): void;
  trySimulator(api: string): void;
  /** Changes progress and saves it at once, so nothing is lost if the app closes. */
  updateProgress(change: (p: Progress) => Progress): Promise<void>;
  reloadFromStorage(): Promise<void>;
}

export const useApp = create<AppState>((set, get) => ({
  ready: false,
  area: 'home',
  dataGeneration: 0,
  settings: defaults.settings(),
  progress: defaults.progress(),
  notices: [],
  storage: null,
  noteId: null,
  pendingAction: null,
  arrival: 'menu',
  async init(storage) {
    set({ storage });
    await get().reloadFromStorage();
    set({ ready: true });
  },
  go(area) {
    set({ area, arrival: 'menu' });
  },
  async setTheme(theme) {
    await get().saveSettings({ ...get().settings, theme });
  },
  async saveSettings(next) {
    set({ settings: next });
    await get().storage?.save('settings', next);
  },
  dismissNotice(index) {
    set({ notices: get().notices.filter((_, i) => i !== index) });
  },
  openNote(id) {
    set({ area: 'notes', noteId: id, arrival: 'link' });
  },
  trySimulator(api) {
    set({ area: 'simulator', pendingAction: api, arrival: 'link' });
  },
  async updateProgress(change) {
    const next = change(get().progress);
    set({ progress: next });
    await get().storage?.save('progress', next);
  },
  async reloadFromStorage() {
    const storage = get().storage;
    if (!storage) return;
    // Every document is read at start so a damaged one is reported at once, not when its area opens.
    const notices: string[] = [];
    const loaded = await Promise.all(DOC_KEYS.map((key) => storage.load(key)));
    for (const result of loaded) if (result.noticeKo) notices.push(result.noticeKo);
    const [settings, progress] = loaded as [{ data: Settings }, { data: Progress }];
    set({ settings: settings.data, progress: progress.data, notices: [...get().notices, ...notices], dataGeneration: get().dataGeneration + 1 });
  },
}));

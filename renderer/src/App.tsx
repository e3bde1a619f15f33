import { Suspense, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type UIEvent } from 'react';
import { AREAS, useApp, type Area } from './store/app-store';
import { useThemeEffect } from './store/theme';
import { Nav } from './components/Nav';
import { Notices } from './components/Notices';
import { Home } from './areas/Home';
import { Settings } from './areas/Settings';

import { deferredScreen, type DeferredScreen } from './deferred-screen';
import { preloadWhenIdle } from './idle-preload';
import { ScreenActive } from './screen-active';

// Areas not on the first screen load on demand, keeping the first paint light, and ahead of time once the
// page is idle (in this order), so a first visit is as smooth as a later one.
const notes = deferredScreen(() => import('./areas/notes/NotesArea'));
const simulator = deferredScreen(() => import('./areas/simulator/SimulatorArea'));
const quiz = deferredScreen(() => import('./areas/quiz/QuizArea'));
const review = deferredScreen(() => import('./areas/review/ReviewArea'));
const scenarios = deferredScreen(() => import('./areas/scenarios/ScenariosArea'));
const PRELOAD_AFTER_MS = 1500;
/** In the order their code loads; `ahead`: the screen is then also made, hidden, so a first visit renders
 *  nothing. Not the simulator: mounting it starts its worker and restores the sandbox. */
const PRELOADED: readonly { screen: DeferredScreen; ahead?: Area }[] = [
  { screen: notes, ahead: 'notes' }, { screen: simulator }, { screen: quiz, ahead: 'quiz' }, { screen: review }, { screen: scenarios },
];

const SCREENS: Record<Area, ComponentType> = {
  home: Home,
  notes: notes.Screen,
  simulator: simulator.Screen,
  quiz: quiz.Screen,
  review: review.Screen,
  scenarios: scenarios.Screen,
  settings: Settings,
};

/**
 * Screens kept mounted, hidden, once shown, in this order in the page. Coming back to one renders nothing
 * and lays nothing out again (content-visibility: hidden keeps its layout), and a quiz left half-way is still
 * there. Kept are the screens whose content comes from the app's store or is fixed: the review and settings
 * read saved data when they open (a review kept from before an import or a reset would show, and save, the
 * old data), and a scenario runs a simulator of its own, which ends when the learner leaves it.
 * The simulator is last and the scenarios just before it, as they always were: a scenario shows the
 * simulator's own form, whose field ids the scenario's must come before to label its fields.
 */
const KEPT_ORDER: readonly Area[] = ['home', 'notes', 'quiz', 'review', 'settings', 'scenarios', 'simulator'];
const KEPT: ReadonlySet<Area> = new Set(['home', 'notes', 'quiz', 'simulator']);

export function App() {
  useThemeEffect();
  const ready = useApp((s) => s.ready);
  const area = useApp((s) => s.area);
  const go = useApp((s) => s.go);
  // The simulator stays mounted once opened: its worker holds the sandbox, so coming back is instant instead
  // of a restore from storage (about ten seconds at 100,000 records), and a save still running when the
  // learner left can no longer race a restore of the older save.
  const [mounted, setMounted] = useState<readonly Area[]>([]);
  if (ready) {
    const next = (mounted.includes(area) ? mounted : [...mounted, area]).filter((a) => a === area || KEPT.has(a));
    if (next.length !== mounted.length || next.some((a, i) => a !== mounted[i])) setMounted(next);
  }
  const makeAhead = useCallback((index: number) => {
    const a = PRELOADED[index]?.ahead;
    if (a) setMounted((m) => (m.includes(a) ? m : [...m, a]));
  }, []);

  // Each kept screen (each note) keeps its own scroll position in the one scrolling column, for the learner
  // coming back by the menu; one not seen yet, made afresh, or reached by a link (a note from the quiz, an
  // action from a note) opens at its top.
  const noteId = useApp((s) => s.noteId);
  const scrollKey = area === 'notes' ? `notes:${noteId ?? ''}` : area;
  // Kept from the screen's own top, not the column's: a notice shown or dismissed above the screens meanwhile
  // moves every screen down or up. A learner who was above the screen's top (reading a notice) comes back to
  // the column's top.
  const scrolls = useRef(new Map<string, number>());
  const shown = useRef(scrollKey);
  useLayoutEffect(() => {
    if (shown.current === scrollKey) return;
    shown.current = scrollKey;
    const main = document.getElementById('main');
    if (!main) return;
    const back = KEPT.has(area) && useApp.getState().arrival === 'menu';
    const within = back ? (scrolls.current.get(scrollKey) ?? 0) : 0;
    main.scrollTop = within > 0 ? within + shownScreenTop(main) : 0;
  }, [area, scrollKey]);
  const onScroll = (e: UIEvent<HTMLElement>) => {
    scrolls.current.set(scrollKey, e.currentTarget.scrollTop - shownScreenTop(e.currentTarget));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      const target = AREAS[index];
      if (target) {
        e.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  useEffect(() => (ready ? preloadWhenIdle(PRELOADED.map((p) => p.screen), PRELOAD_AFTER_MS, window, makeAhead) : undefined), [ready, makeAhead]);

  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [area]);

  return (
    <div className="shell">
      <a className="skip" href="#main">본문으로 건너뛰기</a>
      <Nav />
      <main id="main" tabIndex={-1} data-area={area} aria-busy={!ready} onScroll={onScroll}>
        <Notices />
        {!ready ? (
          <p className="muted">불러오는 중…</p>
        ) : (
          KEPT_ORDER.filter((a) => mounted.includes(a)).map((a) => <KeptScreen key={a} area={a} away={a !== area} />)
        )}
      </main>
    </div>
  );
}

/** Where the screen shown begins in the scrolling column (below the notices). */
function shownScreenTop(main: HTMLElement): number {
  const screen = main.querySelector<HTMLElement>(':scope > .area-kept:not([data-away])');
  return screen ? screen.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop : 0;
}

/**
 * One screen in its place, hidden while away. Its content is made once: switching screens re-renders only
 * this wrapper and what reads ScreenActive, not the screen (a note, a quiz) itself.
 */
const KeptScreen = memo(function KeptScreen({ area, away }: { area: Area; away: boolean }) {
  const content = useMemo(() => {
    const Screen = SCREENS[area];
    return (
      <Suspense fallback={<p className="muted">불러오는 중…</p>}>
        <Screen />
      </Suspense>
    );
  }, [area]);
  return (
    <div className="area-kept" data-screen={area} data-away={away || undefined} inert={away}>
      <ScreenActive.Provider value={!away}>{content}</ScreenActive.Provider>
    </div>
  );
});

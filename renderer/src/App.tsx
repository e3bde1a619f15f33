import { Suspense, useEffect, useState, type ComponentType } from 'react';
import { AREAS, useApp, type Area } from './store/app-store';
import { useThemeEffect } from './store/theme';
import { Nav } from './components/Nav';
import { Notices } from './components/Notices';
import { Home } from './areas/Home';
import { Settings } from './areas/Settings';

import { deferredScreen } from './deferred-screen';
import { preloadWhenIdle } from './idle-preload';

// Areas not on the first screen load on demand, keeping the first paint light, and ahead of time once the
// page is idle (in this order), so a first visit is as smooth as a later one.
const notes = deferredScreen(() => import('./areas/notes/NotesArea'));
const simulator = deferredScreen(() => import('./areas/simulator/SimulatorArea'));
const quiz = deferredScreen(() => import('./areas/quiz/QuizArea'));
const review = deferredScreen(() => import('./areas/review/ReviewArea'));
const scenarios = deferredScreen(() => import('./areas/scenarios/ScenariosArea'));
const PRELOAD_AFTER_MS = 1500;

const SCREENS: Record<Area, ComponentType> = {
  home: Home,
  notes: notes.Screen,
  simulator: simulator.Screen,
  quiz: quiz.Screen,
  review: review.Screen,
  scenarios: scenarios.Screen,
  settings: Settings,
};

export function App() {
  useThemeEffect();
  const ready = useApp((s) => s.ready);
  const area = useApp((s) => s.area);
  const go = useApp((s) => s.go);
  const Screen = SCREENS[area];
  // The simulator stays mounted, hidden, once opened: its worker holds the sandbox, so coming back is instant
  // instead of a restore from storage (about ten seconds at 100,000 records), and a save still running when
  // the learner left can no longer race a restore of the older save.
  const [simulatorKept, setSimulatorKept] = useState(false);
  if (area === 'simulator' && !simulatorKept) setSimulatorKept(true);

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

  useEffect(() => (ready ? preloadWhenIdle([notes, simulator, quiz, review, scenarios], PRELOAD_AFTER_MS) : undefined), [ready]);

  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [area]);

  return (
    <div className="shell">
      <a className="skip" href="#main">본문으로 건너뛰기</a>
      <Nav />
      <main id="main" tabIndex={-1} data-area={area} aria-busy={!ready}>
        <Notices />
        {!ready ? (
          <p className="muted">불러오는 중…</p>
        ) : (
          <>
            {area === 'simulator' ? null : (
              <Suspense fallback={<p className="muted">불러오는 중…</p>}>
                <Screen />
              </Suspense>
            )}
            {simulatorKept ? (
              <div className="area-kept" data-away={area !== 'simulator' || undefined} inert={area !== 'simulator'}>
                <Suspense fallback={<p className="muted">불러오는 중…</p>}>
                  <simulator.Screen />
                </Suspense>
              </div>
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}

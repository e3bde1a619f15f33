import { Suspense, lazy, useEffect, useState, type ComponentType } from 'react';
import { AREAS, useApp, type Area } from './store/app-store';
import { useThemeEffect } from './store/theme';
import { Nav } from './components/Nav';
import { Notices } from './components/Notices';
import { Home } from './areas/Home';
import { Settings } from './areas/Settings';

// Areas not on the first screen load on demand, keeping the first paint light.
const NotesArea = lazy(() => import('./areas/notes/NotesArea'));
const QuizArea = lazy(() => import('./areas/quiz/QuizArea'));
const ReviewArea = lazy(() => import('./areas/review/ReviewArea'));
const SimulatorArea = lazy(() => import('./areas/simulator/SimulatorArea'));
const ScenariosArea = lazy(() => import('./areas/scenarios/ScenariosArea'));

const SCREENS: Record<Area, ComponentType> = {
  home: Home,
  notes: NotesArea,
  simulator: SimulatorArea,
  quiz: QuizArea,
  review: ReviewArea,
  scenarios: ScenariosArea,
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
                  <SimulatorArea />
                </Suspense>
              </div>
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}

import { useState } from 'react';
import { SCENARIOS } from '../../../../content/scenarios';
import { ScenarioList } from './ScenarioList';
import { ScenarioScreen } from './ScenarioScreen';
import { layOutUnseen } from '../../lay-out-unseen';
import '../simulator/simulator.css';
import './scenarios.css';

/** scenarios.css: main's side padding on this screen (1.5rem each side). */
const PADDING_X = 2 * 24;

/** The list the screen opens on, laid out once ahead while the page is idle: its first layout (the titles and
 *  goals shaped in the page's fonts) was 10–16 ms of a first visit, with 100,000 history rows in the page. */
export function warm(): void {
  const main = document.getElementById('main');
  // Already shown (the learner is on this screen): nothing left to get ready.
  if (!main || main.dataset['area'] === 'scenarios') return;
  layOutUnseen(<ScenarioList onOpen={() => undefined} />, { width: main.clientWidth - PADDING_X, wrap: [] });
}

/** The 시나리오 area: the list in suggested order, or one scenario being played. */
export default function ScenariosArea() {
  const [openId, setOpenId] = useState<string | null>(null);
  const def = SCENARIOS.find((s) => s.id === openId);
  return def ? <ScenarioScreen key={def.id} def={def} onBack={() => setOpenId(null)} /> : <ScenarioList onOpen={setOpenId} />;
}

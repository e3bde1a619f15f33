import { useState } from 'react';
import { SCENARIOS } from '../../../../content/scenarios';
import { ScenarioList } from './ScenarioList';
import { ScenarioScreen } from './ScenarioScreen';
import '../simulator/simulator.css';
import './scenarios.css';

/** The 시나리오 area: the list in suggested order, or one scenario being played. */
export default function ScenariosArea() {
  const [openId, setOpenId] = useState<string | null>(null);
  const def = SCENARIOS.find((s) => s.id === openId);
  return def ? <ScenarioScreen key={def.id} def={def} onBack={() => setOpenId(null)} /> : <ScenarioList onOpen={setOpenId} />;
}

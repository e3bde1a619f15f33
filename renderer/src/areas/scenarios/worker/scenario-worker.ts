// The Web Worker that plays a scenario off the UI thread: a simulated week of Insights traffic never freezes a screen.
import { ScenarioHost } from './scenario-host';

const host = new ScenarioHost((m) => self.postMessage(m));
self.onmessage = (e: MessageEvent) => host.receive(e.data);

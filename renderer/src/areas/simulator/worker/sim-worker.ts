// The Web Worker that runs the simulated account off the UI thread (fast-forwarding 91 days never freezes a screen).
import { SimHost } from './sim-host';

const host = new SimHost((m) => self.postMessage(m), {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
});
self.onmessage = (e: MessageEvent) => host.receive(e.data);

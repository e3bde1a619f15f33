import { CHANNEL_KO } from './format';
import { CHANNELS } from './worker/protocol';
import type { UiCallContext } from './worker/protocol';

interface Props {
  identities: { value: string; label: string }[];
  regions: readonly string[];
  ctx: UiCallContext;
  setCtx(next: UiCallContext): void;
}

/** Who calls, to which Region, through which channel: the same three fields wherever the learner acts. */
export function CallerFields({ identities, regions, ctx, setCtx }: Props) {
  return (
    <>
      <label className="sim-field">
        <span>호출자</span>
        <select aria-label="호출자" value={ctx.as} onChange={(e) => setCtx({ ...ctx, as: e.target.value })}>
          {identities.map((i) => (
            <option key={i.value} value={i.value}>{i.label}</option>
          ))}
        </select>
      </label>
      <label className="sim-field">
        <span>리전</span>
        <select aria-label="리전" value={ctx.region} onChange={(e) => setCtx({ ...ctx, region: e.target.value })}>
          {regions.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </label>
      <div className="sim-field">
        <span>채널</span>
        <div className="sim-seg" role="radiogroup" aria-label="채널">
          {CHANNELS.map((c) => (
            <button key={c} role="radio" aria-checked={ctx.via === c} className={ctx.via === c ? 'on' : ''} onClick={() => setCtx({ ...ctx, via: c })}>
              {CHANNEL_KO[c]}
            </button>
          ))}
        </div>
      </div>
    </>
  );
}

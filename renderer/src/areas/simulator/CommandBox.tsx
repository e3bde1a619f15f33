import { useState } from 'react';
import { useSim } from './sim-context';
import { parseCli } from './cli-command';
import { ResultLine } from './ActionForm';
import type { CallOutcome } from './worker/protocol';

/** AWS CLI syntax for the supported actions; runs as the chosen identity through the CLI channel. */
export function CommandBox({ knownApis, onApi }: { knownApis: ReadonlySet<string>; onApi: (api: string) => void }) {
  const { ctx, run } = useSim();
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<CallOutcome | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseCli(line, knownApis);
    if (!parsed.ok) {
      setError(parsed.errorKo);
      return;
    }
    setError(null);
    onApi(parsed.api);
    setLast(await run(parsed.api, parsed.params, { ...ctx, via: 'cli', region: parsed.region ?? ctx.region }));
    requestAnimationFrame(() => document.getElementById('flow-title')?.scrollIntoView({ block: 'start' }));
  };

  return (
    <form className="card sim-cli" onSubmit={(e) => void submit(e)} aria-label="AWS CLI 명령">
      <span className="sim-cli-prompt" aria-hidden="true">$</span>
      <input className="sim-input mono" aria-label="AWS CLI 명령" placeholder="aws s3api put-object --bucket 버킷 --key 키   (CLI 채널, 선택한 호출자로 실행)" value={line} onChange={(e) => setLine(e.target.value)} spellCheck={false} />
      <button className="btn" type="submit">실행</button>
      {error ? <p className="message error sim-cli-msg" role="alert">{error}</p> : last ? <span className="sim-cli-msg"><ResultLine outcome={last} /></span> : null}
    </form>
  );
}

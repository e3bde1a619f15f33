import { useEffect, useState } from 'react';
import { useSim } from '../simulator/sim-context';

/** A delivered log file, read from the scenario's bucket and shown as the JSON CloudTrail wrote. */
export function FileViewer({ file, onClose }: { file: { bucket: string; key: string }; onClose: () => void }) {
  const { client, ctx } = useSim();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setText(null);
    client
      .request({ kind: 'object', bucket: file.bucket, key: file.key, region: ctx.region })
      .then((o) => {
        if (!live) return;
        try {
          setText(o.gzip ? JSON.stringify(JSON.parse(o.text), null, 2) : o.text);
        } catch {
          setText(o.text);
        }
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [client, file, ctx.region]);
  return (
    <div className="card scn-file" role="region" aria-label="로그 파일">
      <div className="row sim-space">
        <code className="sim-key">s3://{file.bucket}/{file.key}</code>
        <button className="btn small" onClick={onClose}>닫기</button>
      </div>
      {error ? <p className="message error">{error}</p> : <pre className="sim-pre">{text ?? '불러오는 중…'}</pre>}
    </div>
  );
}

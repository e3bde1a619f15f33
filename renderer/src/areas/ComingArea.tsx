import { useApp, type Area } from '../store/app-store';
import { AREA_INFO } from './area-info';

/** An area that is not built yet says so plainly and lists what it will hold; it shows no made-up data. */
export function ComingArea({ area }: { area: Area }) {
  const info = AREA_INFO[area];
  const pending = useApp((s) => s.pendingAction);
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title">{info.label}</h1>
      <p className="lead">{info.purpose}</p>
      {area === 'simulator' && pending && (
        <p className="card" role="status">
          노트에서 <code>{pending}</code> 실습을 요청했습니다. 시뮬레이터 화면이 완성되면 이 작업이 바로 준비된 상태로 열립니다.
        </p>
      )}
      <div className="card coming" data-testid="coming">
        <h2>준비 중</h2>
        <p>이 영역은 아직 만들고 있습니다. 완성되면 다음을 할 수 있습니다:</p>
        <ul>
          {info.comingKo?.map((item) => <li key={item}>{item}</li>)}
        </ul>
      </div>
    </section>
  );
}

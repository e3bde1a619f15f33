import { AREAS, useApp } from '../store/app-store';
import { AREA_INFO } from './area-info';

export function Home() {
  const go = useApp((s) => s.go);
  const progress = useApp((s) => s.progress);
  const answered = Object.values(progress.quizStats).reduce((n, s) => n + s.answered, 0);
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">CloudTrail·CloudWatch를 직접 해 보며 배우기</h1>
      <p className="lead">
        Trailwatch는 AWS 계정을 흉내 낸 시뮬레이터와 한국어 노트로 CloudTrail과 CloudWatch를 익히는 학습 앱입니다.
      </p>
      <dl className="stats" aria-label="내 진도">
        <div><dt>읽은 노트</dt><dd>{progress.notesRead.length}</dd></div>
        <div><dt>푼 퀴즈 문제</dt><dd>{answered}</dd></div>
        <div><dt>책갈피</dt><dd>{progress.bookmarks.length}</dd></div>
      </dl>
      <div className="grid">
        {AREAS.filter((a) => a !== 'home').map((a) => (
          <button key={a} className="card area-card" onClick={() => go(a)}>
            <h2>{AREA_INFO[a].label}</h2>
            <p>{AREA_INFO[a].purpose}</p>
          </button>
        ))}
      </div>
    </section>
  );
}

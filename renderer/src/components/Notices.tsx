import { useApp } from '../store/app-store';

/** Messages the learner must see, such as a damaged data file that was kept aside. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((text, i) => (
        <div className="notice" key={i}>
          <p>{text}</p>
          <button className="btn small" onClick={() => dismiss(i)}>
            확인
          </button>
        </div>
      ))}
    </div>
  );
}

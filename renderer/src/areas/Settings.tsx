import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useApp } from '../store/app-store';
import { downloadText, readFileText } from '../platform/files';

const THEMES = [
  { value: 'system', label: '시스템 설정 따르기' },
  { value: 'light', label: '밝게' },
  { value: 'dark', label: '어둡게' },
] as const;

type Message = { kind: 'ok' | 'error'; text: string } | null;

const DAYS = ['일', '월', '화', '수', '목', '금', '토'];
// Monday first, as Korean calendars show the week.
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function Settings() {
  const storage = useApp((s) => s.storage);
  const theme = useApp((s) => s.settings.theme);
  const setTheme = useApp((s) => s.setTheme);
  const settings = useApp((s) => s.settings);
  const saveSettings = useApp((s) => s.saveSettings);
  const platform = document.documentElement.dataset.platform;
  const reload = useApp((s) => s.reloadFromStorage);
  const [location, setLocation] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void storage?.describeLocation().then(setLocation);
  }, [storage]);

  async function onExport() {
    if (!storage) return;
    const text = await storage.exportAll();
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    downloadText(`trailwatch-progress-${day}.json`, text);
    setMessage({ kind: 'ok', text: '학습 데이터를 JSON 파일로 내보냈습니다.' });
  }

  async function onImport(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !storage) return;
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setMessage({ kind: 'error', text: '파일을 읽지 못했습니다. 아무것도 바꾸지 않았습니다.' });
      return;
    }
    const result = await storage.importAll(text);
    if (result.ok) {
      await reload();
      setMessage({ kind: 'ok', text: `"${file.name}"에서 학습 데이터를 가져왔습니다.` });
    } else {
      setMessage({ kind: 'error', text: result.errorKo });
    }
  }

  async function onConfirmReset() {
    dialog.current?.close();
    if (!storage) return;
    await storage.resetAll();
    await reload();
    setMessage({ kind: 'ok', text: '모든 학습 데이터를 초기화했습니다.' });
  }

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">설정</h1>

      <fieldset className="card">
        <legend>테마</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="radio">
            <input type="radio" name="theme" value={t.value} checked={theme === t.value} onChange={() => void setTheme(t.value)} />
            {t.label}
          </label>
        ))}
      </fieldset>

      <fieldset className="card">
        <legend>복습하는 요일</legend>
        {DAY_ORDER.map((d) => (
          <label key={d} className="radio">
            <input
              type="checkbox"
              checked={settings.reviewDays.includes(d)}
              onChange={(e) => void saveSettings({ ...settings, reviewDays: e.target.checked ? [...settings.reviewDays, d] : settings.reviewDays.filter((x) => x !== d) })}
            />
            {DAYS[d]}
          </label>
        ))}
        <p className="muted small full">다음 복습 날짜를 이 요일에 맞춥니다(기본: 토·일).</p>
      </fieldset>

      <div className="card">
        <h2>복습 알림</h2>
        <label className="row">
          복습하는 날 이 시각에 알림:
          <input
            type="time"
            value={settings.reminderTime ?? ''}
            onChange={(e) => void saveSettings({ ...settings, reminderTime: e.target.value || null })}
          />
          {settings.reminderTime && <button className="btn small" onClick={() => void saveSettings({ ...settings, reminderTime: null })}>알림 끄기</button>}
        </label>
        <p className="muted small">
          {platform === 'electron' ? '데스크톱 앱이 켜져 있으면 시스템 알림으로 알려 줍니다.' : '알림은 데스크톱(Electron) 앱에서만 울립니다. 브라우저에서는 설정만 저장됩니다.'}
        </p>
      </div>

      <div className="card">
        <h2>학습 데이터</h2>
        <p className="muted">
          저장 위치: <code data-testid="data-location">{location}</code>
        </p>
        <div className="row">
          <button className="btn" onClick={() => void onExport()}>내보내기 (JSON)</button>
          <button className="btn" onClick={() => fileInput.current?.click()}>가져오기…</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => void onImport(e)} />
          <button className="btn danger" onClick={() => dialog.current?.showModal()}>모든 진도 초기화…</button>
        </div>
        {message && (
          <p className={message.kind === 'ok' ? 'message ok' : 'message error'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>

      <dialog ref={dialog} aria-labelledby="reset-title" className="dialog">
        <h2 id="reset-title">모든 진도를 초기화할까요?</h2>
        <p>읽은 노트, 퀴즈 기록, 복습 일정, 시뮬레이터 샌드박스가 모두 지워집니다. 되돌릴 수 없으니 먼저 내보내기를 권합니다.</p>
        <div className="row end">
          <button className="btn" autoFocus onClick={() => dialog.current?.close()}>취소</button>
          <button className="btn danger" onClick={() => void onConfirmReset()}>초기화</button>
        </div>
      </dialog>
    </section>
  );
}

import { useState } from 'react';
import { InboxPanel } from './InboxPanel';
import { AlarmsPanel } from './AlarmsPanel';
import { MetricsBrowser } from './MetricsBrowser';
import { MetricFilterPanel } from './MetricFilterPanel';
import { RulePanel } from './RulePanel';
import { InsightsPanel } from './InsightsPanel';
import { DashboardPanel } from './DashboardPanel';

type View = 'alarms' | 'metrics' | 'dashboards' | 'filters' | 'rules' | 'insights';
const VIEWS: { id: View; label: string }[] = [
  { id: 'alarms', label: '경보·알림함' },
  { id: 'metrics', label: '지표' },
  { id: 'dashboards', label: '대시보드' },
  { id: 'filters', label: '지표 필터' },
  { id: 'rules', label: 'EventBridge 규칙' },
  { id: 'insights', label: 'CloudTrail Insights' },
];

/** CloudWatch (alarms, metrics, dashboards, metric filters), EventBridge rules, CloudTrail Insights, and the inbox. */
export function WatchPanel() {
  const [view, setView] = useState<View>('alarms');
  return (
    <div className="sim-watch">
      {/* Plain toggle buttons, not tabs: the screen's tabs above stay the only tablist. */}
      <nav className="sim-seg sim-subnav" aria-label="CloudWatch·EventBridge 보기">
        {VIEWS.map((v) => (
          <button key={v.id} className={view === v.id ? 'on' : undefined} aria-pressed={view === v.id} onClick={() => setView(v.id)}>{v.label}</button>
        ))}
      </nav>
      {view === 'alarms' ? (
        <>
          <AlarmsPanel />
          <InboxPanel />
        </>
      ) : view === 'metrics' ? <MetricsBrowser /> : view === 'dashboards' ? <DashboardPanel /> : view === 'filters' ? <MetricFilterPanel /> : view === 'rules' ? <RulePanel /> : <InsightsPanel />}
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectPlatform } from './platform/bridge';
import { useApp } from './store/app-store';
import './styles.css';

const platform = detectPlatform();
document.documentElement.dataset.platform = platform.kind;
void useApp.getState().init(platform.storage);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import type { MenuItemConstructorOptions } from 'electron';

/** The Korean application menu: the usual roles (and so the usual shortcuts), labels in Korean. */
export function menuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{
        label: appName,
        submenu: [
          { role: 'about', label: `${appName} 정보` },
          { type: 'separator' },
          { role: 'hide', label: `${appName} 가리기` },
          { role: 'hideOthers', label: '기타 가리기' },
          { role: 'unhide', label: '모두 보기' },
          { type: 'separator' },
          { role: 'quit', label: `${appName} 종료` },
        ],
      }]
    : [];
  return [
    ...appMenu,
    { label: '파일', submenu: [mac ? { role: 'close', label: '창 닫기' } : { role: 'quit', label: '종료' }] },
    {
      label: '편집',
      submenu: [
        { role: 'undo', label: '실행 취소' },
        { role: 'redo', label: '다시 실행' },
        { type: 'separator' },
        { role: 'cut', label: '잘라내기' },
        { role: 'copy', label: '복사' },
        { role: 'paste', label: '붙여넣기' },
        { role: 'selectAll', label: '모두 선택' },
      ],
    },
    {
      label: '보기',
      submenu: [
        { role: 'reload', label: '새로고침' },
        { role: 'toggleDevTools', label: '개발자 도구' },
        { type: 'separator' },
        { role: 'resetZoom', label: '실제 크기' },
        { role: 'zoomIn', label: '확대' },
        { role: 'zoomOut', label: '축소' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '전체 화면' },
      ],
    },
    { label: '창', submenu: [{ role: 'minimize', label: '최소화' }, { role: 'zoom', label: '확대/축소' }] },
  ];
}

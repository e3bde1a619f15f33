// Installers for Linux (AppImage, deb), Windows (nsis) and macOS (dmg): `npm run dist` on the target OS.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.trailwatch.app',
  productName: 'Trailwatch',
  copyright: 'Copyright © 2026 Trailwatch',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/**/*', 'dist-electron/**/*', 'package.json', '!**/*.map'],
  asar: true,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    synopsis: 'AWS CloudTrail·CloudWatch 학습 시뮬레이터',
    maintainer: 'Trailwatch <dev@trailwatch.local>',
  },
  deb: { depends: ['libnotify4', 'libnss3', 'libxss1', 'libasound2'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, language: '1042' },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
  dmg: { title: 'Trailwatch' },
};

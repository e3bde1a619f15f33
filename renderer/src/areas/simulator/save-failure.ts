// What the learner is told when the sandbox could not be saved. The sandbox in the simulator is untouched either
// way; what differs is why, and so what helps. A sandbox grown past what one save can hold (JavaScript strings
// end at about 537 million characters, and the packed save is one: about 111 days of the benchmark's busy 90-day
// mix, extrapolated from 10; it was 12 days before session 12) fails with the engine's own RangeError, which is
// not a full disk.

/** The engine's messages for a string or buffer past its limit (V8: Chromium, Electron). */
const TOO_LARGE = /Invalid string length|Array buffer allocation failed|Invalid typed array length|out of memory/i;

export function saveFailureKo(e: Error): string {
  if (TOO_LARGE.test(e.message)) {
    return `샌드박스가 너무 커서 한 번에 저장할 수 있는 크기를 넘었습니다(${e.message}). 지금 샌드박스는 그대로 쓸 수 있지만, 이 상태는 저장되지 않아 앱을 다시 열면 마지막으로 저장된 상태로 돌아갑니다. 보관할 내용은 지금 화면에서 확인하고, "새 샌드박스"로 작게 다시 시작하세요.`;
  }
  return `샌드박스를 저장하지 못했습니다(${e.message}). 저장 공간이 부족할 수 있습니다. 지금 샌드박스는 그대로이며, "새 샌드박스"로 크기를 줄일 수 있습니다.`;
}

import { useEffect } from 'react';

const ACTIVITY_EVENTS = [
  'mousemove',
  'mousedown',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

/**
 * Calls `lock` once the person has not used the mouse or keyboard for `minutes`. Checked
 * every few seconds and whenever the window becomes visible again (timers are slowed down in
 * a hidden window, so the check on return is the one that counts).
 */
export function useAutoLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    let lastActivity = Date.now();
    let locked = false;
    const markActivity = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      if (locked || Date.now() - lastActivity < minutes * 60_000) return;
      locked = true;
      lock();
    };
    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, markActivity, options);
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, 5_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, markActivity, options);
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}

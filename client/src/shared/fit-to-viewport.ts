import { useLayoutEffect } from 'preact/hooks';

const STEP = 0.93;

/**
 * Sizes the text of `selector` (through its `--fit` custom property): it
 * starts at `maxScale` and shrinks until the page no longer scrolls, down to
 * `minScale`. A long question or long options still fit the projector, or
 * keep every option of a phone above the fold, instead of pushing the buttons
 * off the screen; a short reveal or a leaderboard of five grows to be read
 * from the back of the room instead of leaving half the projector empty.
 * Runs again whenever `key` changes (a new screen) and when the window is
 * resized.
 */
export function useFitToViewport(selector: string, key: string, minScale: number, maxScale = 1): void {
  useLayoutEffect(() => {
    const fit = () => {
      const root = document.querySelector<HTMLElement>(selector);
      if (!root) return;
      let scale = maxScale;
      root.style.setProperty('--fit', scale.toFixed(3));
      const overflows = () => document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth;
      while (overflows() && scale * STEP >= minScale) {
        scale *= STEP;
        root.style.setProperty('--fit', scale.toFixed(3));
      }
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [selector, key, minScale, maxScale]);
}

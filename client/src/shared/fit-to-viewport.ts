import { useLayoutEffect } from 'preact/hooks';

const STEP = 0.93;

/**
 * Shrinks the text of `selector` (through its `--fit` custom property) until
 * the page no longer scrolls, down to `minScale`: a long question or long
 * options still fit the projector, or keep every option of a phone above the
 * fold, instead of pushing the buttons off the screen. Runs again whenever
 * `key` changes (a new screen) and when the window is resized.
 */
export function useFitToViewport(selector: string, key: string, minScale: number): void {
  useLayoutEffect(() => {
    const fit = () => {
      const root = document.querySelector<HTMLElement>(selector);
      if (!root) return;
      let scale = 1;
      root.style.setProperty('--fit', '1');
      while (document.documentElement.scrollHeight > window.innerHeight && scale * STEP >= minScale) {
        scale *= STEP;
        root.style.setProperty('--fit', scale.toFixed(3));
      }
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [selector, key, minScale]);
}

// When a canvas must be drawn again although its data did not change: the colour scheme switched (its
// colours are the stylesheet's custom properties) or the pixel ratio did (zoom, or the window moved to
// another screen), so the backing store is re-sized and re-drawn sharp.
import { useEffect, useState } from 'react';

export interface CanvasEnvironment {
  ratio: number;
  /** Changes whenever the colours may have changed. */
  scheme: number;
}

const currentRatio = (): number => (typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);

export function useCanvasEnvironment(): CanvasEnvironment {
  const [env, setEnv] = useState<CanvasEnvironment>(() => ({ ratio: currentRatio(), scheme: 0 }));
  useEffect(() => {
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const contrast = matchMedia('(forced-colors: active)');
    const onScheme = () => setEnv((e) => ({ ...e, scheme: e.scheme + 1 }));
    // A resolution query matches one ratio: re-armed at each change. Resizing the window catches zoom too.
    let resolution = matchMedia(`(resolution: ${currentRatio()}dppx)`);
    const onRatio = () => {
      resolution.removeEventListener('change', onRatio);
      resolution = matchMedia(`(resolution: ${currentRatio()}dppx)`);
      resolution.addEventListener('change', onRatio);
      setEnv((e) => (e.ratio === currentRatio() ? e : { ...e, ratio: currentRatio() }));
    };
    dark.addEventListener('change', onScheme);
    contrast.addEventListener('change', onScheme);
    resolution.addEventListener('change', onRatio);
    addEventListener('resize', onRatio);
    return () => {
      dark.removeEventListener('change', onScheme);
      contrast.removeEventListener('change', onScheme);
      resolution.removeEventListener('change', onRatio);
      removeEventListener('resize', onRatio);
    };
  }, []);
  return env;
}

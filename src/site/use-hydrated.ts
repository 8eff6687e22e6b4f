import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False in the server-rendered HTML and during hydration, true afterwards: for controls that need JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A widget's current parameter table and values, for the charts inside it: a loss chart labels a pinned
 * run by the settings that differ from the current run's. One store per widget instance, provided around the
 * widget's component by its registration (`defineWidget`) and written by `useWidgetParams`, so no widget
 * passes its settings to its charts by hand.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ParamSpec, Params } from './params';

export interface RunSettings {
  specs: readonly ParamSpec[];
  values: Params;
}

export interface RunSettingsStore {
  get: () => RunSettings | null;
  set: (settings: RunSettings) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createRunSettingsStore(): RunSettingsStore {
  let current: RunSettings | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(settings) {
      if (current && current.specs === settings.specs && current.values === settings.values) return;
      current = settings;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const RunSettingsContext = createContext<RunSettingsStore | null>(null);

const NONE = { get: () => null, subscribe: () => () => {} };

/** The enclosing widget's settings (null outside a widget); re-renders the caller when they change. */
export function useRunSettings(): RunSettings | null {
  const store = useContext(RunSettingsContext) ?? NONE;
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * A widget's parameter values: table defaults, overridden by the directive's attributes, overridden by the
 * page URL (a shared link). Invalid URL values are ignored and reported as notices.
 */
import { useCallback, useState } from 'react';
import { defaults, readUrlParams, writeUrlParams, type ParamSpec, type ParamValues } from '../../state/params';

export function useWidgetParams(id: string, specs: readonly ParamSpec[], initial: ParamValues, extraKeys: readonly string[] = []) {
  // The URL is read once, when the widget mounts.
  const [start] = useState(() => readUrlParams(id, specs, window.location.search, { ...defaults(specs), ...initial }, extraKeys));
  const [values, setValues] = useState<ParamValues>(start.values);
  const [notices, setNotices] = useState(start.notices);

  const update = useCallback(
    (changes: ParamValues) => {
      setValues((current) => {
        const next = { ...current, ...changes };
        window.history.replaceState(window.history.state, '', writeUrlParams(id, next, window.location.href, false, extraKeys));
        return next;
      });
    },
    [id, extraKeys],
  );

  const shareUrl = useCallback(() => writeUrlParams(id, values, window.location.href, true, extraKeys), [id, values, extraKeys]);
  const dismissNotices = useCallback(() => setNotices([]), []);
  return { values, update, shareUrl, notices, dismissNotices };
}

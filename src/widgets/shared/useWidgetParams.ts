/**
 * A widget's parameter values: table defaults, overridden by the directive's attributes, overridden by the
 * page URL (a shared link, older forms included). Invalid URL values are ignored and reported as notices.
 * The values are typed by the table; changes come from the table's own controls (or the widget's code).
 */
import { useCallback, useContext, useEffect, useLayoutEffect, useState } from 'react';
import { PublishLinkContext } from '../present/context';
import { defaults, readUrlParams, writeUrlParams, type ParamSpec, type Params, type ParamsOf } from '../../state/params';
import { RunSettingsContext } from '../../state/run-settings';

export function useWidgetParams<const Specs extends readonly ParamSpec[]>(
  id: string,
  specs: Specs,
  initial: Params,
  extraKeys: readonly string[] = [],
) {
  // The URL is read once, when the widget mounts. Every key is there (the table's defaults at least) and every
  // value that replaced a default was checked against its spec: the values have the table's types.
  const [start] = useState(() => readUrlParams(id, specs, window.location.search, { ...defaults(specs), ...initial }, extraKeys));
  const [values, setValues] = useState(start.values as ParamsOf<Specs>);
  const [notices, setNotices] = useState(start.notices);

  const update = useCallback(
    (changes: Params) => {
      setValues((current) => {
        const next = { ...current, ...changes } as ParamsOf<Specs>;
        window.history.replaceState(window.history.state, '', writeUrlParams(id, next, window.location.href, false, extraKeys));
        return next;
      });
    },
    [id, extraKeys],
  );

  // The widget's charts read its settings from here (a pinned run is named by the settings that differ).
  const settings = useContext(RunSettingsContext);
  useLayoutEffect(() => settings?.set({ specs, values }), [settings, specs, values]);

  const shareUrl = useCallback(() => writeUrlParams(id, values, window.location.href, true, extraKeys), [id, values, extraKeys]);
  // The slot's present mode shows this same link as a QR code, kept current as the values change.
  const publishLink = useContext(PublishLinkContext);
  useEffect(() => publishLink?.(shareUrl), [publishLink, shareUrl]);
  const dismissNotices = useCallback(() => setNotices([]), []);
  return { values, update, shareUrl, notices, dismissNotices };
}

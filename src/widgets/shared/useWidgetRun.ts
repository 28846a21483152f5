/**
 * What every training widget wires the same way: its parameters (defaults ← directive ← URL), a worker
 * started when the widget nears the screen, pausing off screen, and parameter changes applied live or by a
 * reset. The widget adds its own views; `shell` is spread onto WidgetShell and `controls` onto RunControls.
 */
import { useRef } from 'react';
import type { InfoOf, ModelContract, ModelData } from '../../ml/shared/contract';
import type { Params } from '../../state/params';
import type { TrainedWidgetId } from '../catalog';
import { useNearViewport } from './useNearViewport';
import { useOffscreenPause } from './useOffscreenPause';
import type { PainterLink } from './painter-channel';
import { useParamChange } from './useParamChange';
import { useTrainer } from './useTrainer';
import { useWidgetParams } from './useWidgetParams';

export function useWidgetRun<C extends ModelContract<TrainedWidgetId>>(
  contract: C,
  id: string,
  initial: Params,
  options: {
    extraKeys?: readonly string[];
    data?: ModelData;
    minFrameMs?: number;
    painter?: PainterLink | null;
    /** False holds the worker back (the widget is still loading its data); the default is true. */
    ready?: boolean;
  } = {},
) {
  const { id: name, params: specs } = contract;
  const params = useWidgetParams<C['params']>(id, specs, initial, options.extraKeys);
  const { values, update } = params;
  const root = useRef<HTMLDivElement>(null);
  const near = useNearViewport(root);
  const trainer = useTrainer<InfoOf<C>>(name, values, near && (options.ready ?? true), options.data, options.minFrameMs, options.painter);
  const { view } = trainer;
  const running = view.status === 'running';
  const pausedOffscreen = useOffscreenPause(root, running, trainer.pause, trainer.play);
  const change = useParamChange(specs, values, update, trainer);
  return {
    values,
    update,
    shareUrl: params.shareUrl,
    trainer,
    /** Whether the widget is near the screen (a widget that loads data starts loading then). */
    near,
    view,
    change,
    shell: {
      ref: root,
      name,
      id,
      view,
      budgetUsed: trainer.budgetUsed,
      pausedOffscreen,
      notices: params.notices,
      onDismissNotices: params.dismissNotices,
    },
    controls: {
      running,
      canRun: trainer.canRun,
      onPlay: trainer.play,
      onPause: trainer.pause,
      onStep: trainer.step,
      onReset: () => trainer.reset(values),
    },
  };
}

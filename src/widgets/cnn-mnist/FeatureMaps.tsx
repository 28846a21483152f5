import { memo } from 'react';
import type { CnnShape } from '../../ml/cnn-mnist/architecture';
import { channelOf } from '../../ml/cnn-mnist/channels';
import type { CnnActivations, FeatureMap } from '../../ml/cnn-mnist/forward';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import type { CnnViewStrings } from './view-strings';

const LAYERS = ['conv1', 'pool1', 'conv2', 'pool2'] as const;
export type MapLayer = (typeof LAYERS)[number];

function largest(map: FeatureMap): number {
  let max = 1e-6;
  for (const v of map.values) max = Math.max(max, v);
  return max;
}

/**
 * Every layer's feature maps for one digit, each layer on its own grey scale (0 to its largest value). A map of
 * the second convolution is a button: it picks the channel whose arithmetic is written out below.
 */
export const FeatureMaps = memo(function FeatureMaps({
  shape,
  acts,
  channel,
  onChannel,
  s,
}: {
  shape: CnnShape;
  acts: CnnActivations;
  channel: number;
  onChannel: (k: number) => void;
  s: CnnViewStrings;
}) {
  return (
    <figure className="panel cnn-feature-maps" data-figure="feature-maps">
      <figcaption>{s.mapsCaption}</figcaption>
      {LAYERS.map((name) => {
        const map = acts[name];
        const scale = largest(map);
        const size = Math.max(22, Math.min(56, map.side * 2));
        return (
          <div key={name} className="cnn-layer" data-layer={name}>
            <p className="cnn-row-label">{s.layerLine(name, map.side, map.channels, shape.kernel)}</p>
            <div className="cnn-map-row">
              {Array.from({ length: map.channels }, (_, k) => {
                const image = (
                  <ValueGridCanvas
                    pixels={channelOf(map, k)}
                    width={map.side}
                    height={map.side}
                    size={size}
                    scale={scale}
                    label={s.mapLabel(name, k)}
                  />
                );
                return name === 'conv2' ? (
                  <button
                    key={k}
                    type="button"
                    className={`cnn-map-button${k === channel ? ' selected' : ''}`}
                    aria-pressed={k === channel}
                    onClick={() => onChannel(k)}
                  >
                    {image}
                  </button>
                ) : (
                  <span key={k}>{image}</span>
                );
              })}
            </div>
          </div>
        );
      })}
    </figure>
  );
});

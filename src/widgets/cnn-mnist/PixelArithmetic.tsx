import { memo } from 'react';
import { paddingOf, slotValues, type CnnShape, type StateLayout } from '../../ml/cnn-mnist/architecture';
import { absMax } from '../../ml/cnn-mnist/channels';
import { pixelArithmetic, type CnnActivations } from '../../ml/cnn-mnist/forward';
import { formatNumber } from '../../controls/format';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import type { CnnViewStrings } from './view-strings';

const f = (v: number) => formatNumber(v, 3);

function Coordinate({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (v: number) => void }) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={0}
        max={max}
        value={value}
        onChange={(event) => onChange(Math.max(0, Math.min(max, Math.round(Number(event.target.value)) || 0)))}
      />
    </label>
  );
}

/** One channel's products written out, input · weight, in the kernel's layout. */
function Products({
  patch,
  kernel,
  size,
  sum,
  s,
}: {
  patch: Float32Array;
  kernel: Float32Array;
  size: number;
  sum: number;
  s: CnnViewStrings;
}) {
  return (
    <details>
      <summary>{s.productsSummary}</summary>
      <table className="compare-table cnn-products">
        <tbody>
          {Array.from({ length: size }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: size }, (_, j) => (
                <td key={j}>
                  {f(patch[i * size + j])}·{f(kernel[i * size + j])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{s.firstChannelSum(f(sum))}</p>
    </details>
  );
}

/**
 * One output pixel of the second convolution written out: for each input channel the F × F patch of the
 * pooled maps and the kernel slice that multiplies it, their products summed, then the sum over channels plus
 * the bias, then ReLU. The first channel's products are listed one by one.
 */
export const PixelArithmetic = memo(function PixelArithmetic({
  shape,
  layout,
  state,
  acts,
  channel,
  pixel,
  onPixel,
  s,
}: {
  shape: CnnShape;
  layout: StateLayout;
  state: Float32Array;
  acts: CnnActivations;
  channel: number;
  pixel: { y: number; x: number };
  onPixel: (pixel: { y: number; x: number }) => void;
  s: CnnViewStrings;
}) {
  const [, , kernel, bias] = layout.cnn.map((slot) => slotValues(state, slot));
  const F = shape.kernel;
  const side = acts.conv2.side;
  const y = Math.min(pixel.y, side - 1);
  const x = Math.min(pixel.x, side - 1);
  const a = pixelArithmetic(acts.pool1, kernel, bias, F, paddingOf(F, shape.padding), shape.filters2, y, x, channel);
  const kernelScale = absMax(kernel);
  const first = a.channels[0];
  return (
    <figure className="panel cnn-arithmetic" data-figure="arithmetic" data-output={a.output}>
      <figcaption>{s.arithmeticCaption(channel + 1, y, x, F, shape.filters1)}</figcaption>
      <div className="cnn-pixel-picker">
        <Coordinate label={s.row} value={y} max={side - 1} onChange={(v) => onPixel({ y: v, x })} />
        <Coordinate label={s.column} value={x} max={side - 1} onChange={(v) => onPixel({ y, x: v })} />
      </div>
      <div className="cnn-map-row">
        {a.channels.map((c, i) => (
          <div key={i} className="cnn-channel-term">
            <ValueGridCanvas pixels={c.patch} width={F} height={F} size={40} scale={1} label={s.patchLabel(i + 1)} />
            <span aria-hidden="true">×</span>
            <ValueGridCanvas
              pixels={c.kernel}
              width={F}
              height={F}
              size={40}
              diverging
              scale={kernelScale}
              label={s.kernelLabel(i + 1, channel + 1)}
            />
            <span className="cnn-term-sum">Σ = {f(c.sum)}</span>
          </div>
        ))}
      </div>
      <Products patch={first.patch} kernel={first.kernel} size={F} sum={first.sum} s={s} />
      <p className="cnn-equation" data-equation>
        z = {a.channels.map((c) => f(c.sum)).join(' + ')} + b ({f(a.bias)}) = <strong>{f(a.preActivation)}</strong>; ReLU(z) ={' '}
        <strong>{f(a.output)}</strong>
      </p>
    </figure>
  );
});

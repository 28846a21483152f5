import { memo } from 'react';
import type { LayerRow } from '../../ml/cnn-mnist/architecture';
import { totalParams } from '../../ml/cnn-mnist/architecture';
import type { CnnMnistInfo } from '../../ml/cnn-mnist/contract';
import { countText } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import type { CnnRunStrings } from './run-strings';

function shapeText(shape: number[]): string {
  return shape.join(' × ');
}

/** How the count is made: F·F·C_in·C_out + C_out for a convolution, inputs·units + units for a dense layer. */
function formula(layer: LayerRow, previous: LayerRow | undefined, kernel: number): string {
  if (!layer.params || !previous) return '';
  const outputs = layer.shape[layer.shape.length - 1];
  const inputs = previous.shape.length === 3 && layer.kind === 'conv' ? previous.shape[2] : previous.shape.reduce((a, b) => a * b, 1);
  return layer.kind === 'conv' ? `${kernel}·${kernel}·${inputs}·${outputs} + ${outputs}` : `${inputs}·${outputs} + ${outputs}`;
}

function Rows({ layers, kernel, s }: { layers: LayerRow[]; kernel: number; s: CnnRunStrings }) {
  const lang = useLang();
  return (
    <>
      {layers.map((layer, i) => (
        <tr key={layer.name} data-layer={layer.name}>
          <th scope="row">{s.layerNames[layer.name]}</th>
          <td>{shapeText(layer.shape)}</td>
          <td className="cnn-formula">{formula(layer, layers[i - 1], kernel)}</td>
          <td className="num">{layer.params ? countText(layer.params, lang) : '—'}</td>
        </tr>
      ))}
      <tr className="cnn-total">
        <th scope="row">{s.total}</th>
        <td />
        <td />
        <td className="num" data-total-params>
          {countText(totalParams(layers), lang)}
        </td>
      </tr>
    </>
  );
}

/** Every layer's output shape and parameter count, for the CNN and the dense network beside it. */
export const ArchitectureTable = memo(function ArchitectureTable({ info, s }: { info: CnnMnistInfo; s: CnnRunStrings }) {
  const head = (
    <thead>
      <tr>
        <th scope="col">{s.layer}</th>
        <th scope="col">{s.output}</th>
        <th scope="col" />
        <th scope="col">{s.params}</th>
      </tr>
    </thead>
  );
  return (
    <div className="panel cnn-architecture">
      <table className="data-table" data-network="cnn">
        <caption>{s.architecture}</caption>
        {head}
        <tbody>
          <Rows layers={info.layers} kernel={info.cnn.kernel} s={s} />
        </tbody>
      </table>
      {info.dense && (
        <table className="data-table" data-network="dense">
          <caption>{s.denseCaption(info.dense.hidden)}</caption>
          {head}
          <tbody>
            <Rows layers={info.dense.layers} kernel={info.cnn.kernel} s={s} />
          </tbody>
        </table>
      )}
    </div>
  );
});

import { memo } from 'react';
import type { SampleReply } from '../../ml/language-model/contract';
import type { TinyGptStrings } from './strings';

/**
 * The last token's attention, one row per layer and head: the context's characters, each shaded by the weight
 * that head gives it. Text, not a canvas: the characters stay readable and searchable, and each cell says its
 * weight to a screen reader.
 */
export const LastTokenAttention = memo(function LastTokenAttention({
  sample,
  layers,
  heads,
  s,
}: {
  sample: SampleReply;
  layers: number;
  heads: number;
  s: TinyGptStrings;
}) {
  const { context, attention } = sample;
  // The character the model wrote from this context: the sample's last.
  const next = [...sample.text].at(-1) ?? '';
  const T = context.length;
  if (T === 0 || attention.length !== layers * heads * T) return null;
  const shown = (c: string) => (c === '\n' ? '↵' : c === ' ' ? '␣' : c);
  return (
    <div className="panel gpt-attention" data-attention-rows={layers * heads} data-context={T}>
      <h4>{s.attentionTitle}</h4>
      <p className="cnn-credit">{s.attentionCaption(shown(next))}</p>
      <table className="gpt-attention-table">
        <tbody>
          {Array.from({ length: layers * heads }, (_, row) => {
            const weights = attention.subarray(row * T, (row + 1) * T);
            const max = Math.max(...weights);
            return (
              <tr key={row}>
                <th scope="row">{s.headLabel(Math.floor(row / heads) + 1, (row % heads) + 1)}</th>
                <td>
                  <span className="gpt-attention-text">
                    {context.map((c, i) => (
                      <span
                        key={i}
                        className="gpt-attention-cell"
                        style={{ '--weight': max > 0 ? weights[i] / max : 0 } as React.CSSProperties}
                        title={s.weightLabel(c === '\n' ? s.newline : c, weights[i].toFixed(3))}
                        aria-label={s.weightLabel(c === '\n' ? s.newline : c, weights[i].toFixed(3))}
                      >
                        {shown(c)}
                      </span>
                    ))}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

import { tokenName } from '../../ml/sequence/task';
import type { SequenceInfo } from '../../ml/sequence/contract';
import type { SequenceStrings } from './strings';

/** The held-out sequence the pictures below are drawn for, one token per cell, the letter to recall marked. */
export function ExampleSequence({ info, s }: { info: SequenceInfo; s: SequenceStrings }) {
  const text = info.example.map((id) => tokenName(id, info.symbols));
  return (
    <p className="sequence-example" data-example={text.join('')}>
      <span className="sequence-example-label">{s.example}</span>{' '}
      {text.map((token, t) => (
        <span key={t} className={t === 0 ? 'sequence-token sequence-token-target' : 'sequence-token'}>
          {token}
        </span>
      ))}
    </p>
  );
}

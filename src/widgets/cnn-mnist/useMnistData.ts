/** MNIST's digits for the widget: the test set and `shards` training shards, packed as the worker takes them. */
import { packDigits } from '../../ml/cnn-mnist/data';
import type { MnistSet } from '../../ml/mnist/format';
import { useDataLoad, type DataLoad } from '../shared/useDataLoad';
import { loadMnist } from './load-mnist';

export interface LoadedDigits {
  shards: number;
  /** What the worker receives with init and reset. */
  packed: Uint8Array;
  train: MnistSet;
  test: MnistSet;
}

export type MnistLoad = DataLoad<LoadedDigits>;

export function useMnistData(shards: number, enabled: boolean, onLoaded: (data: LoadedDigits) => void): MnistLoad {
  return useDataLoad(
    String(shards),
    enabled,
    async ({ signal, onProgress }) => {
      const { train, test } = await loadMnist({ shards, signal, onProgress });
      return { shards, packed: packDigits(train, test), train, test };
    },
    onLoaded,
  );
}

import { useMemo } from 'react';
import { decisionValues, featureMatrix, gridFeatures, supportVectors } from '../../ml/svm/math';
import { traceIndex } from '../../ml/shared/contract';
import { SVM, type SvmInfo } from '../../ml/svm/contract';

/** The shaded grid: its features are computed once per model, then each frame costs one product with w. */
const GRID = 80;
const BIAS = traceIndex(SVM, 'b');
/** The weights w₁ … w_d follow the contract's named values. */
const WEIGHTS = SVM.trace.length;

/**
 * The latest weights and bias, the decision function over the grid and the support vectors they make. `at` is
 * where the latest step's record starts in `traces`.
 */
export function useDecisionFunction(info: SvmInfo | null, traces: number[], width: number, at: number, step: number) {
  const d = info?.features.dimension ?? 0;
  const weights = width ? traces.slice(at + WEIGHTS, at + WEIGHTS + d) : [];
  const bias = width ? traces[at + BIAS] : 0;
  const version = `${step}:${at}`;

  const pointFeatures = useMemo(() => (info ? featureMatrix(info.features, info.points) : null), [info]);
  const cellFeatures = useMemo(() => (info ? gridFeatures(info.features, GRID, GRID) : null), [info]);
  const { grid, circled } = useMemo(() => {
    if (!info || !pointFeatures || !cellFeatures || weights.length !== d) return { grid: null, circled: undefined };
    return {
      grid: { values: decisionValues(cellFeatures, d, weights, bias), cols: GRID, rows: GRID },
      circled: supportVectors(decisionValues(pointFeatures, d, weights, bias), info.points.label),
    };
    // `version` stands for the weights, which change with every step.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for weights, bias and d
  }, [version, info, pointFeatures, cellFeatures]);
  const svCount = circled ? circled.reduce((sum, v) => sum + v, 0) : 0;
  return { weights, bias, grid, circled, svCount };
}

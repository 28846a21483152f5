/**
 * Parameter tables of every widget, by directive name. Pure data: the Markdown build step and the tests
 * import it without React.
 */
import type { ParamSpec } from '../state/params.ts';
import { LINEAR_REGRESSION_PARAMS } from './linear-regression/params.ts';

export const WIDGET_SPECS: Record<string, readonly ParamSpec[]> = {
  'linear-regression': LINEAR_REGRESSION_PARAMS,
};

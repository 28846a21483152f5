/**
 * What a page-only widget (catalog.ts, `PAGE_ONLY`) wires: its parameters, defaults ← directive ← URL with
 * notices for ignored link values, changes written back to the URL, and the props of PageWidgetShell. No
 * worker is started. Values are typed by the contract's table.
 */
import type { ModelContract } from '../../ml/shared/contract';
import type { Params } from '../../state/params';
import type { PageOnlyWidgetId } from '../catalog';
import { useWidgetParams } from './useWidgetParams';

export function usePageWidget<C extends ModelContract<PageOnlyWidgetId, never, readonly []>>(contract: C, id: string, initial: Params) {
  const params = useWidgetParams<C['params']>(id, contract.params, initial);
  return {
    values: params.values,
    /** Sets values and rewrites the link in place. */
    update: params.update,
    shareUrl: params.shareUrl,
    shell: { name: contract.id, id, notices: params.notices, onDismissNotices: params.dismissNotices },
  };
}

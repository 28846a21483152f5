/**
 * The ROC chart is now a Recharts chart (RocChart.tsx). This name stays so the metrics widget's import is
 * unchanged while the widgets are being restructured elsewhere; rename the import at the next edit of the widget.
 */
export { RocChart as RocCanvas } from './RocChart';

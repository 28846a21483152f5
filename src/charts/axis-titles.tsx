/** The two axis titles of a Recharts chart drawn as SVG text: under the plot, and turned up the left side. */
import { CHART_TEXT } from './recharts-style';

export function axisTitles(
  box: { left: number; right: number; top: number; bottom: number },
  height: number,
  axes: { x: string; y: string },
) {
  return [
    <text key="x-title" x={(box.left + box.right) / 2} y={height - 2} textAnchor="middle" {...CHART_TEXT}>
      {axes.x}
    </text>,
    <text
      key="y-title"
      transform={`translate(11 ${(box.top + box.bottom) / 2}) rotate(-90)`}
      textAnchor="middle"
      dominantBaseline="middle"
      {...CHART_TEXT}
    >
      {axes.y}
    </text>,
  ];
}

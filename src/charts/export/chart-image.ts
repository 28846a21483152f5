/**
 * A chart as a PNG image at twice its size on screen, on the theme's background, with its title above and its
 * legend below: a Recharts chart from its SVG (whose colours are CSS variables, so every element's computed
 * colours and font are written into a copy first), a canvas chart from its pixels.
 */

export interface ImageLegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}

export interface ImageExtras {
  title: string;
  legend?: readonly ImageLegendItem[];
}

const SCALE = 2;
const PAD = 8;
const TITLE_HEIGHT = 22;
const LEGEND_ROW = 18;
const SWATCH = 22;

/** Styles a chart's SVG takes from CSS, written onto each element of the copy. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
];

export async function svgPng(svg: SVGSVGElement, extras: ImageExtras): Promise<Blob> {
  const width = svg.width.baseVal.value || svg.clientWidth;
  const height = svg.height.baseVal.value || svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const to = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  from.forEach((element, i) => {
    const style = getComputedStyle(element);
    for (const name of INLINED) to[i].style.setProperty(name, style.getPropertyValue(name));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width * SCALE));
  copy.setAttribute('height', String(height * SCALE));
  // A blob: URL, not data: — the Content-Security-Policy (public/_headers) allows blob: images and no data:.
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return await compose(svg, image, width, height, extras);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasPng(canvas: HTMLCanvasElement, extras: ImageExtras): Promise<Blob> {
  return compose(canvas, canvas, canvas.clientWidth, canvas.clientHeight, extras);
}

function compose(element: Element, source: CanvasImageSource, width: number, height: number, extras: ImageExtras): Promise<Blob> {
  // Custom properties inherit: the chart's own computed style has the theme's (and its widget's) colours.
  const style = getComputedStyle(element);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const font = style.fontFamily || 'sans-serif';
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2d context'));
  ctx.font = `12px ${font}`;
  const rows = legendRows(ctx, extras.legend ?? [], width);
  const top = extras.title ? TITLE_HEIGHT : PAD;
  const total = top + height + (rows.length ? PAD + rows.length * LEGEND_ROW : 0) + PAD;
  canvas.width = Math.round((width + 2 * PAD) * SCALE);
  canvas.height = Math.round(total * SCALE);
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = color('--bg', '#ffffff');
  ctx.fillRect(0, 0, width + 2 * PAD, total);
  ctx.textBaseline = 'middle';
  if (extras.title) {
    ctx.fillStyle = color('--text', '#111111');
    ctx.font = `600 13px ${font}`;
    ctx.fillText(extras.title, PAD, TITLE_HEIGHT / 2 + 2, width);
  }
  ctx.drawImage(source, PAD, top, width, height);
  ctx.font = `12px ${font}`;
  rows.forEach((row, r) => {
    const y = top + height + PAD + r * LEGEND_ROW + LEGEND_ROW / 2;
    for (const { item, x } of row) {
      ctx.strokeStyle = resolveColor(item.color, color);
      ctx.lineWidth = item.dashed ? 2 : 3;
      ctx.setLineDash(item.dashed ? [5, 3] : []);
      ctx.beginPath();
      ctx.moveTo(PAD + x, y);
      ctx.lineTo(PAD + x + SWATCH - 6, y);
      ctx.stroke();
      ctx.fillStyle = color('--text', '#111111');
      ctx.fillText(item.label, PAD + x + SWATCH, y);
    }
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'),
  );
}

/** A series colour as canvas takes it: `var(--name)` (or `var(--name, fallback)`) looked up. */
export function resolveColor(value: string, lookup: (name: string, fallback: string) => string): string {
  const match = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(value.trim());
  return match ? lookup(match[1], match[2]?.trim() ?? '#888888') : value;
}

/** The legend's items laid out left to right, wrapping at the image's width. */
function legendRows(ctx: CanvasRenderingContext2D, items: readonly ImageLegendItem[], width: number) {
  const rows: { item: ImageLegendItem; x: number }[][] = [];
  let x = 0;
  for (const item of items) {
    const w = SWATCH + ctx.measureText(item.label).width + 14;
    if (rows.length === 0 || (x > 0 && x + w > width)) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push({ item, x });
    x += w;
  }
  return rows;
}

/** The items of the first legend after `element` inside `container`, with their marks' computed colours. */
export function legendAfter(element: Element, container: Element | null): ImageLegendItem[] {
  const legend = [...(container?.querySelectorAll('.chart-legend') ?? [])].find(
    (l) => element.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (!legend) return [];
  return [...legend.querySelectorAll('li')].map((li) => {
    const mark = li.querySelector('.legend-mark');
    return {
      label: li.textContent?.trim() ?? '',
      color: mark ? getComputedStyle(mark).color : 'currentColor',
      dashed: mark?.classList.contains('legend-dashed') ?? false,
    };
  });
}

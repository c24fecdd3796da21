import type { Lane } from '../../core/run/config';
import { laneColour, laneLabel } from '../lanes/laneStyle';

/**
 * "Export PNG": every chart shown on the page ([data-export-chart] panels) drawn onto one canvas, with a
 * title per chart and the lane legend. Each chart's SVG is cloned with its computed styles inlined
 * (CSS variables do not reach a standalone SVG image), loaded as an image from a blob: URL (allowed
 * by the page's img-src) and drawn; the canvas is then encoded with toBlob.
 */

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'visibility',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

async function svgImage(svg: SVGSVGElement): Promise<{ img: HTMLImageElement; width: number; height: number }> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { img, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

const cssVar = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

export async function chartsPng(root: ParentNode, lanes: Lane[], scale = 2): Promise<Blob> {
  const panels = [...root.querySelectorAll<HTMLElement>('[data-export-chart]')];
  const charts: { title: string; img: HTMLImageElement; width: number; height: number }[] = [];
  for (const panel of panels) {
    const svg = panel.querySelector<SVGSVGElement>('svg.recharts-surface');
    // A chart in a tab that is not shown has no size to draw.
    if (svg && svg.getBoundingClientRect().width > 0) charts.push({ title: panel.dataset.exportChart ?? '', ...(await svgImage(svg)) });
  }
  if (charts.length === 0) throw new Error('No chart to export yet: run a few steps first.');
  const pad = 16;
  const titleH = 26;
  const legendH = 28;
  const width = Math.max(...charts.map((c) => c.width)) + 2 * pad;
  const height = legendH + charts.reduce((h, c) => h + titleH + c.height + pad, pad);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  ctx.scale(scale, scale);
  ctx.fillStyle = cssVar('--panel', '#ffffff');
  ctx.fillRect(0, 0, width, height);
  const text = cssVar('--text', '#1b2030');
  ctx.font = '13px system-ui, sans-serif';
  let x = pad;
  lanes.forEach((lane, i) => {
    const label = laneLabel(i, lane.optimizer);
    ctx.fillStyle = laneColour(i);
    ctx.fillRect(x, pad + 2, 12, 12);
    ctx.fillStyle = text;
    ctx.fillText(label, x + 18, pad + 13);
    x += 18 + ctx.measureText(label).width + 18;
  });
  let y = pad + legendH;
  for (const c of charts) {
    ctx.fillStyle = text;
    ctx.font = '600 14px system-ui, sans-serif';
    ctx.fillText(c.title, pad, y + 16);
    ctx.drawImage(c.img, pad, y + titleH, c.width, c.height);
    y += titleH + c.height + pad;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The canvas could not be encoded as PNG.'))), 'image/png'),
  );
}

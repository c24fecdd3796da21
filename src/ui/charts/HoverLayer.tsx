import type { PointerEvent } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { hover, useHoverX } from './hoverX';

/**
 * Inside a chart: a transparent sheet over the plot that reports the x under the pointer (mouse,
 * pen or finger) to the shared hover store, and the cursor line at the shared x, so every chart
 * shows the same moment.
 */
export function HoverLayer() {
  const plot = usePlotArea();
  const toX = useXAxisInverseScale();
  const toPixel = useXAxisScale();
  const hx = useHoverX();
  if (!plot || !toX || !toPixel) return null;
  const px = hx === null ? undefined : toPixel(hx);
  const inside = px !== undefined && px >= plot.x && px <= plot.x + plot.width;

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    const value = Number(toX(e.clientX - svg.getBoundingClientRect().left));
    hover.set(value);
  };

  return (
    <g className="hover-layer">
      {inside && (
        <line x1={px} x2={px} y1={plot.y} y2={plot.y + plot.height} stroke="var(--muted)" strokeDasharray="4 3" pointerEvents="none" />
      )}
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={() => hover.set(null)}
      />
    </g>
  );
}

import { cellToBoundary } from 'h3-js';
import { useMemo } from 'react';
import { cssColour } from '../map/colourScale';
import { changeFill, changeLabel } from './changeClasses';

interface ChangeCell {
  h3: string;
  class: string;
  current: number | null;
}

/**
 * The review's cells as an SVG map, coloured by change class: no tiles and no WebGL, so it works
 * air-gapped and prints as drawn. Cells with no significant change are drawn faintly for context.
 */
export function ChangeMap({ cells, selected, onSelect, width = 640, height = 420, title }: { cells: readonly ChangeCell[]; selected?: string | null; onSelect?: (h3: string) => void; width?: number; height?: number; title: string }) {
  const shapes = useMemo(() => {
    const rings = cells.map((c) => ({ cell: c, ring: cellToBoundary(c.h3) }));
    const lats = rings.flatMap((r) => r.ring.map((p) => p[0]));
    const lngs = rings.flatMap((r) => r.ring.map((p) => p[1]));
    if (lats.length === 0) return [];
    const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
    const kx = Math.cos(((south + north) / 2) * (Math.PI / 180)); // keep shapes true at this latitude
    const scale = Math.min((width - 20) / Math.max((east - west) * kx, 1e-6), (height - 20) / Math.max(north - south, 1e-6));
    const x = (lng: number) => 10 + (lng - west) * kx * scale;
    const y = (lat: number) => 10 + (north - lat) * scale;
    // Significant changes on top of the faint context.
    return rings
      .sort((a, b) => Number(a.cell.class !== 'no-significant-change') - Number(b.cell.class !== 'no-significant-change'))
      .map(({ cell, ring }) => ({ cell, points: ring.map(([lat, lng]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`).join(' ') }));
  }, [cells, width, height]);
  return (
    <svg className="change-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-cells={shapes.length}>
      <title>{title}</title>
      <rect width={width} height={height} fill="#f4f6f9" />
      {shapes.map(({ cell, points }) => (
        <polygon
          key={cell.h3}
          points={points}
          fill={cssColour(changeFill(cell.class))}
          stroke={cell.h3 === selected ? '#111' : '#ffffff'}
          strokeWidth={cell.h3 === selected ? 2 : 0.5}
          data-h3={cell.h3}
          data-class={cell.class}
          onClick={onSelect ? () => onSelect(cell.h3) : undefined}
          style={onSelect ? { cursor: 'pointer' } : undefined}
        >
          <title>{`${changeLabel(cell.class)}: ${cell.current === null ? 'fewer than the threshold' : cell.current} this period`}</title>
        </polygon>
      ))}
    </svg>
  );
}

import { type KeyboardEvent, useMemo } from 'react';
import { cssColour } from '../map/colourScale';
import { useChangeClassName } from '../reference/vocabulary';
import { useT } from '../i18n/language';
import { useBoundaries } from '../geography/useBoundaries';
import { boundaryPaths } from './boundaryPaths';
import { changeFill, NO_CHANGE } from './changeClasses';
import { cellProjection, projectCells } from './projectCells';

interface ChangeCell {
  h3: string;
  class: string;
  current: number | null;
}

/**
 * The review's cells as an SVG map, coloured by change class: no tiles and no WebGL, so it works
 * air-gapped and prints as drawn. Cells with no significant change are drawn faintly for context.
 */
export function ChangeMap({
  cells,
  selected,
  onSelect,
  width = 640,
  height = 420,
  title,
  names = {},
}: {
  cells: readonly ChangeCell[];
  /** Each location's name for people, by cell id (the tooltip names the place, not the id). */
  names?: Readonly<Record<string, string>>;
  selected?: string | null;
  onSelect?: (h3: string) => void;
  width?: number;
  height?: number;
  title: string;
}) {
  const name = useChangeClassName();
  const t = useT();
  const shapes = useMemo(() => {
    const byCell = new Map(cells.map((c) => [c.h3, c]));
    // Significant changes on top of the faint context.
    return projectCells(
      cells.map((c) => c.h3),
      width,
      height,
      10,
    )
      .map(({ h3, points }) => ({ cell: byCell.get(h3)!, points }))
      .sort((a, b) => Number(a.cell.class !== NO_CHANGE) - Number(b.cell.class !== NO_CHANGE));
  }, [cells, width, height]);
  // Local authorities' outlines and names, so a printed review says where its cells are.
  const lads = useBoundaries('lad', cells.length > 0);
  const outlines = useMemo(() => {
    const projection = cellProjection(
      cells.map((c) => c.h3),
      width,
      height,
      10,
    );
    return projection && lads.data ? boundaryPaths(lads.data.features, projection, width, height) : [];
  }, [cells, width, height, lads.data]);
  return (
    <svg
      className="change-map"
      viewBox={`0 0 ${width} ${height}`}
      role={onSelect ? 'group' : 'img'}
      aria-label={title}
      data-cells={shapes.length}
    >
      <title>{title}</title>
      <rect width={width} height={height} fill="#f4f6f9" />
      <g className="change-map-boundaries">
        {outlines.map((o) => (
          <path key={o.code} d={o.d} fill="none" stroke="#7d8aa0" strokeWidth={0.8} />
        ))}
      </g>
      {shapes.map(({ cell, points }) => (
        <polygon
          key={cell.h3}
          points={points}
          fill={cssColour(changeFill(cell.class))}
          stroke={cell.h3 === selected ? '#111' : '#ffffff'}
          strokeWidth={cell.h3 === selected ? 2 : 0.5}
          data-h3={cell.h3}
          data-class={cell.class}
          {...(onSelect && {
            role: 'button',
            tabIndex: 0,
            'aria-pressed': cell.h3 === selected,
            onClick: () => onSelect(cell.h3),
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') onSelect(cell.h3);
            },
            style: { cursor: 'pointer' },
          })}
        >
          <title>
            {t('panel.map.cellTitle', {
              name: names[cell.h3] ?? cell.h3,
              change: name(cell.class),
              count: cell.current === null ? t('panel.map.belowThreshold') : String(cell.current),
            })}
          </title>
        </polygon>
      ))}
      <g className="change-map-labels" pointerEvents="none">
        {outlines.map(
          (o) =>
            o.label && (
              <text
                key={o.code}
                x={o.label.x}
                y={o.label.y}
                textAnchor="middle"
                fontSize={11}
                fill="#1b2430"
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {o.name}
              </text>
            ),
        )}
      </g>
    </svg>
  );
}

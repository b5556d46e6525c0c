import { type KeyboardEvent, useMemo } from 'react';
import { cssColour } from '../map/colourScale';
import { useChangeClassName } from '../reference/vocabulary';
import { changeFill, NO_CHANGE } from './changeClasses';
import { projectCells } from './projectCells';

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
}: {
  cells: readonly ChangeCell[];
  selected?: string | null;
  onSelect?: (h3: string) => void;
  width?: number;
  height?: number;
  title: string;
}) {
  const name = useChangeClassName();
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
          <title>{`${name(cell.class)}: ${cell.current === null ? 'fewer than the threshold' : cell.current} this period`}</title>
        </polygon>
      ))}
    </svg>
  );
}

/**
 * The R×F grid: 5×5 cells coloured by count (log scale so one huge cell does not wash out the
 * rest), each printing its count. Plain SVG, see README.
 */
export interface HeatGridProps {
  /** `cells[r-1][f-1]`. */
  cells: readonly (readonly number[])[];
  title: string;
  rowLabel: string;
  colLabel: string;
  format(n: number): string;
  cellLabel(r: number, f: number, n: number): string;
}

const CELL = 56;
const PAD = 52;

export function HeatGrid(props: HeatGridProps) {
  const max = Math.max(1, ...props.cells.flat());
  const size = PAD + 5 * CELL;
  return (
    <svg
      class="chart chart--heat"
      viewBox={`0 0 ${size} ${size + 36}`}
      width="100%"
      style={{ maxWidth: `${size + 40}px` }}
      role="img"
      aria-label={props.title}
    >
      {/* R runs bottom (1) to top (5), F left (1) to right (5): best buyers sit top-right. */}
      {[5, 4, 3, 2, 1].map((r, row) =>
        [1, 2, 3, 4, 5].map((f) => {
          const n = props.cells[r - 1]?.[f - 1] ?? 0;
          const level = n === 0 ? 0 : Math.log1p(n) / Math.log1p(max);
          const x = PAD + (f - 1) * CELL;
          const y = row * CELL;
          return (
            <g key={`${r}-${f}`} data-cell={`r${r}f${f}`}>
              <title>{props.cellLabel(r, f, n)}</title>
              <rect
                x={x + 1}
                y={y + 1}
                width={CELL - 2}
                height={CELL - 2}
                rx="4"
                class="heat__cell"
                style={{ fillOpacity: 0.08 + 0.92 * level }}
              />
              <text
                x={x + CELL / 2}
                y={y + CELL / 2}
                class={level > 0.55 ? 'heat__count heat__count--light' : 'heat__count'}
                text-anchor="middle"
                dominant-baseline="middle"
              >
                {props.format(n)}
              </text>
            </g>
          );
        }),
      )}
      {[5, 4, 3, 2, 1].map((r, row) => (
        <text
          key={`r${r}`}
          x={PAD - 8}
          y={row * CELL + CELL / 2}
          class="chart__label"
          text-anchor="end"
          dominant-baseline="middle"
        >
          {`R${r}`}
        </text>
      ))}
      {[1, 2, 3, 4, 5].map((f) => (
        <text
          key={`f${f}`}
          x={PAD + (f - 1) * CELL + CELL / 2}
          y={5 * CELL + 14}
          class="chart__label"
          text-anchor="middle"
        >
          {`F${f}`}
        </text>
      ))}
      <text
        x={PAD + 2.5 * CELL}
        y={5 * CELL + 21}
        class="chart__axis"
        text-anchor="middle"
        dominant-baseline="hanging"
      >
        {props.colLabel}
      </text>
      <text
        x={2}
        y={2.5 * CELL}
        class="chart__axis"
        dominant-baseline="hanging"
        transform={`rotate(-90 2 ${2.5 * CELL})`}
        text-anchor="middle"
      >
        {props.rowLabel}
      </text>
    </svg>
  );
}

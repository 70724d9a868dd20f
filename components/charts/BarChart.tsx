/**
 * Horizontal bar chart as plain SVG (see README: a dependency would outweigh ~50 lines).
 * Labels and values are text beside the bars, so the chart is readable without colour.
 */
export interface Bar {
  id: string;
  label: string;
  value: number;
  /** What to print at the end of the bar (formatted number or money). */
  display: string;
  color?: string;
}

const ROW = 26;
const LABEL_W = 150;
const VALUE_W = 110;

export function BarChart(props: {
  bars: readonly Bar[];
  title: string;
  width?: number;
  onSelect?(id: string): void;
}) {
  const width = props.width ?? 460;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const barSpace = width - LABEL_W - VALUE_W;
  const height = Math.max(ROW, props.bars.length * ROW);
  return (
    <svg
      class="chart chart--bars"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      role="img"
      aria-label={props.title}
      preserveAspectRatio="xMinYMin meet"
    >
      {props.bars.map((b, i) => {
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barSpace);
        const y = i * ROW;
        return (
          <g
            key={b.id}
            class={props.onSelect ? 'chart__row chart__row--link' : 'chart__row'}
            data-id={b.id}
            onClick={props.onSelect ? () => props.onSelect?.(b.id) : undefined}
          >
            <title>{`${b.label}: ${b.display}`}</title>
            <text
              x={LABEL_W - 8}
              y={y + ROW / 2}
              class="chart__label"
              text-anchor="end"
              dominant-baseline="middle"
            >
              {b.label}
            </text>
            <rect
              x={LABEL_W}
              y={y + 4}
              width={w}
              height={ROW - 8}
              rx="3"
              class="chart__bar"
              style={b.color ? { fill: b.color } : undefined}
            />
            <text x={LABEL_W + w + 6} y={y + ROW / 2} class="chart__value" dominant-baseline="middle">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem<K extends string> {
  id: K;
  label: string;
}

/**
 * WAI-ARIA tabs with roving focus: Left/Right (and Up/Down when vertical) move between tabs,
 * Home/End jump to the ends, and moving also selects (automatic activation).
 */
export function Tabs<K extends string>(props: {
  items: ReadonlyArray<TabItem<K>>;
  active: K;
  onSelect(id: K): void;
  label: string;
  idPrefix: string;
  vertical?: boolean;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = props.items.findIndex((i) => i.id === props.active);
  const move = (to: number) => {
    const n = props.items.length;
    const next = (to + n) % n;
    props.onSelect(props.items[next].id);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLElement>) => {
    const prev = props.vertical ? 'ArrowUp' : 'ArrowLeft';
    const next = props.vertical ? 'ArrowDown' : 'ArrowRight';
    if (e.key === prev) move(index - 1);
    else if (e.key === next) move(index + 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(props.items.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div
      class={`tabs ${props.vertical ? 'tabs--vertical' : ''}`}
      role="tablist"
      aria-label={props.label}
      aria-orientation={props.vertical ? 'vertical' : 'horizontal'}
      onKeyDown={onKeyDown}
    >
      {props.items.map((item, i) => (
        <button
          key={item.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${item.id}`}
          aria-controls={`${props.idPrefix}-panel-${item.id}`}
          aria-selected={item.id === props.active}
          tabIndex={item.id === props.active ? 0 : -1}
          class="tab"
          data-tab={item.id}
          onClick={() => props.onSelect(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel(props: {
  idPrefix: string;
  id: string;
  children: JSX.Element | JSX.Element[] | null;
}) {
  return (
    <div
      role="tabpanel"
      id={`${props.idPrefix}-panel-${props.id}`}
      aria-labelledby={`${props.idPrefix}-tab-${props.id}`}
      class="tab-panel"
    >
      {props.children}
    </div>
  );
}

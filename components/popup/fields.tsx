import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18nContext';
import { translateIssue } from './draft';

let seq = 0;
const useId = (prefix: string) => useState(() => `${prefix}-${++seq}`)[0];

/**
 * A number box that keeps the seller's text while typing ("2." stays "2.") and reports NaN for
 * an empty or unreadable value, which validation then flags. `scale` converts stored minor
 * units or shares to what the seller types (e.g. 100 fen ↔ 1 yuan).
 */
export function NumberInput(props: {
  value: number;
  onChange(v: number): void;
  label: string;
  scale?: number;
  step?: number;
  min?: number;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const scale = props.scale ?? 1;
  const shown = Number.isFinite(props.value) ? String(Number((props.value / scale).toFixed(6))) : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (Number(text) * scale !== props.value || text === '') setText(shown);
    // Only react to outside changes of the value (reset, load), not to our own typing.
  }, [props.value]);
  return (
    <input
      id={props.id}
      class="input input--num"
      type="number"
      inputMode="decimal"
      step={props.step ?? 'any'}
      min={props.min ?? 0}
      value={text}
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onInput={(e) => {
        const raw = e.currentTarget.value;
        setText(raw);
        const n = raw.trim() === '' ? Number.NaN : Number(raw) * scale;
        props.onChange(Number.isFinite(n) && scale !== 1 ? Math.round(n * 1e6) / 1e6 : n);
      }}
    />
  );
}

/** A labelled row with the control and, reserved below it, the validation message. */
export function Field(props: {
  label: string;
  hint?: string;
  error?: string;
  children: (ids: { id: string; errorId: string; invalid: boolean }) => ComponentChildren;
}) {
  const { t } = useI18n();
  const id = useId('f');
  const errorId = `${id}-err`;
  return (
    <div class={`field ${props.error ? 'field--invalid' : ''}`}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <div class="field__control">{props.children({ id, errorId, invalid: Boolean(props.error) })}</div>
      {props.hint && <p class="field__hint">{props.hint}</p>}
      <p class="field-error" id={errorId} role={props.error ? 'alert' : undefined}>
        {props.error ? translateIssue(props.error, t) : ''}
      </p>
    </div>
  );
}

/** Several cut points in one row (e.g. the four R cuts), one error for the whole list. */
export function CutsField(props: {
  label: string;
  hint?: string;
  values: readonly number[];
  scale?: number;
  error?: string;
  testId: string;
  onChange(values: number[]): void;
}) {
  const { t } = useI18n();
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, errorId, invalid }) => (
        <div class="cuts" data-testid={props.testId}>
          {props.values.map((v, i) => (
            <NumberInput
              // Cut positions are fixed, so the index is a stable key.
              key={i}
              id={i === 0 ? id : undefined}
              value={v}
              scale={props.scale}
              label={t('set.cutN', { label: props.label, n: i + 1 })}
              invalid={invalid}
              describedBy={errorId}
              testId={`${props.testId}-${i}`}
              onChange={(n) => props.onChange(props.values.map((x, j) => (j === i ? n : x)))}
            />
          ))}
        </div>
      )}
    </Field>
  );
}

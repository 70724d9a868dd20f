import type { BuyerClasses, ClassChange, Order } from '@/core/model';
import { type ClassDimension, DIMENSION_ORDERS, isClassDimension, rankOf } from '@/core/model/dimensions';
import { decimal, money, percent, shortDate } from '../overlay/format';
import type { OverlayLocale } from '../overlay/i18n';
import { cardClassLabel, cardDimensionLabel } from './classLabels';
import type { CardTranslate } from './i18n';

/**
 * ↗ or ↘ for a class change, by the registry's rank of each dimension (lifecycle and loyalty
 * too, not only segment and tier); 0 when a value is unranked.
 */
function classDirection(dimension: string, from: string, to: string): -1 | 0 | 1 {
  const a = rankOf(dimension, from) ?? -1;
  const b = rankOf(dimension, to) ?? -1;
  if (a < 0 || b < 0 || a === b) return 0;
  return b > a ? 1 : -1;
}

import { reasonText } from './reasonText';

interface Ctx {
  t: CardTranslate;
  locale: OverlayLocale;
  currency: string;
}

/** The value shown for one class dimension, e.g. "Champions", "R5 F4 M5", "due in 3 days". */
function dimensionValue(c: BuyerClasses, dim: string, x: Ctx): string {
  const { t } = x;
  if (isClassDimension(dim)) return cardClassLabel(t, dim, String(c[dim]));
  switch (dim) {
    case 'rfm':
      return c.rfm ? `R${c.rfm.r} F${c.rfm.f} M${c.rfm.m}` : '–';
    case 'keyAccount':
      return t(c.keyAccount ? 'ov.yes' : 'ov.no');
    case 'repurchase':
      return c.repurchase
        ? `${decimal(c.repurchase.medianIntervalDays, x.locale, 0)} d · ${c.repurchase.dueInDays}`
        : '–';
    case 'preferences':
      return c.preferences.topCategories.slice(0, 3).join(', ') || '–';
    case 'geography':
      return c.geography.country ?? c.geography.scope;
    case 'prediction':
      return c.prediction.status === 'ok' ? percent(c.prediction.pAlive, x.locale) : '–';
    default:
      return '';
  }
}

/** The card's rows that are not class dimensions, each placed after the class it goes with. */
const EXTRA_ROWS_AFTER: Partial<Record<ClassDimension, readonly string[]>> = {
  segment: ['rfm'],
  valueTier: ['keyAccount'],
  lifecycle: ['repurchase', 'preferences', 'geography'],
};
/** Every class dimension of the registry, in BuyerClasses order, with the card's own rows. */
const DIMENSIONS: readonly string[] = DIMENSION_ORDERS.model.flatMap((d) => [
  d,
  ...(EXTRA_ROWS_AFTER[d] ?? []),
]);

/** Every class with its value and the reasons behind it, as translated sentences. */
export function ClassesSection({ classes, x }: { classes: BuyerClasses; x: Ctx }) {
  const dims = [
    ...DIMENSIONS,
    ...Object.keys(classes.reasons).filter((d) => !DIMENSIONS.includes(d) && d !== 'prediction'),
  ];
  return (
    <section data-testid="bt-classes">
      <h3>{x.t('card.classes')}</h3>
      {dims.map((dim) => {
        const reasons = classes.reasons[dim] ?? [];
        return (
          <details key={dim} class="bt-class" data-dimension={dim} open={dim === 'segment' || dim === 'rfm'}>
            <summary>
              {cardDimensionLabel(x.t, dim)}: <span class="bt-value">{dimensionValue(classes, dim, x)}</span>
            </summary>
            <ul class="bt-reasons">
              {reasons.map((r, i) => (
                <li key={`${r.code}${i}`} data-code={r.code}>
                  {reasonText(r, x)}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

export function PredictionSection({ classes, x }: { classes: BuyerClasses | undefined; x: Ctx }) {
  const p = classes?.prediction;
  return (
    <section data-testid="bt-prediction">
      <h3>{x.t('card.prediction')}</h3>
      {p?.status === 'ok' ? (
        <ul>
          <li>{x.t('card.pAlive', { p: percent(p.pAlive, x.locale) })}</li>
          <li>
            {x.t('card.expectedOrders', { days: p.horizonDays, n: decimal(p.expectedOrders, x.locale, 1) })}
          </li>
          {p.expectedOrderValue !== undefined && (
            <li>{x.t('card.expectedValue', { value: money(p.expectedOrderValue, x.currency, x.locale) })}</li>
          )}
        </ul>
      ) : (
        <p class="bt-key">{x.t('card.notEnoughHistory')}</p>
      )}
      {(classes?.reasons.prediction ?? []).map((r, i) => (
        <p key={`${r.code}${i}`} class="bt-key" data-code={r.code}>
          {reasonText(r, x)}
        </p>
      ))}
    </section>
  );
}

const SHOWN_ORDERS = 20;

/**
 * How the order's spend is made up, where the source stated it (README "Spend"): items,
 * shipping, tax, discount, refund; `undefined` when only the total is known.
 */
function breakdownOf(o: Order, x: Ctx): string | undefined {
  if (o.itemsTotal === undefined && o.shipping === undefined && o.tax === undefined && !o.refunded) {
    return undefined;
  }
  const m = (minor: number) => money(minor, o.currency, x.locale);
  const parts: string[] = [];
  if (o.itemsTotal !== undefined) parts.push(x.t('card.breakdown.items', { amount: m(o.itemsTotal) }));
  if (o.shipping) parts.push(x.t('card.breakdown.shipping', { amount: m(o.shipping) }));
  if (o.tax) parts.push(x.t('card.breakdown.tax', { amount: m(o.tax) }));
  if (o.discount) parts.push(x.t('card.breakdown.discount', { amount: m(o.discount) }));
  if (o.refunded) parts.push(x.t('card.breakdown.refunded', { amount: m(o.refunded) }));
  return parts.join(' · ');
}

export function OrdersSection({ orders, x }: { orders: Order[]; x: Ctx }) {
  return (
    <section data-testid="bt-orders">
      <h3>{x.t('card.orders')}</h3>
      {orders.length === 0 && <p class="bt-key">{x.t('card.noOrders')}</p>}
      <ul>
        {orders.slice(0, SHOWN_ORDERS).map((o) => {
          const breakdown = breakdownOf(o, x);
          return (
            <li key={o.key} class={`bt-order bt-st-${o.status}`} data-order-id={o.orderId}>
              <span>{shortDate(o.placedAt, x.locale)}</span>
              <span class="bt-items">{o.items.map((i) => i.title).join(', ')}</span>
              <span>
                {money(o.total, o.currency, x.locale)}
                {o.status !== 'paid' ? ` · ${x.t(`ov.status.${o.status}`)}` : ''}
              </span>
              {breakdown && (
                <span class="bt-breakdown" data-testid="bt-order-breakdown">
                  {breakdown}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {orders.length > SHOWN_ORDERS && (
        <p class="bt-key">{x.t('card.moreOrders', { n: orders.length - SHOWN_ORDERS })}</p>
      )}
    </section>
  );
}

export function HistorySection({ history, x }: { history: ClassChange[]; x: Ctx }) {
  return (
    <section data-testid="bt-history">
      <h3>{x.t('card.history')}</h3>
      {history.length === 0 && <p class="bt-key">{x.t('card.noHistory')}</p>}
      <ul>
        {history.slice(0, 30).map((c, i) => (
          <li key={c.id ?? i}>
            {shortDate(c.at, x.locale)} · {cardDimensionLabel(x.t, c.dimension)}:{' '}
            {cardClassLabel(x.t, c.dimension, c.from)}{' '}
            {classDirection(c.dimension, c.from, c.to) < 0 ? '↘' : '↗'}{' '}
            {cardClassLabel(x.t, c.dimension, c.to)}
          </li>
        ))}
      </ul>
    </section>
  );
}

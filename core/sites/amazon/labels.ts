import type { OrderStatus } from '../../model';

/**
 * Words Seller Central prints in the account's language (evidence: sites-2026.md — on .de
 * "Stückzahl:" and "Zwischensumme des Artikels: €"). English-only patterns drop every row
 * outside English marketplaces, so each label lists its wording in English, German, French,
 * Italian, Spanish, Dutch, Portuguese, Swedish, Polish, Turkish, Japanese and Chinese. Matching
 * is case-insensitive at the start of a line, followed by an optional ":" or "：".
 */
export const LABELS = {
  quantity: [
    'Quantity',
    'Qty',
    'Stückzahl',
    'Menge',
    'Anzahl',
    'Quantité',
    'Quantità',
    'Cantidad',
    'Aantal',
    'Quantidade',
    'Antal',
    'Ilość',
    'Adet',
    '数量',
    '個数',
  ],
  subtotal: [
    'Item subtotal',
    'Zwischensumme des Artikels',
    'Zwischensumme',
    "Sous-total de l'article",
    'Sous-total',
    "Subtotale dell'articolo",
    'Subtotale articolo',
    'Subtotale',
    'Subtotal del producto',
    'Subtotal del artículo',
    'Subtotal do item',
    'Subtotal',
    'Subtotaal artikel',
    'Subtotaal',
    'Delsumma för artikeln',
    'Delsumma',
    'Suma częściowa produktu',
    'Ürün ara toplamı',
    '商品の小計',
    '小計',
    '商品小计',
    '小计',
  ],
  sku: ['SKU', 'Händler-SKU', 'Référence vendeur', 'SKU venditore', 'SKU del vendedor', '出品者SKU'],
  buyer: [
    'Buyer name',
    'Käufername',
    "Nom de l'acheteur",
    "Nome dell'acquirente",
    'Nombre del comprador',
    'Naam koper',
    'Nome do comprador',
    'Köparens namn',
    'Nazwa kupującego',
    'Alıcı adı',
    '購入者名',
    '买家姓名',
  ],
} as const;

export type LabelName = keyof typeof LABELS;

/**
 * Order status words, most specific first: the first list with a word the status text contains
 * wins ("Unversandt" must not read as "Versandt"; "Stornierung angefordert" is still a sale).
 * Pending (unpaid) orders are not sales yet: they map to null and capture skips them.
 */
export const STATUS_WORDS: ReadonlyArray<readonly [OrderStatus | null, readonly string[]]> = [
  [
    null,
    [
      'pending',
      'ausstehend',
      'en attente',
      'in sospeso',
      'pendiente',
      'in behandeling',
      'pendente',
      'väntande',
      'oczekujące',
      'beklemede',
      '保留中',
      '等待中',
      '待处理',
    ],
  ],
  [
    'refunded',
    [
      'refunded',
      'erstattet',
      'remboursé',
      'rimborsato',
      'reembolsado',
      'terugbetaald',
      'återbetald',
      'zwrócono',
      'iade edildi',
      '返金済み',
      '已退款',
    ],
  ],
  [
    'cancelled',
    [
      'cancelled',
      'canceled',
      'storniert',
      'annulé',
      'annullato',
      'cancelado',
      'geannuleerd',
      'avbruten',
      'anulowane',
      'iptal',
      'キャンセル',
      '已取消',
    ],
  ],
  [
    'paid',
    [
      'unshipped',
      'shipped',
      'dispatched',
      'delivered',
      'unversandt',
      'versandt',
      'zugestellt',
      'non expédié',
      'expédié',
      'livré',
      'non spedito',
      'spedito',
      'consegnato',
      'no enviado',
      'enviado',
      'entregado',
      'niet verzonden',
      'verzonden',
      'não enviado',
      'ej skickad',
      'skickad',
      'niewysłane',
      'wysłane',
      'gönderilmedi',
      'gönderildi',
      '未出荷',
      '出荷済み',
      '未发货',
      '已发货',
    ],
  ],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so "Zwischensumme des Artikels" wins over "Zwischensumme". */
function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** A line that starts with one of the label's words: the value is what follows. */
export const LABEL_PATTERNS: Readonly<Record<LabelName, RegExp>> = Object.fromEntries(
  Object.entries(LABELS).map(([k, words]) => [
    k,
    new RegExp(`^(?:${alternation(words)})\\s*[:：]?\\s*`, 'iu'),
  ]),
) as Record<LabelName, RegExp>;

/** The status of an order from its status cell's text, in any listed language. */
export function amazonStatus(text: string): OrderStatus | null | undefined {
  const t = text.toLowerCase();
  for (const [status, words] of STATUS_WORDS) if (words.some((w) => t.includes(w))) return status;
  return undefined;
}

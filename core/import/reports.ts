import { normalizeHeader } from './header';

/** Exports that look like order files but cannot give a buyer or an amount. */
export type UnusableReportId = 'amazon-all-orders' | 'amazon-unshipped' | 'tmall-teaching-set';

/** A recognised report that cannot be imported, with what it lacks and what to download instead. */
export interface UnusableReport {
  id: UnusableReportId;
  platform: string;
  /** What the report does not have: a buyer identity, or any price. */
  lacks: 'buyer' | 'amount';
  /** i18n key (components/i18n/messages/importCore.ts): what this file is and why it cannot be used. */
  whatKey: `imp.report.${string}`;
  /** i18n key: which report to download instead. */
  insteadKey: `imp.report.${string}.instead`;
  /** The same in English, for the CLI and error messages. */
  message: string;
}

interface ReportRule {
  report: Omit<UnusableReport, 'message'>;
  /** Every one of these columns is present… */
  has: readonly string[];
  /** …and none of these. */
  lacksColumns: readonly string[];
  message: string;
}

const RULES: readonly ReportRule[] = [
  {
    report: {
      id: 'amazon-all-orders',
      platform: 'amazon',
      lacks: 'buyer',
      whatKey: 'imp.report.amazonAllOrders',
      insteadKey: 'imp.report.amazonAllOrders.instead',
    },
    has: ['amazon-order-id', 'merchant-order-id', 'order-status'],
    lacksColumns: ['buyer-email', 'buyer-name'],
    message:
      'this is Amazon\'s "All Orders" report: it has no buyer column (no e-mail, no name), so its orders cannot be given to buyers. Download the order report with buyer-email instead (Orders › Order Reports, "New Orders")',
  },
  {
    report: {
      id: 'amazon-unshipped',
      platform: 'amazon',
      lacks: 'amount',
      whatKey: 'imp.report.amazonUnshipped',
      insteadKey: 'imp.report.amazonUnshipped.instead',
    },
    has: ['order-id', 'order-item-id', 'quantity-to-ship'],
    lacksColumns: ['item-price'],
    message:
      'this is Amazon\'s "Unshipped Orders" report: it has no price column, so there is no spend to import. Download the order report with item-price instead (Orders › Order Reports, "New Orders")',
  },
  {
    report: {
      id: 'tmall-teaching-set',
      platform: 'tmall',
      lacks: 'buyer',
      whatKey: 'imp.report.tmallTeachingSet',
      insteadKey: 'imp.report.tmallTeachingSet.instead',
    },
    has: ['订单编号', '买家实际支付金额', '收货地址'],
    lacksColumns: ['买家会员名', '买家昵称', '买家会员名称', '买家支付宝账号'],
    message:
      'this file keeps only order numbers, amounts, addresses and dates (the Tmall teaching data set layout): it has no buyer column. Export 订单报表 from the seller centre instead (已卖出的宝贝 › 批量导出); it has 买家会员名',
  },
];

/**
 * Recognises, from its header row, a report that cannot be imported because it has no buyer or
 * no amount; `undefined` for any other header. The importer throws an `unusable-report`
 * ImportError carrying this, so the import screen can name the report and the one to download.
 */
export function recogniseUnusableReport(header: readonly string[]): UnusableReport | undefined {
  const names = new Set(header.map(normalizeHeader));
  for (const rule of RULES) {
    if (!rule.has.every((c) => names.has(normalizeHeader(c)))) continue;
    if (rule.lacksColumns.some((c) => names.has(normalizeHeader(c)))) continue;
    return { ...rule.report, message: rule.message };
  }
  return undefined;
}

/** Every report the importer can name (for the catalogue test and the import screen's help). */
export const UNUSABLE_REPORTS: readonly Omit<UnusableReport, 'message'>[] = RULES.map((r) => r.report);

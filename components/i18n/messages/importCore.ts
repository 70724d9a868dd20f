import { defineMessages } from '../define';

/**
 * Messages the import core hands to the import screen as keys: reports that cannot be imported
 * (core/import/reports.ts) and the currency summary of a file (core/import/moneySummary.ts).
 */
export const importCoreMessages = defineMessages(
  {
    'imp.report.amazonAllOrders':
      'This is Amazon\'s "All Orders" report. It has no buyer column (no e-mail, no name), so its orders cannot be given to buyers.',
    'imp.report.amazonAllOrders.instead':
      'Download the order report that lists buyers instead: Seller Central › Orders › Order Reports › "New Orders" (it has buyer-email and item-price), then import that file.',
    'imp.report.amazonUnshipped':
      'This is Amazon\'s "Unshipped Orders" report. It has no price column, so there is no spend to import.',
    'imp.report.amazonUnshipped.instead':
      'Download the order report with prices instead: Seller Central › Orders › Order Reports › "New Orders" (it has item-price, shipping-price and taxes), then import that file.',
    'imp.report.tmallTeachingSet':
      'This file keeps only order numbers, amounts, addresses and dates. It has no buyer column, so its orders cannot be given to buyers.',
    'imp.report.tmallTeachingSet.instead':
      'Export the order report from the seller centre instead: 已卖出的宝贝 › 批量导出 › 订单报表 (it has 买家会员名), then import that file.',
    'imp.money.unconverted': '{n} orders in {currency} are left out of spend (no exchange rate).',
    'imp.money.dominant': 'Most orders in this file are in {currency}.',
  },
  {
    'imp.report.amazonAllOrders':
      '这是亚马逊的“All Orders”（全部订单）报告。它没有买家列（没有邮箱，也没有姓名），订单无法归到买家名下。',
    'imp.report.amazonAllOrders.instead':
      '请改为下载列出买家的订单报告：卖家平台 › 订单 › 订单报告 › “New Orders”（含 buyer-email 和 item-price），再导入该文件。',
    'imp.report.amazonUnshipped':
      '这是亚马逊的“Unshipped Orders”（未发货订单）报告。它没有价格列，没有可导入的消费金额。',
    'imp.report.amazonUnshipped.instead':
      '请改为下载带价格的订单报告：卖家平台 › 订单 › 订单报告 › “New Orders”（含 item-price、shipping-price 和税费），再导入该文件。',
    'imp.report.tmallTeachingSet':
      '这个文件只有订单编号、金额、收货地址和日期，没有买家列，订单无法归到买家名下。',
    'imp.report.tmallTeachingSet.instead':
      '请改为从卖家中心导出订单报表：已卖出的宝贝 › 批量导出 › 订单报表（含买家会员名），再导入该文件。',
    'imp.money.unconverted': '{n} 个 {currency} 订单没有汇率，未计入消费金额。',
    'imp.money.dominant': '这个文件的大部分订单是 {currency}。',
  },
);

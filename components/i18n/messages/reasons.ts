import { defineMessages } from '../define';

/**
 * One sentence per scoring reason code (core/scoring/reasons.ts); `{name}` placeholders are the
 * reason's values, formatted by components/card/reasonText.ts (money, percentages, days).
 */
export const reasonMessages = defineMessages(
  {
    'reason.rfm.r.quantile': 'Recency {days} days, rank {rank} of {maxRank} → R{score}',
    'reason.rfm.f.quantile': '{orders} paid orders, rank {rank} of {maxRank} → F{score}',
    'reason.rfm.m.quantile': 'Spent {spend}, rank {rank} of {maxRank} → M{score}',
    'reason.rfm.r.absolute': 'Recency {days} days → R{score}',
    'reason.rfm.f.absolute': '{orders} paid orders → F{score}',
    'reason.rfm.m.absolute': 'Spent {spend} → M{score}',
    'reason.rfm.absolute-fallback':
      'Only {scoredBuyers} buyers with orders (quantiles need {minBuyers}): absolute cut points used',
    'reason.segment.rfm-grid': 'R{r} and F{f} place the buyer in this segment',
    'reason.segment.value-8':
      'Recency {recencyDays} vs {recencyThreshold} days, orders {frequency} vs {frequencyThreshold}, spend {monetary} vs {monetaryThreshold}',
    'reason.segment.prospect': 'No paid order yet',
    'reason.value-tier.weighted': 'Weighted RFM score {score} (medium from {mediumAt}, high from {highAt})',
    'reason.value-tier.prospect': 'No paid order yet',
    'reason.key-account.top-share': 'Spend rank {rank}, within the top {cutoffRank} buyers by spend',
    'reason.key-account.min-spend': 'Spent {spend}, at least {minSpend}',
    'reason.key-account.no': 'Spend rank {rank}, outside the top {cutoffRank} buyers by spend',
    'reason.frequency-band': '{orders} paid orders',
    'reason.spend-band': 'Spent {spend}',
    'reason.loyalty.no-purchase': 'No paid order yet',
    'reason.loyalty.refunds-high': '{refundShare} of orders refunded (limit {limit})',
    'reason.loyalty.single-purchase': 'One purchase day so far, {daysSince} days ago',
    'reason.loyalty.single-purchase-lapsed': 'One purchase day, {daysSince} days ago (over {lapsedDays})',
    'reason.loyalty.lapsed':
      '{daysSince} days since the last order, {rhythmRatio}× the usual {medianInterval} days',
    'reason.loyalty.refunds-cap': '{repeat} repeat purchases but {refundShare} of orders refunded',
    'reason.loyalty.repeat-in-rhythm':
      '{repeat} repeat purchases, buying on their usual {medianInterval}-day rhythm',
    'reason.loyalty.repeat': '{repeat} repeat purchases ({rhythmRatio}× the usual interval since the last)',
    'reason.lifecycle.prospect': 'No paid order yet',
    'reason.lifecycle.new': 'First order {daysSinceFirst} days ago',
    'reason.lifecycle.declining-inactive': 'No order for {daysSince} days (over {afterDays})',
    'reason.lifecycle.declining-rhythm':
      '{daysSince} days since the last order, over {factor}× the usual {medianInterval} days',
    'reason.lifecycle.growing': '{purchaseDays} purchase days (mature from {matureMinPurchaseDays})',
    'reason.lifecycle.mature': '{purchaseDays} purchase days',
    'reason.repurchase.due': 'Usually buys every {medianInterval} days: next order due in {dueInDays} days',
    'reason.repurchase.overdue': 'Usually buys every {medianInterval} days: {dueInDays} days overdue',
    'reason.repurchase.unknown': 'Fewer than two purchase days: no rhythm yet',
    'reason.preference.discounted-orders': '{discounted} of {orders} orders were discounted',
    'reason.preference.low-unit-price':
      'Average unit price {avgUnitPrice}, low against the shop median {shopMedian}',
    'reason.preference.high-unit-price':
      'Average unit price {avgUnitPrice}, high against the shop median {shopMedian}, few refunds',
    'reason.preference.top-category': 'Spent {spend} on {category}',
    'reason.geography.country': '{orders} orders shipped to {country}',
    'reason.geography.unknown': 'No ship country recorded',
    'reason.customer-type.wholesale-qty':
      'Bought {maxQtyPerLine} of one item in an order (wholesale from {limit})',
    'reason.customer-type.items-per-order': '{itemsPerOrder} items per order on average',
    'reason.customer-type.business-name': 'The name contains "{word}"',
    'reason.customer-type.consumer': 'No business or reseller signals',
    'reason.prediction.ok':
      'BG/NBD: {x} repeat purchases, P(alive) {pAlive}, {expectedOrders} orders expected in {horizonDays} days',
    'reason.prediction.order-value':
      'Gamma-Gamma: mean repeat order {zbar} → expected order value {expectedOrderValue}',
    'reason.prediction.not-enough-history':
      'Only {repeatBuyers} repeat buyers in the shop (predictions need {minRepeatBuyers})',
    'reason.prediction.no-purchase': 'No paid order yet',
    'reason.unknown': '{code}',
  },
  {
    'reason.rfm.r.quantile': '最近一次下单 {days} 天前，按最近度排名第 {rank}/{maxRank} → R{score}',
    'reason.rfm.f.quantile': '已付款 {orders} 单，排名第 {rank}/{maxRank} → F{score}',
    'reason.rfm.m.quantile': '消费 {spend}，排名第 {rank}/{maxRank} → M{score}',
    'reason.rfm.r.absolute': '最近一次下单 {days} 天前 → R{score}',
    'reason.rfm.f.absolute': '已付款 {orders} 单 → F{score}',
    'reason.rfm.m.absolute': '消费 {spend} → M{score}',
    'reason.rfm.absolute-fallback':
      '有订单的买家仅 {scoredBuyers} 位（分位数需要 {minBuyers} 位）：使用固定分档',
    'reason.segment.rfm-grid': 'R{r} 与 F{f} 决定了该分群',
    'reason.segment.value-8':
      '最近度 {recencyDays} 天（阈值 {recencyThreshold}），订单 {frequency}（阈值 {frequencyThreshold}），消费 {monetary}（阈值 {monetaryThreshold}）',
    'reason.segment.prospect': '尚无付款订单',
    'reason.value-tier.weighted': '加权 RFM 得分 {score}（{mediumAt} 起为中，{highAt} 起为高）',
    'reason.value-tier.prospect': '尚无付款订单',
    'reason.key-account.top-share': '消费排名第 {rank}，在消费前 {cutoffRank} 位之内',
    'reason.key-account.min-spend': '消费 {spend}，不低于 {minSpend}',
    'reason.key-account.no': '消费排名第 {rank}，不在消费前 {cutoffRank} 位之内',
    'reason.frequency-band': '已付款 {orders} 单',
    'reason.spend-band': '消费 {spend}',
    'reason.loyalty.no-purchase': '尚无付款订单',
    'reason.loyalty.refunds-high': '{refundShare} 的订单已退款（上限 {limit}）',
    'reason.loyalty.single-purchase': '目前只有一个购买日，在 {daysSince} 天前',
    'reason.loyalty.single-purchase-lapsed': '只有一个购买日，在 {daysSince} 天前（超过 {lapsedDays} 天）',
    'reason.loyalty.lapsed': '距上次下单 {daysSince} 天，是平常间隔 {medianInterval} 天的 {rhythmRatio} 倍',
    'reason.loyalty.refunds-cap': '复购 {repeat} 次，但 {refundShare} 的订单已退款',
    'reason.loyalty.repeat-in-rhythm': '复购 {repeat} 次，保持约 {medianInterval} 天一次的节奏',
    'reason.loyalty.repeat': '复购 {repeat} 次（距上次为平常间隔的 {rhythmRatio} 倍）',
    'reason.lifecycle.prospect': '尚无付款订单',
    'reason.lifecycle.new': '首单在 {daysSinceFirst} 天前',
    'reason.lifecycle.declining-inactive': '已 {daysSince} 天未下单（超过 {afterDays} 天）',
    'reason.lifecycle.declining-rhythm':
      '距上次下单 {daysSince} 天，超过平常间隔 {medianInterval} 天的 {factor} 倍',
    'reason.lifecycle.growing': '{purchaseDays} 个购买日（{matureMinPurchaseDays} 个起为成熟）',
    'reason.lifecycle.mature': '{purchaseDays} 个购买日',
    'reason.repurchase.due': '通常每 {medianInterval} 天购买一次：预计 {dueInDays} 天后再次下单',
    'reason.repurchase.overdue': '通常每 {medianInterval} 天购买一次：已逾期 {dueInDays} 天',
    'reason.repurchase.unknown': '购买日少于两个：还看不出购买节奏',
    'reason.preference.discounted-orders': '{orders} 单中有 {discounted} 单使用了优惠',
    'reason.preference.low-unit-price': '平均单价 {avgUnitPrice}，低于店铺中位数 {shopMedian}',
    'reason.preference.high-unit-price': '平均单价 {avgUnitPrice}，高于店铺中位数 {shopMedian}，且很少退款',
    'reason.preference.top-category': '在「{category}」消费 {spend}',
    'reason.geography.country': '{orders} 单寄往 {country}',
    'reason.geography.unknown': '没有收货国家记录',
    'reason.customer-type.wholesale-qty': '单笔订单中同一商品买了 {maxQtyPerLine} 件（{limit} 件起视为批发）',
    'reason.customer-type.items-per-order': '平均每单 {itemsPerOrder} 件',
    'reason.customer-type.business-name': '名称中包含“{word}”',
    'reason.customer-type.consumer': '没有企业或分销迹象',
    'reason.prediction.ok':
      'BG/NBD：复购 {x} 次，存活概率 {pAlive}，预计 {horizonDays} 天内下单 {expectedOrders} 次',
    'reason.prediction.order-value': 'Gamma-Gamma：复购平均客单价 {zbar} → 预期客单价 {expectedOrderValue}',
    'reason.prediction.not-enough-history':
      '店铺复购买家仅 {repeatBuyers} 位（预测需要 {minRepeatBuyers} 位）',
    'reason.prediction.no-purchase': '尚无付款订单',
    'reason.unknown': '{code}',
  },
);

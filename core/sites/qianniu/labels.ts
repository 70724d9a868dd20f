/**
 * The words and digit shapes of 已卖出的宝贝 that outlive every restyle (sites-2026.md, Qianniu
 * section: "labels (订单编号：, 买家, 实收款) and digit patterns are steadier than class names").
 * Times on the page are Beijing time (UTC+8) whatever the browser's zone.
 */
export const BEIJING_OFFSET = 480;

/** 订单号：3901234567890123456 / 订单编号: … (Taobao order ids have 15–20 digits). */
export const ORDER_NO = /订单(?:编)?号\s*[:：]?\s*(\d{12,25})/;

/** 创建时间 (or, where a list shows only that, 支付时间 / 成交时间 / 下单时间) and its date-time. */
export const PLACED_AT =
  /(?:创建时间|下单时间|成交时间|支付时间|付款时间)\s*[:：]?\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/;

/** "买家：nick" / "买家昵称：nick" in the order header. */
export const BUYER_LABEL = /^买家(?:昵称|旺旺)?\s*[:：]\s*(\S.*)$/;

/** "实收款：￥128.00" where the amount is labelled in the row itself. */
export const REAL_PAY_LABEL = /实收款\s*[:：]?\s*(?:\(含快递[^)]*\)\s*)?([¥￥]?\s*\d[\d,]*(?:\.\d+)?)/;

/** Column headings of the sold-orders table, which name the cells of each item row. */
export const COLUMNS = {
  price: /^单价/,
  quantity: /^数量/,
  status: /^交易状态/,
  realPay: /^实收款/,
  buyer: /^买家/,
} as const;

export type Column = keyof typeof COLUMNS;

/** "商家编码：ABC-1" (the seller's SKU) under an item title. */
export const SELLER_CODE = /商家编码\s*[:：]\s*([\w-]{1,64})/;

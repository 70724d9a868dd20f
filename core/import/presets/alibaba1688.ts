import type { Preset } from '../mapping';

/** 1688.com seller 订单导出: one row per line item with the order's fields repeated. */
export const alibaba1688: Preset = {
  id: '1688',
  label: '1688 订单导出',
  platform: '1688',
  currency: 'CNY',
  since: 1999,
  layouts: [
    {
      name: '订单导出',
      columns: {
        orderId: ['订单编号', '订单号'],
        buyerId: ['买家会员名', '买家会员', '买家账号', '买家公司名'],
        buyerName: ['买家公司名', '收货人姓名'],
        date: ['订单创建时间', '下单时间', '创建时间'],
        total: ['实付款(元)', '实付款', '订单金额(元)'],
        status: ['订单状态'],
        item: ['货品标题', '商品名称'],
        quantity: ['数量', '购买数量'],
        unitPrice: ['单价(元)', '单价'],
        sku: ['单品货号', '货号', 'SKU ID'],
        category: ['货品种类'],
        subtotal: ['货品总价(元)'],
        shipping: ['运费(元)'],
      },
      signature: ['卖家会员名', '卖家公司名', '货品总价(元)', '运费(元)', 'Offer ID'],
    },
  ],
};

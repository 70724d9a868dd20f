import type { Preset } from '../mapping';

/** Fallback for hand-made sheets with everyday column names (English and Chinese). */
export const generic: Preset = {
  id: 'generic',
  label: 'Generic order list',
  platform: 'import',
  layouts: [
    {
      name: 'Generic',
      columns: {
        orderId: ['order id', 'order number', 'order no', 'order', '订单号', '订单编号'],
        buyerId: [
          'buyer id',
          'customer id',
          'buyer',
          'customer',
          'email',
          'phone',
          '买家',
          '客户',
          '客户id',
          '手机号',
        ],
        buyerName: ['buyer name', 'customer name', 'name', '姓名', '客户名称'],
        date: ['order date', 'date', 'created at', 'time', '日期', '下单时间', '时间'],
        total: ['total', 'amount', 'order total', 'sales', 'revenue', '金额', '总额', '实付金额'],
        quantity: ['quantity', 'qty', '数量'],
        unitPrice: ['unit price', 'price', '单价'],
        status: ['status', '状态'],
        item: ['item', 'product', 'title', '商品', '商品名称'],
        sku: ['sku', '货号'],
        category: ['category', '类目', '分类'],
        country: ['country', '国家'],
        currencyColumn: ['currency', '币种'],
      },
    },
  ],
};

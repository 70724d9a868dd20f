import type { Preset } from '../mapping';

/** Taobao / Tmall seller centre 订单报表 (ExportOrderList): one row per order, GBK encoded. */
export const taobao: Preset = {
  id: 'taobao',
  label: 'Taobao / Tmall 订单报表',
  platform: 'taobao',
  currency: 'CNY',
  since: 2003,
  layouts: [
    {
      name: '订单报表',
      columns: {
        orderId: ['订单编号', '订单号'],
        buyerId: ['买家会员名', '买家昵称', '买家会员名称'],
        buyerName: ['收货人姓名'],
        date: ['订单创建时间', '创建时间', '下单时间', '订单付款时间'],
        total: ['买家实际支付金额', '实付金额', '实付款', '总金额'],
        status: ['订单状态'],
        item: ['宝贝标题', '商品标题'],
        quantity: ['宝贝总数量', '宝贝数量', '购买数量'],
        shipping: ['买家应付邮费'],
        refunded: ['退款金额'],
      },
      signature: ['买家支付宝账号', '买家应付货款', '买家应付邮费', '宝贝种类', '店铺名称', '订单关闭原因'],
    },
  ],
};

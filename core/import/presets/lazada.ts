import type { Preset } from '../mapping';

/**
 * Lazada seller centre order export: one row per unit (Order Item Id), `Paid Price` per row is
 * summed. Buyers key on the customer name because the e-mail column is masked in many markets.
 */
export const lazada: Preset = {
  id: 'lazada',
  label: 'Lazada orders',
  platform: 'lazada',
  since: 2012,
  dayFirst: true,
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order Number', 'Order No.', 'orderNumber'],
        buyerId: ['Customer Name', 'Customer Email', 'customerName'],
        buyerName: ['Shipping Name', 'Customer Name'],
        date: ['Created at', 'Order Date', 'createTime'],
        lineTotal: ['Paid Price', 'paidPrice'],
        unitPrice: ['Unit Price', 'unitPrice'],
        status: ['Status', 'status'],
        item: ['Item Name', 'itemName'],
        sku: ['Seller SKU', 'sellerSku'],
        country: ['Shipping Country', 'Billing Country'],
      },
      signature: ['Order Item Id', 'Lazada Id', 'Lazada SKU', 'Seller SKU', 'Shipping Provider'],
    },
  ],
};

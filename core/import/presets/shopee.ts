import type { Preset } from '../mapping';

/** Shopee seller centre order export (one row per product line). Currency depends on the market. */
export const shopee: Preset = {
  id: 'shopee',
  label: 'Shopee orders',
  platform: 'shopee',
  since: 2015,
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order ID', 'Order SN', 'Order No.'],
        buyerId: ['Username (Buyer)', 'Buyer Username'],
        buyerName: ['Receiver Name', 'Recipient Name'],
        date: ['Order Creation Date', 'Order Created Time', 'Created Time'],
        total: ['Grand Total', 'Total Amount', 'Order Total'],
        status: ['Order Status'],
        item: ['Product Name'],
        sku: ['SKU Reference No.', 'Parent SKU Reference No.'],
        quantity: ['Quantity'],
        unitPrice: ['Deal Price', 'Unit Price'],
        country: ['Country'],
      },
      signature: ['Username (Buyer)', 'Tracking Number*', 'Shipping Option', 'Deal Price', 'Order Paid Time'],
    },
  ],
};

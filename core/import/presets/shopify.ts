import type { Preset } from '../mapping';

/**
 * Shopify admin orders export: one row per line item; order fields (Email, Total, Financial
 * Status…) are filled on the first row only, later rows inherit them.
 */
export const shopify: Preset = {
  id: 'shopify',
  label: 'Shopify orders export',
  platform: 'shopify',
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Name'],
        buyerId: ['Email'],
        buyerName: ['Billing Name', 'Shipping Name'],
        date: ['Created at', 'Paid at'],
        total: ['Total'],
        currencyColumn: ['Currency'],
        status: ['Financial Status'],
        cancelled: ['Cancelled at'],
        quantity: ['Lineitem quantity'],
        unitPrice: ['Lineitem price'],
        item: ['Lineitem name'],
        sku: ['Lineitem sku'],
        discount: ['Discount Amount'],
        country: ['Shipping Country', 'Billing Country'],
      },
      signature: [
        'Lineitem requires shipping',
        'Fulfillment Status',
        'Accepts Marketing',
        'Lineitem compare at price',
      ],
    },
  ],
};

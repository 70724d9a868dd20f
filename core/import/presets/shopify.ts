import type { Preset } from '../mapping';

/**
 * Shopify admin orders export: one row per line item; order fields (Email, Financial Status,
 * Currency, Total, Shipping, Taxes, Cancelled at, Refunded Amount…) are filled on the first row
 * only, later rows inherit them (an empty Financial Status is not "paid"). `Total` includes
 * shipping and taxes; a partial refund's Refunded Amount comes off it.
 */
export const shopify: Preset = {
  id: 'shopify',
  label: 'Shopify orders export',
  platform: 'shopify',
  since: 2006,
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Name'],
        buyerId: ['Email'],
        // Cash-on-delivery and draft orders often have no e-mail: the phone is the handle.
        buyerFallback: ['Billing Phone', 'Shipping Phone', 'Phone'],
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
        shipping: ['Shipping'],
        tax: ['Taxes'],
        refunded: ['Refunded Amount'],
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

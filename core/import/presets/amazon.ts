import type { Preset } from '../mapping';

/**
 * Amazon Seller Central order report (tab-separated): one row per order item; `item-price` is
 * the line's total, so it is summed into the order total.
 */
export const amazon: Preset = {
  id: 'amazon',
  label: 'Amazon order report',
  platform: 'amazon',
  currency: 'USD',
  layouts: [
    {
      name: 'Order report',
      columns: {
        orderId: ['amazon-order-id', 'order-id'],
        buyerId: ['buyer-email', 'buyer-name'],
        buyerName: ['buyer-name', 'recipient-name'],
        date: ['purchase-date', 'payments-date'],
        lineTotal: ['item-price'],
        quantity: ['quantity-purchased', 'quantity', 'quantity-shipped'],
        currencyColumn: ['currency'],
        status: ['order-status', 'item-status'],
        item: ['product-name'],
        sku: ['sku'],
        discount: ['item-promotion-discount'],
        country: ['ship-country'],
      },
      signature: ['asin', 'order-item-id', 'merchant-order-id', 'sales-channel', 'ship-service-level'],
    },
  ],
};

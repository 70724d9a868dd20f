import type { Preset } from '../mapping';

/**
 * Amazon Seller Central order report (tab-separated): one row per order item; `item-price` is
 * the line's total, so spend is item-price + shipping-price + item-tax + shipping-tax −
 * item-promotion-discount − ship-promotion-discount per line, summed over the order. Currency may be written `CDN`.
 */
export const amazon: Preset = {
  id: 'amazon',
  label: 'Amazon order report',
  platform: 'amazon',
  currency: 'USD',
  since: 1995,
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
        lineDiscount: ['item-promotion-discount'],
        lineShippingDiscount: ['ship-promotion-discount'],
        lineShipping: ['shipping-price'],
        lineTax: ['item-tax'],
        lineShippingTax: ['shipping-tax'],
        country: ['ship-country'],
      },
      signature: ['asin', 'order-item-id', 'merchant-order-id', 'sales-channel', 'ship-service-level'],
    },
  ],
};

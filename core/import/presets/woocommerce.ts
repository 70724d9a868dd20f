import type { Preset } from '../mapping';

/**
 * WooCommerce: the built-in Analytics › Orders download (one row per order, customer name as
 * the buyer) and the common order-export plugin layout (billing e-mail, one row per item).
 */
export const woocommerce: Preset = {
  id: 'woocommerce',
  label: 'WooCommerce orders',
  platform: 'woocommerce',
  since: 2011,
  layouts: [
    {
      name: 'Analytics orders',
      columns: {
        orderId: ['Order #'],
        buyerId: ['Customer'],
        date: ['Date'],
        total: ['Net Sales'],
        status: ['Status'],
        item: ['Product(s)'],
        quantity: ['Items sold'],
      },
      signature: ['Customer type', 'Coupon(s)', 'Attribution', 'Items sold'],
    },
    {
      name: 'Order export',
      columns: {
        orderId: ['Order Number', 'Order ID', 'order_id'],
        buyerId: ['Email (Billing)', 'Billing Email', 'billing_email', 'Customer Email'],
        buyerName: ['First Name (Billing)', 'Billing First Name', 'Customer Name'],
        date: ['Order Date', 'order_date'],
        total: ['Order Total Amount', 'Order Total', 'order_total'],
        currencyColumn: ['Order Currency'],
        status: ['Order Status'],
        item: ['Item Name', 'Product Name', 'item_name'],
        sku: ['SKU', 'sku'],
        quantity: ['Quantity', 'Quantity (- Refund)', 'qty'],
        unitPrice: ['Item Cost', 'Item Price'],
        discount: ['Cart Discount Amount', 'Order Discount Amount'],
        shipping: ['Order Shipping Amount', 'Shipping Total'],
        tax: ['Order Total Tax Amount', 'Tax Total'],
        refunded: ['Order Refund Amount'],
        country: ['Country Code (Billing)', 'Billing Country', 'Country Code (Shipping)', 'Shipping Country'],
      },
      signature: ['Payment Method Title', 'Customer Note', 'Order Subtotal Amount', 'Shipping Method Title'],
    },
  ],
};

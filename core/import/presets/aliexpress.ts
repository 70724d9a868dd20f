import type { Preset } from '../mapping';

/** AliExpress seller centre order export. */
export const aliexpress: Preset = {
  id: 'aliexpress',
  label: 'AliExpress orders',
  platform: 'aliexpress',
  since: 2010,
  currency: 'USD',
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order ID', 'Order Number', 'Order No.'],
        buyerId: ['Buyer Login ID', 'Buyer ID', 'Buyer Name', 'Buyer'],
        buyerName: ['Buyer Name', 'Receiver Name'],
        date: ['Order Time', 'Order Date', 'Payment Time', 'Created Time'],
        total: ['Order Amount', 'Payment Amount', 'Total Amount'],
        currencyColumn: ['Currency'],
        status: ['Order Status'],
        item: ['Product Information', 'Product Name', 'Product Title'],
        quantity: ['Quantity', 'Product Quantity'],
        unitPrice: ['Unit Price', 'Product Price'],
        sku: ['Merchant SKU', 'SKU'],
        country: ['Buyer Country', 'Shipping Country', 'Country'],
      },
      signature: [
        'Store Name',
        'Logistics Service',
        'Product Information',
        'Buyer Login ID',
        'Tracking Number',
      ],
    },
  ],
};

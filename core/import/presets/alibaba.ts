import type { Preset } from '../mapping';

/** Alibaba.com (international B2B) order list export. */
export const alibaba: Preset = {
  id: 'alibaba',
  label: 'Alibaba.com orders',
  platform: 'alibaba',
  since: 1999,
  currency: 'USD',
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order No.', 'Order Number', 'Trade Assurance Order No.', 'Order ID'],
        buyerId: ['Buyer Name', 'Buyer', 'Buyer Account', 'Buyer Company'],
        buyerName: ['Buyer Contact', 'Contact Name', 'Buyer Company'],
        date: ['Order Date', 'Create Time', 'Created Time', 'Order Time'],
        total: ['Order Amount', 'Total Amount', 'Order Total'],
        currencyColumn: ['Currency'],
        status: ['Order Status', 'Status'],
        item: ['Product Name', 'Product'],
        quantity: ['Quantity'],
        unitPrice: ['Unit Price'],
        country: ['Buyer Country/Region', 'Country/Region', 'Buyer Country'],
      },
      signature: ['Trade Assurance Order No.', 'Buyer Country/Region', 'Buyer Company', 'Buyer Contact'],
    },
  ],
};

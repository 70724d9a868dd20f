import type { Preset } from '../mapping';

/**
 * eBay Seller Hub orders report and Selling Manager `SalesHistory.csv` (blank first line, a tab
 * before the first header cell, `Jan-18-16` dates, record-count footer lines). Multi-item orders
 * have an order row (with the total) followed by item rows under the same order number; the
 * total is taken once.
 */
export const ebay: Preset = {
  id: 'ebay',
  label: 'eBay orders report',
  platform: 'ebay',
  currency: 'USD',
  dayFirst: false,
  since: 1995,
  layouts: [
    {
      name: 'Orders report',
      columns: {
        orderId: ['Order Number', 'Sales Record Number'],
        buyerId: ['Buyer Username', 'User Id', 'Buyer User ID'],
        buyerName: ['Buyer Name', 'Buyer Fullname'],
        date: ['Sale Date', 'Paid On Date'],
        total: ['Total Price', 'Total'],
        unitPrice: ['Sold For', 'Sale Price'],
        quantity: ['Quantity'],
        shipping: ['Shipping And Handling', 'Shipping and Handling'],
        tax: ['eBay Collected Tax', 'Sales Tax', 'US Tax'],
        item: ['Item Title'],
        sku: ['Custom Label', 'Custom label (SKU)'],
        country: ['Ship To Country', 'Buyer Country'],
      },
      signature: ['Sales Record Number', 'Item Number', 'Buyer Username', 'Ship To Country', 'Sold For'],
    },
  ],
};

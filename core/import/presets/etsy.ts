import type { Preset } from '../mapping';

/**
 * Etsy shop manager CSV downloads. Both the Orders file (one row per order) and the Order Items
 * file (one row per item) key buyers on the `Buyer` column so the two give the same buyer keys.
 * Etsy writes dates as MM/DD/YY.
 */
export const etsy: Preset = {
  id: 'etsy',
  label: 'Etsy orders / order items',
  platform: 'etsy',
  currency: 'USD',
  dayFirst: false,
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order ID'],
        buyerId: ['Buyer', 'Buyer User ID'],
        buyerName: ['Full Name'],
        date: ['Sale Date'],
        total: ['Order Total', 'Order Value'],
        currencyColumn: ['Currency'],
        discount: ['Discount Amount'],
        status: ['Status'],
        country: ['Ship Country'],
      },
      signature: [
        'Buyer User ID',
        'Order Net',
        'Card Processing Fees',
        'Adjusted Order Total',
        'Number of Items',
      ],
    },
    {
      name: 'Order items',
      columns: {
        orderId: ['Order ID'],
        buyerId: ['Buyer'],
        buyerName: ['Ship Name'],
        date: ['Sale Date'],
        lineTotal: ['Item Total'],
        quantity: ['Quantity'],
        unitPrice: ['Price'],
        item: ['Item Name'],
        sku: ['SKU'],
        currencyColumn: ['Currency'],
        discount: ['Discount Amount'],
        country: ['Ship Country'],
      },
      signature: ['Transaction ID', 'Listing ID', 'Item Name', 'Variations', 'Item Total'],
    },
  ],
};

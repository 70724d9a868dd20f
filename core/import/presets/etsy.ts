import type { Preset } from '../mapping';

/**
 * Etsy shop manager CSV downloads: the Orders file (one row per order; buyers keyed by Buyer
 * User ID, by the plain Buyer name where it is empty) and the Order Items file (one row per
 * item; Buyer is "Full Name (username)", keyed by the username). UK and Canadian shops get
 * "Delivery" wording (Delivery Name, Delivery Country, Order Delivery). Dates are MM/DD/YY.
 */
export const etsy: Preset = {
  id: 'etsy',
  label: 'Etsy orders / order items',
  platform: 'etsy',
  currency: 'USD',
  dayFirst: false,
  since: 2005,
  buyerHandleInParens: true,
  layouts: [
    {
      name: 'Orders',
      columns: {
        orderId: ['Order ID'],
        buyerId: ['Buyer User ID', 'Buyer'],
        // Buyer User ID is empty on some rows: the plain buyer name stands in (and joins the
        // id-keyed buyer when another row shows that name with an id).
        buyerFallback: ['Buyer'],
        buyerName: ['Full Name', 'Buyer'],
        date: ['Sale Date'],
        total: ['Order Total', 'Order Value'],
        subtotal: ['Order Value'],
        shipping: ['Shipping', 'Delivery', 'Order Delivery', 'Order Shipping'],
        tax: ['Sales Tax'],
        currencyColumn: ['Currency'],
        discount: ['Discount Amount'],
        status: ['Status'],
        country: ['Ship Country', 'Delivery Country'],
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
        // "Full Name (username)"; the username is the id (see buyerHandleInParens).
        buyerId: ['Buyer'],
        buyerName: ['Ship Name', 'Delivery Name'],
        date: ['Sale Date'],
        shipping: ['Order Shipping', 'Order Delivery'],
        tax: ['Order Sales Tax'],
        lineTotal: ['Item Total'],
        quantity: ['Quantity'],
        unitPrice: ['Price'],
        item: ['Item Name'],
        sku: ['SKU'],
        currencyColumn: ['Currency'],
        discount: ['Discount Amount'],
        country: ['Ship Country', 'Delivery Country'],
      },
      signature: ['Transaction ID', 'Listing ID', 'Item Name', 'Variations', 'Item Total'],
    },
  ],
};

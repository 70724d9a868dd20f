import type { Preset } from '../mapping';

/**
 * The "Online Retail" invoice-line layout (UK gift retailer data set and similar ERP exports):
 * invoices starting with C are credit notes, negative quantities are returns.
 */
export const onlineRetail: Preset = {
  id: 'online-retail',
  label: 'Invoice lines (Online Retail)',
  platform: 'online-retail',
  currency: 'GBP',
  dayFirst: false,
  creditNotePrefix: 'C',
  layouts: [
    {
      name: 'Invoice lines',
      columns: {
        orderId: ['InvoiceNo', 'Invoice'],
        buyerId: ['CustomerID', 'Customer ID'],
        date: ['InvoiceDate'],
        quantity: ['Quantity'],
        unitPrice: ['UnitPrice', 'Price'],
        item: ['Description'],
        sku: ['StockCode'],
        country: ['Country'],
      },
      signature: ['StockCode', 'InvoiceNo', 'InvoiceDate', 'UnitPrice'],
    },
  ],
};

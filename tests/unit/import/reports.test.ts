import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../components/i18n/catalogues';
import { ImportError } from '../../../core/import/errors';
import { recogniseUnusableReport, UNUSABLE_REPORTS } from '../../../core/import/reports';
import { importText } from '../../../core/import/text';

const AMAZON_ALL_ORDERS =
  'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tship-city\tship-state\tship-postal-code\tship-country';
const AMAZON_UNSHIPPED =
  'order-id\torder-item-id\tpurchase-date\tpayments-date\treporting-date\tpromise-date\tdays-past-promise\tbuyer-email\tbuyer-name\tbuyer-phone-number\tsku\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\tship-service-level\trecipient-name\tship-address-1\tship-city\tship-country';
const TMALL = '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额';

function errorOf(text: string, preset?: string): ImportError {
  try {
    importText(text, { timeZone: 'UTC', now: 1, preset });
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('reports that cannot be imported', () => {
  it('names Amazon All Orders (no buyer), Unshipped (no price) and the Tmall teaching set (no buyer)', () => {
    expect(recogniseUnusableReport(AMAZON_ALL_ORDERS.split('\t'))).toMatchObject({
      id: 'amazon-all-orders',
      lacks: 'buyer',
    });
    expect(recogniseUnusableReport(AMAZON_UNSHIPPED.split('\t'))).toMatchObject({
      id: 'amazon-unshipped',
      lacks: 'amount',
    });
    expect(recogniseUnusableReport(TMALL.split(','))).toMatchObject({
      id: 'tmall-teaching-set',
      lacks: 'buyer',
    });
  });

  it('leaves importable headers alone', () => {
    const newOrders =
      'order-id\torder-item-id\tpurchase-date\tbuyer-email\tbuyer-name\tquantity-purchased\tcurrency\titem-price';
    expect(recogniseUnusableReport(newOrders.split('\t'))).toBeUndefined();
    expect(
      recogniseUnusableReport('订单编号,买家会员名,买家实际支付金额,收货地址'.split(',')),
    ).toBeUndefined();
    expect(recogniseUnusableReport(['order_id', 'buyer_id', 'date', 'total'])).toBeUndefined();
  });

  it('stops the import with an unusable-report error, auto-detected or with the preset chosen', () => {
    const rows = `${AMAZON_ALL_ORDERS}\n111-1\t\t2024-01-01T00:00:00Z\t2024-01-02T00:00:00Z\tShipped\tMerchant\tAmazon.com\t\t\tStandard\tMug\tS1\tB0X\tShipped\t1\tUSD\t9.99\t0\t0\t0\tX\tY\t1\tUS\n`;
    for (const preset of [undefined, 'amazon']) {
      const e = errorOf(rows, preset);
      expect(e.code).toBe('unusable-report');
      expect(e.report?.id).toBe('amazon-all-orders');
      expect(e.message).toMatch(/^line 1: .*no buyer column/);
    }
    expect(errorOf(`${TMALL}\n1,10,10,x,2020-01-01,2020-01-01,0\n`).report?.id).toBe('tmall-teaching-set');
  });

  it('has both locales for every report it can name', () => {
    for (const r of UNUSABLE_REPORTS) {
      for (const key of [r.whatKey, r.insteadKey]) {
        const owner = CATALOGUES.find((c) => key in c.en);
        expect(owner, key).toBeDefined();
        const zh: Record<string, string> = owner?.zh_CN ?? {};
        expect(zh[key], key).toBeTruthy();
      }
    }
  });
});

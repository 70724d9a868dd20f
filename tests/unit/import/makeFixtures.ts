/**
 * Writes the GBK fixture files once: `npx tsx tests/unit/import/makeFixtures.ts`.
 * The UTF-8 source text lives here so the fixtures can be regenerated and reviewed.
 */
import { writeFileSync } from 'node:fs';
import { encodeGbk } from './gbk';

export const TAOBAO_TEXT = [
  '订单报表',
  '导出时间：2024-03-01 10:00:00',
  '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家实际支付金额,订单状态,收货人姓名,订单创建时间,宝贝标题 ,宝贝总数量,店铺名称',
  '="3012345678901234",小明的店,xm***@163.com,120.00,￥118.50,交易成功,王小明,2024-01-02 13:04:05,"夏季T恤, 纯棉",2,示例店',
  '="3012345678901235",ａｂｃ买家,abc***@qq.com,59.90,59.90,卖家已发货，等待买家确认,李四,2024/1/5 9:30,帆布鞋,1,示例店',
  '="3012345678901236",小明的店,xm***@163.com,30.00,30.00,交易关闭,王小明,2024-01-06 20:00:00,袜子,3,示例店',
  '="3012345678901237",退款哥,t***@qq.com,88.00,88.00,已退款,赵六,2024-01-07 08:00:00,帽子,1,示例店',
  '="3012345678901238",等付款,w***@qq.com,10.00,10.00,等待买家付款,钱七,2024-01-08 08:00:00,手套,1,示例店',
  '',
].join('\r\n');

export const ALI1688_TEXT = [
  '订单编号,买家公司名,买家会员名,卖家会员名,货品总价(元),运费(元),实付款(元),订单状态,订单创建时间,货品标题,单价(元),数量,单品货号,货品种类',
  '1001,义乌小商品公司,yiwu_buyer,seller1,100.00,10.00,110.00,交易成功,2024-02-01 10:00:00,发夹,2.50,20,FJ-01,饰品',
  '1001,义乌小商品公司,yiwu_buyer,seller1,100.00,10.00,110.00,交易成功,2024-02-01 10:00:00,头绳,1.00,50,TS-02,饰品',
  '1002,广州贸易,gz_trade,seller1,200.00,0.00,200.00,等待买家确认收货,2024-02-03 15:30:00,围巾,20.00,10,WJ-03,服装',
  '',
].join('\r\n');

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('../../fixtures/import/', import.meta.url);
  writeFileSync(new URL('taobao.csv', dir), encodeGbk(TAOBAO_TEXT));
  writeFileSync(new URL('1688.csv', dir), encodeGbk(ALI1688_TEXT));
}

/** Fixed demo vocabulary: products, names and chat lines. Invented for the demo. */

export interface Product {
  title: string;
  sku: string;
  category: string;
  /** Unit price range in fen. */
  price: readonly [number, number];
}

export const CATEGORIES = [
  '家居 Home',
  '服饰 Apparel',
  '数码 Electronics',
  '美妆 Beauty',
  '食品 Food',
] as const;

const P = (title: string, sku: string, category: string, lo: number, hi: number): Product => ({
  title,
  sku,
  category,
  price: [lo, hi],
});

export const PRODUCTS: readonly Product[] = [
  P('北欧陶瓷马克杯 Nordic Ceramic Mug', 'HM-MUG-01', '家居 Home', 3900, 5900),
  P('纯棉四件套 Cotton Bedding Set', 'HM-BED-04', '家居 Home', 19900, 39900),
  P('香薰蜡烛 Scented Candle', 'HM-CDL-02', '家居 Home', 4900, 6900),
  P('收纳盒三件套 Storage Box Set', 'HM-BOX-03', '家居 Home', 2990, 4590),
  P('记忆棉枕头 Memory Foam Pillow', 'HM-PIL-01', '家居 Home', 8900, 15900),
  P('纯棉短袖T恤 Cotton T-Shirt', 'AP-TEE-11', '服饰 Apparel', 5900, 9900),
  P('羊毛围巾 Wool Scarf', 'AP-SCF-02', '服饰 Apparel', 12900, 25900),
  P('牛仔外套 Denim Jacket', 'AP-JKT-05', '服饰 Apparel', 19900, 35900),
  P('运动袜5双装 Sport Socks 5-Pack', 'AP-SCK-05', '服饰 Apparel', 2900, 3900),
  P('真丝睡衣 Silk Pajamas', 'AP-PJS-01', '服饰 Apparel', 29900, 59900),
  P('蓝牙耳机 Bluetooth Earbuds', 'EL-EAR-02', '数码 Electronics', 15900, 39900),
  P('65W氮化镓充电器 65W GaN Charger', 'EL-CHG-65', '数码 Electronics', 9900, 16900),
  P('机械键盘 Mechanical Keyboard', 'EL-KBD-87', '数码 Electronics', 29900, 69900),
  P('手机壳 Phone Case', 'EL-CAS-15', '数码 Electronics', 1990, 4900),
  P('移动电源 20000mAh Power Bank', 'EL-PWR-20', '数码 Electronics', 12900, 19900),
  P('玻尿酸精华液 Hyaluronic Serum', 'BT-SRM-30', '美妆 Beauty', 12900, 26900),
  P('防晒霜 SPF50 Sunscreen', 'BT-SUN-50', '美妆 Beauty', 7900, 15900),
  P('哑光口红 Matte Lipstick', 'BT-LIP-07', '美妆 Beauty', 9900, 22900),
  P('补水面膜10片装 Hydrating Masks x10', 'BT-MSK-10', '美妆 Beauty', 4900, 9900),
  P('温和卸妆油 Cleansing Oil', 'BT-OIL-20', '美妆 Beauty', 8900, 16900),
  P('云南普洱茶饼 Pu-erh Tea Cake', 'FD-TEA-35', '食品 Food', 8800, 36800),
  P('每日坚果礼盒 Daily Nuts Gift Box', 'FD-NUT-30', '食品 Food', 9900, 15900),
  P('手工牛轧糖 Handmade Nougat', 'FD-NGT-50', '食品 Food', 3900, 6900),
  P('挂耳咖啡20包 Drip Coffee x20', 'FD-COF-20', '食品 Food', 4900, 8900),
  P('五常大米5kg Wuchang Rice 5kg', 'FD-RCE-05', '食品 Food', 7900, 12900),
];

export const CN_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
export const CN_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '婷',
  '雪',
  '晨',
  '思远',
  '子涵',
  '雨桐',
  '浩然',
  '欣怡',
  '梓轩',
  '一诺',
];
export const CN_NICKS = [
  '小鱼儿旗舰店采购',
  '爱吃猫的鱼',
  '晴天娃娃',
  '阿福杂货铺',
  '木子李',
  '一只小熊',
  '奶茶三分糖',
  '山间清风',
  '柠檬不萌',
  '橘子汽水',
  '慢慢来',
  '夏天的风',
  '熊猫滚滚',
  '小确幸',
  '甜甜圈',
];
export const EN_FIRST = [
  'Emily',
  'James',
  'Olivia',
  'Michael',
  'Sophia',
  'Daniel',
  'Grace',
  'Ethan',
  'Chloe',
  'Ryan',
  'Hannah',
  'Lucas',
];
export const EN_LAST = [
  'Miller',
  'Johnson',
  'Brown',
  'Davis',
  'Wilson',
  'Taylor',
  'Anderson',
  'Clark',
  'Walker',
  'Young',
];
/** Singapore and Malaysia buyers (country code first). */
export const SEA_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['SG', 'Tan Wei Ming'],
  ['SG', 'Lim Mei Ling'],
  ['SG', 'Ng Jun Jie'],
  ['SG', 'Priya Raman'],
  ['SG', 'Goh Hui Min'],
  ['MY', 'Nur Aisyah binti Ahmad'],
  ['MY', 'Muhammad Hafiz'],
  ['MY', 'Wong Siew Lan'],
  ['MY', 'Lee Chong Wei'],
  ['MY', 'Siti Nurhaliza'],
];
export const JP_NAMES = ['佐藤 美咲', '鈴木 大輔', 'Tanaka Hiroshi', '高橋 さくら', 'Yamamoto Ken'];
export const COMPANIES: ReadonlyArray<readonly [string, string]> = [
  ['CN', '杭州优品贸易有限公司'],
  ['CN', '深圳市华强电子商行'],
  ['CN', '义乌小商品批发部'],
  ['CN', '广州美妆批发中心'],
  ['CN', '上海家居集采部'],
  ['US', 'Acme Trading Co., Ltd.'],
  ['SG', 'Lion City Supplies Pte. Ltd.'],
  ['MY', 'KL Home Mart Sdn Bhd'],
];
export const ID_SYLLABLES = [
  'xiao',
  'yu',
  'mei',
  'li',
  'wang',
  'zhang',
  'chen',
  'lin',
  'tian',
  'yun',
  'feng',
  'le',
  'an',
  'bao',
  'sunny',
  'momo',
  'lucky',
  'coco',
];

export type Topic = 'greet' | 'price' | 'quality' | 'shipping' | 'service' | 'wholesale';

/** Buyer lines per topic, each with a seller reply. */
export const CHAT_LINES: Record<Topic, ReadonlyArray<readonly [string, string]>> = {
  greet: [
    ['在吗？', '亲，在的～有什么可以帮您？'],
    ['Hi, is this still available?', 'Hi! Yes, it is in stock and ships today.'],
  ],
  price: [
    ['能便宜点吗？买两件有优惠吗？', '亲，满2件打9折，领券再减10元哦'],
    ['有没有优惠券？老顾客了', '给您发了一张专属优惠券，下单自动抵扣～'],
    ['Any discount if I order 5?', 'For 5 or more we can do 10% off.'],
  ],
  quality: [
    ['这个质量怎么样？会不会掉色？', '纯棉面料，不掉色，支持七天无理由退换'],
    ['Is the mug dishwasher safe?', 'Yes, it is dishwasher and microwave safe.'],
    ['面料是纯棉的吗？', '是的亲，100%新疆长绒棉'],
  ],
  shipping: [
    ['今天能发货吗？发什么快递？', '16点前下单当天发货，默认中通，顺丰需补差价'],
    ['How long does shipping to Singapore take?', 'Usually 5–7 days to Singapore with tracking.'],
    ['Do you ship to the US?', 'Yes, 10–15 days to the US, tracking included.'],
  ],
  service: [
    ['收到的杯子有点破损，怎么处理？', '非常抱歉！麻烦拍张照片，我们马上为您补发'],
    ['可以开发票吗？', '可以的，请把抬头和税号发给我'],
    ["I'd like to return the item, how do I do it?", 'Sorry to hear that! I have sent you a return label.'],
  ],
  wholesale: [
    ['我们公司想批量采购200件，能出个报价吗？', '您好，200件以上可以给到批发价，稍后发您报价单'],
    [
      'Can you do a bulk price for 500 units?',
      'Sure, for 500 units we can offer 15% off plus free shipping.',
    ],
  ],
};

/** HTML building blocks for the demo pages. Every piece of buyer text goes through `esc`. */

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe to place inside a <script> element (no "</script>", no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** ¥1,234.50 from fen. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-11-20 14:32" in Beijing time: the demo shop is in China, whatever the test machine is. */
export function beijing(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",Segoe UI,sans-serif;color:#1f2329;background:#f5f6f8}
a{color:#1456f0;text-decoration:none}a:hover{text-decoration:underline}
.topbar{display:flex;align-items:center;gap:24px;padding:0 20px;height:52px;background:#fff;border-bottom:1px solid #e4e6eb}
.brand{font-weight:600;color:#ff5000}.topbar nav a{margin-right:16px;color:#4e5969}.topbar nav a[aria-current=page]{color:#ff5000;font-weight:600}
.chat-layout{display:grid;grid-template-columns:300px 1fr;height:calc(100vh - 52px)}
#conversation-list{background:#fff;border-right:1px solid #e4e6eb;overflow:auto}#conversation-list h2{font-size:13px;color:#86909c;margin:12px 16px}
#conversation-list ul{list-style:none;margin:0;padding:0}.conversation a{display:grid;grid-template-columns:1fr auto;padding:10px 16px;color:inherit;border-bottom:1px solid #f2f3f5}
.conversation[aria-selected=true] a{background:#fff3eb}.conversation-name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.conversation-time{font-size:12px;color:#86909c}.conversation-preview{grid-column:1/3;color:#86909c;font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#chat-panel{display:flex;flex-direction:column;min-width:0}#chat-header{padding:12px 20px;background:#fff;border-bottom:1px solid #e4e6eb}
.chat-buyer-name{font-size:16px;margin:0;display:inline;overflow-wrap:anywhere}.chat-buyer-id{margin-left:8px;color:#86909c;font-size:12px}
#message-thread{flex:1;overflow:auto;list-style:none;margin:0;padding:16px 20px}
.message{display:flex;flex-direction:column;margin:8px 0;max-width:70%}.message-seller{margin-left:auto;align-items:flex-end}
.message-author{font-size:12px;color:#86909c}.bubble{padding:8px 12px;border-radius:8px;background:#fff;border:1px solid #e4e6eb;white-space:pre-wrap;overflow-wrap:anywhere}
.message-seller .bubble{background:#e8f3ff;border-color:#bedaff}.message time{font-size:11px;color:#c9cdd4}
#reply-form{display:flex;gap:8px;padding:12px 20px;background:#fff;border-top:1px solid #e4e6eb}#reply-input{flex:1;height:72px;resize:none;padding:8px;border:1px solid #c9cdd4;border-radius:6px;font:inherit}
#send-button{padding:0 20px;background:#ff5000;color:#fff;border:0;border-radius:6px;font-weight:600;cursor:pointer}
.chat-empty{margin:auto;color:#86909c}
.orders-page{padding:20px}.orders-page h1{font-size:18px;margin:0 0 4px}.summary{color:#86909c;margin:0 0 12px}
#order-table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e4e6eb}#order-table th{background:#f7f8fa;color:#4e5969;font-weight:500;text-align:left}
#order-table th,#order-table td{padding:8px 10px;border-bottom:1px solid #f2f3f5;vertical-align:top}.items{margin:0;padding:0;list-style:none}
.buyer-name{max-width:220px;display:inline-block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.col-total{white-space:nowrap;font-weight:600}.discount{display:block;color:#f53f3f;font-weight:400}
.status{padding:2px 8px;border-radius:10px;font-size:12px}.status-paid{background:#e8ffea;color:#00b42a}.status-refunded{background:#fff7e8;color:#ff7d00}.status-cancelled{background:#f2f3f5;color:#86909c}
.pager{display:flex;gap:16px;align-items:center;margin:12px 0}#load-more{margin:12px 0;color:#86909c}
.index{max-width:560px;margin:60px auto;background:#fff;padding:32px;border-radius:8px;border:1px solid #e4e6eb}.index li{margin:8px 0}
`;

export type Section = 'home' | 'chat' | 'orders';

export function layout(title: string, section: Section, body: string): string {
  const nav = (href: string, key: Section, label: string) =>
    `<a href="${href}"${section === key ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><header class="topbar"><a class="brand" href="/">Demo Marketplace 卖家中心</a>
<nav>${nav('/chat', 'chat', '客服工作台 Chat')}${nav('/orders', 'orders', '订单列表 Orders')}</nav></header>
${body}
</body></html>`;
}

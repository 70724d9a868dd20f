import type { Order } from '../../core/model';
import { splitBuyerKey } from '../../core/model';
import type { DemoData } from './data';
import { beijing, esc, layout, yuan } from './html';

/*
 * /orders DOM contract (the demo adapter and e2e tests rely on it):
 *   table#order-table > tbody#order-rows > tr.order-row[data-order-id]
 *     td.col-order-id > a            order id
 *     td.col-date > time[datetime]   ISO instant; text is Beijing time "YYYY-MM-DD HH:mm"
 *     td.col-buyer > span.buyer-name[data-buyer-id]
 *     td.col-items > ul.items > li.item[data-sku][data-category]
 *         > span.item-title, span.item-qty ("×2"), span.item-price ("¥59.00")
 *     td.col-total > span.total-amount ("¥1,234.50"), span.discount (optional)
 *     td.col-status > span.status[data-status]   paid | refunded | cancelled
 *     td.col-country
 *   nav.pager a[rel=prev|next]; in infinite mode #load-more[data-next-page] and window.demoLoadMore().
 */

export const PAGE_SIZE = 50;

const STATUS_LABEL: Record<Order['status'], string> = {
  paid: '已付款 Paid',
  refunded: '已退款 Refunded',
  cancelled: '已取消 Cancelled',
};

/** Newest first, as a seller console lists them. */
export function ordersNewestFirst(data: DemoData): Order[] {
  return [...data.orders].sort((a, b) => b.placedAt - a.placedAt || b.orderId.localeCompare(a.orderId));
}

function rowHtml(o: Order, names: Map<string, string>): string {
  const buyerId = splitBuyerKey(o.buyerKey).buyerId;
  const name = names.get(buyerId) ?? o.buyerName ?? buyerId;
  const items = o.items
    .map(
      (it) =>
        `<li class="item" data-sku="${esc(it.sku ?? '')}" data-category="${esc(it.category ?? '')}"><span class="item-title">${esc(it.title)}</span> <span class="item-qty">×${it.qty}</span> <span class="item-price">${yuan(it.unitPrice)}</span></li>`,
    )
    .join('');
  const discount = o.discount ? `<span class="discount">优惠 Discount -${yuan(o.discount)}</span>` : '';
  return `<tr class="order-row" data-order-id="${esc(o.orderId)}"><td class="col-order-id"><a href="/orders#${esc(o.orderId)}">${esc(o.orderId)}</a></td><td class="col-date"><time datetime="${new Date(o.placedAt).toISOString()}">${beijing(o.placedAt)}</time></td><td class="col-buyer"><span class="buyer-name" data-buyer-id="${esc(buyerId)}" title="${esc(name)}">${esc(name)}</span></td><td class="col-items"><ul class="items">${items}</ul></td><td class="col-total"><span class="total-amount">${yuan(o.total)}</span>${discount}</td><td class="col-status"><span class="status status-${o.status}" data-status="${o.status}">${STATUS_LABEL[o.status]}</span></td><td class="col-country">${esc(o.shipCountry ?? '')}</td></tr>`;
}

export function nameIndex(data: DemoData): Map<string, string> {
  return new Map(data.buyers.map((b) => [b.id, b.name]));
}

/** The `<tr>` rows of one page (1-based), used by the page and by infinite scroll. */
export function orderRowsHtml(sorted: Order[], names: Map<string, string>, page: number): string {
  return sorted
    .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    .map((o) => rowHtml(o, names))
    .join('\n');
}

export function ordersPage(
  data: DemoData,
  sorted: Order[],
  names: Map<string, string>,
  page: number,
  infinite: boolean,
): string {
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = infinite ? 1 : Math.min(Math.max(1, page), pages);
  const pager = infinite
    ? `<div id="load-more" data-next-page="2" data-pages="${pages}">向下滚动加载更多 Scroll for more</div>`
    : `<nav class="pager" aria-label="分页 Pages">${current > 1 ? `<a rel="prev" href="/orders?page=${current - 1}">上一页 Prev</a>` : ''}<span class="page-info">第 ${current} / ${pages} 页 Page</span>${current < pages ? `<a rel="next" href="/orders?page=${current + 1}">下一页 Next</a>` : ''}</nav>`;
  const body = `<main class="orders-page">
<h1>订单列表 Orders</h1><p class="summary">共 ${sorted.length} 笔订单 · ${data.buyers.length} 位买家 · ${infinite ? '无限滚动 Infinite scroll' : `第 ${current} 页`}</p>
<table id="order-table"><thead><tr><th>订单号 Order ID</th><th>下单时间 Date</th><th>买家 Buyer</th><th>商品 Items</th><th>实付 Total</th><th>状态 Status</th><th>收货国家 Ship to</th></tr></thead>
<tbody id="order-rows">
${orderRowsHtml(sorted, names, current)}
</tbody></table>
${pager}
${infinite ? `<script>${INFINITE}</script>` : ''}
</main>`;
  return layout('订单列表 Orders — Demo Marketplace', 'orders', body);
}

// Appends the next page of rows (server-rendered and escaped) on scroll or on demoLoadMore().
const INFINITE = `
(function(){
  var box = document.getElementById('load-more'); var loading = null;
  window.demoLoadMore = function(){
    if (loading) return loading;
    var next = Number(box.getAttribute('data-next-page')); var pages = Number(box.getAttribute('data-pages'));
    if (next > pages) { box.textContent = '没有更多了 No more orders'; return Promise.resolve(0); }
    loading = fetch('/orders/rows?page=' + next).then(function(r){ return r.text(); }).then(function(html){
      var body = document.getElementById('order-rows'); var before = body.rows.length;
      body.insertAdjacentHTML('beforeend', html);
      box.setAttribute('data-next-page', String(next + 1)); loading = null;
      return body.rows.length - before;
    });
    return loading;
  };
  window.addEventListener('scroll', function(){
    if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 400) window.demoLoadMore();
  }, { passive: true });
})();
`;

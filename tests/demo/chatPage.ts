import type { DemoBuyer, DemoConversation, DemoData, DemoMessage } from './data';
import { beijing, esc, layout, scriptJson } from './html';

/*
 * /chat DOM contract (the demo adapter and e2e tests rely on it):
 *   #conversation-list li.conversation[data-buyer-id][aria-selected] > a[href="/chat?buyer=…"]
 *       > span.conversation-name[data-buyer-id], time.conversation-time, span.conversation-preview
 *   #chat-panel[data-buyer-id]  (no data-buyer-id and a .chat-empty box when nothing is open)
 *     #chat-header > h1.chat-buyer-name[data-buyer-id], span.chat-buyer-id
 *     ol#message-thread > li.message.message-buyer|message-seller[data-from][data-at]
 *         > span.message-author, div.bubble, time[datetime]
 *     form#reply-form > textarea#reply-input, button#send-button
 * The inline script re-renders #chat-panel with exactly this shape when switching conversations.
 */

const SELLER_LABEL = '我 Me';

function messageHtml(m: DemoMessage, buyerName: string): string {
  const author = m.from === 'buyer' ? buyerName : SELLER_LABEL;
  return `<li class="message message-${m.from}" data-from="${m.from}" data-at="${m.at}"><span class="message-author">${esc(author)}</span><div class="bubble">${esc(m.text)}</div><time datetime="${new Date(m.at).toISOString()}">${beijing(m.at)}</time></li>`;
}

function panelHtml(buyer: DemoBuyer | undefined, conv: DemoConversation | undefined): string {
  if (!buyer) {
    return `<section id="chat-panel" aria-label="当前会话 Conversation"><div class="chat-empty">选择一个会话 Select a conversation</div></section>`;
  }
  const id = esc(buyer.id);
  const thread = (conv?.messages ?? []).map((m) => messageHtml(m, buyer.name)).join('');
  return `<section id="chat-panel" aria-label="当前会话 Conversation" data-buyer-id="${id}">
<header id="chat-header"><h1 class="chat-buyer-name" data-buyer-id="${id}">${esc(buyer.name)}</h1><span class="chat-buyer-id">ID: ${id}</span></header>
<ol id="message-thread">${thread}</ol>
<form id="reply-form"><textarea id="reply-input" name="reply" placeholder="输入回复，Enter 换行 Type a reply…"></textarea><button id="send-button" type="submit">发送 Send</button></form>
</section>`;
}

function listItemHtml(buyer: DemoBuyer, conv: DemoConversation, open: boolean): string {
  const id = esc(buyer.id);
  const last = conv.messages[conv.messages.length - 1];
  return `<li class="conversation" data-buyer-id="${id}" aria-selected="${open}"><a href="/chat?buyer=${esc(encodeURIComponent(buyer.id))}"><span class="conversation-name" data-buyer-id="${id}">${esc(buyer.name)}</span><time class="conversation-time" datetime="${new Date(last.at).toISOString()}">${beijing(last.at).slice(5)}</time><span class="conversation-preview">${esc(last.text)}</span></a></li>`;
}

/**
 * `buyerParam`: undefined opens the first conversation; an id opens that buyer; '' or an unknown
 * id shows the "nothing open" state.
 */
export function chatPage(data: DemoData, buyerParam: string | undefined): string {
  const byId = new Map(data.buyers.map((b) => [b.id, b]));
  const convById = new Map(data.conversations.map((c) => [c.buyerId, c]));
  const openId = buyerParam === undefined ? data.conversations[0]?.buyerId : buyerParam;
  const open = openId ? byId.get(openId) : undefined;
  const list = data.conversations
    .map((c) => {
      const b = byId.get(c.buyerId);
      return b ? listItemHtml(b, c, b.id === open?.id) : '';
    })
    .join('\n');
  const state = {
    first: data.conversations[0]?.buyerId ?? null,
    names: Object.fromEntries(
      data.conversations.map((c) => [c.buyerId, byId.get(c.buyerId)?.name ?? c.buyerId]),
    ),
    conversations: Object.fromEntries(data.conversations.map((c) => [c.buyerId, c.messages])),
  };
  const body = `<main class="chat-layout">
<aside id="conversation-list" aria-label="会话列表 Conversations"><h2>会话 Conversations (${data.conversations.length})</h2><ul>
${list}
</ul></aside>
${panelHtml(open, open ? convById.get(open.id) : undefined)}
</main>
<script type="application/json" id="demo-conversations">${scriptJson(state)}</script>
<script>${CLIENT}</script>`;
  return layout('客服工作台 Chat — Demo Marketplace', 'chat', body);
}

// Client side: switches conversations without reloading, sends, and lets tests "receive"
// buyer messages. Builds nodes with textContent only, so buyer text never becomes markup.
const CLIENT = `
(function(){
  var state = JSON.parse(document.getElementById('demo-conversations').textContent);
  var SELLER = ${JSON.stringify(SELLER_LABEL)};
  function fmt(at){ return new Date(at + 288e5).toISOString().slice(0,16).replace('T',' '); }
  function el(tag, cls, text){ var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function messageEl(m, name){
    var li = el('li', 'message message-' + m.from);
    li.setAttribute('data-from', m.from); li.setAttribute('data-at', String(m.at));
    li.appendChild(el('span', 'message-author', m.from === 'buyer' ? name : SELLER));
    li.appendChild(el('div', 'bubble', m.text));
    var t = el('time', null, fmt(m.at)); t.setAttribute('datetime', new Date(m.at).toISOString()); li.appendChild(t);
    return li;
  }
  function currentId(){ var p = document.getElementById('chat-panel'); return p && p.getAttribute('data-buyer-id'); }
  function render(id){
    var old = document.getElementById('chat-panel');
    var panel = el('section'); panel.id = 'chat-panel'; panel.setAttribute('aria-label', '当前会话 Conversation');
    var name = state.names[id];
    if (name == null) { panel.appendChild(el('div', 'chat-empty', '选择一个会话 Select a conversation')); }
    else {
      panel.setAttribute('data-buyer-id', id);
      var header = el('header'); header.id = 'chat-header';
      var h1 = el('h1', 'chat-buyer-name', name); h1.setAttribute('data-buyer-id', id); header.appendChild(h1);
      header.appendChild(el('span', 'chat-buyer-id', 'ID: ' + id)); panel.appendChild(header);
      var thread = el('ol'); thread.id = 'message-thread';
      (state.conversations[id] || []).forEach(function(m){ thread.appendChild(messageEl(m, name)); });
      panel.appendChild(thread);
      var form = el('form'); form.id = 'reply-form';
      var ta = el('textarea'); ta.id = 'reply-input'; ta.name = 'reply'; ta.placeholder = '输入回复，Enter 换行 Type a reply…';
      var btn = el('button', null, '发送 Send'); btn.id = 'send-button'; btn.type = 'submit';
      form.appendChild(ta); form.appendChild(btn); panel.appendChild(form);
    }
    old.replaceWith(panel);
    document.querySelectorAll('#conversation-list li.conversation').forEach(function(li){
      li.setAttribute('aria-selected', String(li.getAttribute('data-buyer-id') === id));
    });
    var t = document.getElementById('message-thread'); if (t) t.scrollTop = t.scrollHeight;
  }
  function append(from, text){
    var id = currentId(); if (!id || !text) return;
    var m = { from: from, text: text, at: Date.now() };
    (state.conversations[id] = state.conversations[id] || []).push(m);
    document.getElementById('message-thread').appendChild(messageEl(m, state.names[id]));
    var li = document.querySelector('#conversation-list li.conversation[data-buyer-id="' + CSS.escape(id) + '"] .conversation-preview');
    if (li) li.textContent = text;
  }
  document.getElementById('conversation-list').addEventListener('click', function(ev){
    var a = ev.target.closest('li.conversation a'); if (!a) return;
    ev.preventDefault();
    var id = a.closest('li.conversation').getAttribute('data-buyer-id');
    render(id);
    history.pushState({ buyer: id }, '', '/chat?buyer=' + encodeURIComponent(id));
  });
  window.addEventListener('popstate', function(){
    var id = new URLSearchParams(location.search).get('buyer');
    render(id == null ? state.first : id);
  });
  document.addEventListener('submit', function(ev){
    if (ev.target.id !== 'reply-form') return;
    ev.preventDefault();
    var ta = document.getElementById('reply-input');
    var text = ta.value.trim(); if (!text) return;
    append('seller', text); ta.value = '';
  });
  window.demoReceive = function(text){ append('buyer', String(text)); };
})();
`;

/**
 * Where each WhatsApp Web strategy was seen, and when (see shared/evidence/sites-2026.md, the
 * WhatsApp section). A strategy's `seen` is the newest dated observation of it working; older
 * layouts carry the last date they were seen before WhatsApp changed them.
 */

/** tommasonardizzijp-art/BOT_OUTBOUND `docs/whatsapp/wa-dom-catalog.md`, measured live. */
export const CATALOG = 'BOT_OUTBOUND docs/whatsapp/wa-dom-catalog.md';
/** Sidebar measured 2026-07-27; conversation panel (35 messages) and contact drawer 2026-08-09/10. */
export const CATALOG_SIDEBAR = '2026-07-27';
export const CATALOG_CHAT = '2026-08-10';
/** BOT_OUTBOUND `backend/app/browser/whatsapp_selectors.py`. */
export const SELECTORS_PY = 'BOT_OUTBOUND backend/app/browser/whatsapp_selectors.py';
export const SELECTORS_PY_DATE = '2026-08-21';
/**
 * muhammadGagah/whatsapp-web-plus `src/config.js` v2.6.72, dated July/August 2026: the first day
 * of that span is used, so the strategy never looks fresher than the evidence.
 */
export const WA_PLUS = 'whatsapp-web-plus src/config.js v2.6.72';
export const WA_PLUS_DATE = '2026-07-01';
/** tomer8007/whatsapp-web-incognito `core/ui.js` @aaee1f1. */
export const INCOGNITO = 'whatsapp-web-incognito core/ui.js @aaee1f1';
export const INCOGNITO_DATE = '2026-06-10';
/** A Portuguese field note on the live page (code index). */
export const FIELD_NOTE = 'Portuguese field note (code index)';
export const FIELD_NOTE_DATE = '2026-09-24';
/**
 * LukasLen/Privacy-Extension-For-WhatsApp-Web `src/css/name.css` @33d6d9f: the listitem-era page.
 * The evidence dates it to the year only, so the year's first day is used: never fresher than known.
 */
export const LISTITEM_ERA = 'Privacy-Extension-For-WhatsApp-Web src/css/name.css @33d6d9f';
export const LISTITEM_ERA_DATE = '2024-01-01';

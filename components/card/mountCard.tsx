import { render } from 'preact';
import { chatLanguageOf } from '@/core/scoring/chatLanguage';
import needsCss from '../needs/needs.css?inline';
import type { CardModule } from '../overlay/cardModule';
import { overlayLocale } from '../overlay/i18n';
import { insertReply } from '../overlay/insertReply';
import { BuyerCard } from './BuyerCard';
import cardCss from './card.css?inline';
import { cardTranslator } from './i18n';

const css = `${cardCss}\n${needsCss}`;
let sheet: CSSStyleSheet | null | undefined;

/** Adds the card's CSS to the host's shadow root once (constructed sheet, else a <style>). */
function addStyles(root: ShadowRoot): void {
  if (root.querySelector('style[data-bt-card]')) return;
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // fall through to a <style> element
    }
  }
  if (!sheet || !root.adoptedStyleSheets.includes(sheet)) {
    const style = document.createElement('style');
    style.setAttribute('data-bt-card', '');
    style.textContent = css;
    root.prepend(style);
  }
}

export const cardModule: CardModule = {
  mount(root, container, props) {
    addStyles(root);
    const locale = overlayLocale(props.locale);
    render(
      <BuyerCard
        key={props.buyerKey}
        buyerKey={props.buyerKey}
        locale={locale}
        t={cardTranslator(locale)}
        version={props.version}
        focusTags={props.focusTags}
        insert={(text) => insertReply(props.findInput(), text)}
        chatLanguage={() => chatLanguageOf(props.buyerMessages(props.buyerKey))}
        onClose={props.onClose}
      />,
      container,
    );
  },
  unmount(container) {
    render(null, container);
  },
};

import { describe, expect, it } from 'vitest';
import { chatLanguageOf } from '@/core/scoring/chatLanguage';

describe('the language a buyer writes in', () => {
  it('Chinese characters in the buyer’s messages → zh_CN, even with Latin model numbers', () => {
    expect(chatLanguageOf(['你好，这个多少钱？'])).toBe('zh_CN');
    expect(chatLanguageOf(['iPhone 15 Pro 的壳有现货吗'])).toBe('zh_CN');
  });

  it('Latin script only → en', () => {
    expect(chatLanguageOf(['Hi, is this still available?'])).toBe('en');
  });

  it('too little text, emoji or numbers only → undecided (the interface language applies)', () => {
    expect(chatLanguageOf([])).toBeUndefined();
    expect(chatLanguageOf(['ok'])).toBeUndefined();
    expect(chatLanguageOf(['👍', '12.50'])).toBeUndefined();
  });

  it('other scripts are not taken for English', () => {
    expect(chatLanguageOf(['Здравствуйте, сколько стоит?'])).toBeUndefined();
    expect(chatLanguageOf(['こんにちは'])).toBeUndefined();
  });

  it('a mostly English chat with one stray Han character stays English-undecided, not Chinese', () => {
    expect(chatLanguageOf(['Hello, I would like to order the blue one please 好'])).toBeUndefined();
  });
});

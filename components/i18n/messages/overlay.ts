import { defineMessages } from '../define';

/** The in-page overlay around the badges: list mini badges and the selector-health chip. */
export const overlayMessages = defineMessages(
  {
    'mini.unknown': 'new',
    'mini.open': 'Open buyer card for {name}',
    'chip.text': "Can't find the buyer here",
    'chip.teach': 'Teach me',
    'chip.dismiss': 'Dismiss',
    'chip.reported': 'Reported to the dashboard',
  },
  {
    'mini.unknown': '新',
    'mini.open': '打开 {name} 的买家卡片',
    'chip.text': '在此页面找不到买家',
    'chip.teach': '教我识别',
    'chip.dismiss': '关闭',
    'chip.reported': '已报告到控制台',
  },
);

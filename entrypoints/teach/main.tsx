import { render } from 'preact';
import { browser } from 'wxt/browser';
import { teachTranslator } from '@/components/teach/i18n';
import { TeachPage } from '@/components/teach/TeachPage';
import './style.css';

const language = browser.i18n.getUILanguage();
document.documentElement.lang = /^zh/i.test(language) ? 'zh-CN' : 'en';
const token = new URLSearchParams(location.search).get('draft') ?? '';
const app = document.getElementById('app');
if (app) render(<TeachPage token={token} t={teachTranslator(language)} />, app);

import '../shared/styles.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { HistoryApp } from './history-app.js';

document.documentElement.lang = currentLang();
const app = document.getElementById('app');
if (!app) throw new Error('history.html has no #app element');
render(<HistoryApp />, app);

import '../shared/styles.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { HistoryApp } from './history-app.js';

document.documentElement.lang = currentLang();
render(<HistoryApp />, document.getElementById('app')!);

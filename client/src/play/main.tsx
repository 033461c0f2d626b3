import '../shared/styles.css';
import { render } from 'preact';
import { PlayerApp } from './player-app.js';
import { currentLang } from '../shared/i18n.js';

document.documentElement.lang = currentLang();
const app = document.getElementById('app');
if (!app) throw new Error('play.html has no #app element');
render(<PlayerApp />, app);

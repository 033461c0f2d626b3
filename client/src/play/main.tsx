import '../shared/styles.css';
import { render } from 'preact';
import { PlayerApp } from './player-app.js';
import { currentLang } from '../shared/i18n.js';

document.documentElement.lang = currentLang();
render(<PlayerApp />, document.getElementById('app')!);

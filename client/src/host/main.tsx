import '../shared/styles.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { HostApp } from './host-app.js';

document.documentElement.lang = currentLang();
const app = document.getElementById('app');
if (!app) throw new Error('host.html has no #app element');
render(<HostApp />, app);

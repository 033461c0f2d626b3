import '../shared/styles.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { HostApp } from './host-app.js';

document.documentElement.lang = currentLang();
render(<HostApp />, document.getElementById('app')!);

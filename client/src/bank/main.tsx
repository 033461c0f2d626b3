import '../shared/styles.css';
import './bank.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { BankApp } from './bank-app.js';

document.documentElement.lang = currentLang();
render(<BankApp />, document.getElementById('app')!);

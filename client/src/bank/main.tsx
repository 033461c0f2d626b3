import '../shared/styles.css';
import './bank.css';
import { render } from 'preact';
import { currentLang } from '../shared/i18n.js';
import { BankApp } from './bank-app.js';

document.documentElement.lang = currentLang();
const app = document.getElementById('app');
if (!app) throw new Error('bank.html has no #app element');
render(<BankApp />, app);

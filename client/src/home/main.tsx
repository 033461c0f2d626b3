import '../shared/styles.css';
import { render } from 'preact';
import { Page } from '../shared/components.js';
import { currentLang, t } from '../shared/i18n.js';
import { bt } from '../bank/bank-texts.js';

document.documentElement.lang = currentLang();

/** The landing page: students to the PIN form, teachers to the host screen, the history or the question bank. */
function Home() {
  return (
    <Page>
      <div class="card home">
        <h1>aulaquiz</h1>
        <a class="button primary big-button" href="/play">
          {t('joinTitle')}
        </a>
        <a class="button big-button" href="/host">
          {t('newGame')}
        </a>
        <a class="button" href="/history">
          {t('historyTitle')}
        </a>
        <a class="button" href="/bank">
          {bt('bankTitle')}
        </a>
      </div>
    </Page>
  );
}

const app = document.getElementById('app');
if (!app) throw new Error('index.html has no #app element');
render(<Home />, app);

import '../shared/styles.css';
import { render } from 'preact';
import { Page } from '../shared/components.js';
import { currentLang, t } from '../shared/i18n.js';

document.documentElement.lang = currentLang();

/** The landing page: students to the PIN form, teachers to the host screen or the history. */
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
      </div>
    </Page>
  );
}

render(<Home />, document.getElementById('app')!);

import { render } from 'preact';
import '../../assets/theme.css';
import { localizePage, t } from '../../lib/i18n';
import { App } from './App';
import './style.css';

localizePage(t('library.pageTitle'));
render(<App />, document.getElementById('app')!);

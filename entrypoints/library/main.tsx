import { render } from 'preact';
import '../../assets/theme.css';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);

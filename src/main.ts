import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { language } from './i18n/language.svelte';

document.documentElement.lang = language.current;
export default mount(App, { target: document.getElementById('app')! });

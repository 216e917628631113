/// <reference types="vite-plugin-pwa/client" />
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import './app.css';
import App from './App.svelte';
import { updates } from './components/shell/UpdatePrompt.svelte';
import { language } from './i18n/language.svelte';

document.documentElement.lang = language.current;
export default mount(App, { target: document.getElementById('app')! });

// The service worker (built by vite-plugin-pwa) keeps the app working offline. It is registered from here, not
// by an inline script, so the CSP keeps script-src 'self'. A file:// copy (the single-file build) has none.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  let acceptedHere = false;
  const startNewVersion = registerSW({
    onOfflineReady: () => updates.offlineReady(),
    onNeedRefresh: () =>
      updates.ready(() => {
        acceptedHere = true;
        void startNewVersion(true);
      }),
    // The new version took control: reload only if this tab asked for it; another tab's choice only offers it here.
    onNeedReload: () => (acceptedHere ? location.reload() : updates.ready(() => location.reload())),
  });
}

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
    // The reload is decided below, not by the library (which would also reload a tab that never asked).
    onNeedReload: () => {},
  });
  // A new version took control. Reload if this tab asked for it; if another tab did, only offer the reload here.
  // The first install taking an uncontrolled page changes nothing the user sees.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const switched = controlled || acceptedHere;
    controlled = true;
    if (!switched) return;
    if (acceptedHere) location.reload();
    else updates.ready(() => location.reload());
  });
}

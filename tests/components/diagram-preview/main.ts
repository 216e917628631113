// Dev-only preview (screenshots, render bench): one real case walked to ?step=N.
import { mount } from 'svelte';
import '../../../src/app.css';
import Preview from './Preview.svelte';

mount(Preview, { target: document.getElementById('app')! });

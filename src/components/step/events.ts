// Event types are dot-named by the engine ("age.assessed"); shown as words, timers as "time passes".
import { humanise } from './labels';
import { m } from '../../i18n/messages';

export function humaniseEvent(type: string): string {
  if (type.startsWith('xstate.after') || type === 'tick' || type === 'time.passes') return m.step_event_timer();
  return type.split('.').map(humanise).join(' → ');
}

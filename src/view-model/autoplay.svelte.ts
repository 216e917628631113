// Autoplay of the step view: one step at a time at the chosen speed, until the step it takes says stop.
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export class Autoplay {
  #playing = $state(false);
  #speed = $state<Speed>(1);
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #tick: () => boolean;

  /** `tick` takes one step and says whether to go on. */
  constructor(tick: () => boolean) {
    this.#tick = tick;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): Speed {
    return this.#speed;
  }
  start(): void {
    if (this.#playing) return;
    this.#playing = true;
    this.#schedule();
  }
  stop(): void {
    this.#playing = false;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
  setSpeed(speed: Speed): void {
    this.#speed = speed;
    if (this.#playing) this.#schedule();
  }
  #schedule(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      if (!this.#tick()) this.stop();
    }, 1000 / this.#speed);
  }
}

// The simulated clock from the keyboard: pause/resume, one step while paused, faster/slower, and rewinding through
// history while paused (Simulation.rewind/resumeFromPast).

import { goDuration } from '../../cluster/util/time.js';
import { flash, type ActionContext } from './context.js';

export function togglePause(ctx: ActionContext): void {
  const message = ctx.sim.togglePause();
  if (message) flash(ctx, message, 'warn');
  else flash(ctx, ctx.sim.paused ? 'Paused: . steps 1s, [ ] { } rewind' : `Running at ${ctx.sim.speed}×`);
}

export function step(ctx: ActionContext): void {
  if (!ctx.sim.paused) {
    flash(ctx, 'Step works while paused: press space first', 'warn');
    return;
  }
  if (ctx.sim.cursor !== undefined) {
    flash(ctx, 'Rewound: ] moves forward through history, space resumes from here', 'warn');
    return;
  }
  ctx.sim.step();
}

export function changeSpeed(ctx: ActionContext, faster: boolean): void {
  const before = ctx.sim.speed;
  if (faster) ctx.sim.faster();
  else ctx.sim.slower();
  flash(ctx, before === ctx.sim.speed ? `Speed stays at ${before}× (the ${faster ? 'fastest' : 'slowest'})` : `Speed ${ctx.sim.speed}×`);
}

/** `[` `]` `{` `}`: ms > 0 goes back in time, < 0 forward. */
export function rewind(ctx: ActionContext, ms: number): void {
  const { sim } = ctx;
  if (!sim.paused) {
    flash(ctx, 'Pause first (space), then [ and ] step through history', 'warn');
    return;
  }
  const before = sim.view.now;
  sim.rewind(ms);
  const behind = sim.state.now - sim.view.now;
  if (sim.view.now === before) flash(ctx, ms > 0 ? 'No older history kept' : 'Already at the present', 'warn');
  else flash(ctx, behind > 0 ? `Rewound ${goDuration(behind)}: space resumes from here, dropping what came after` : 'Back at the present');
}

/** `-2m10s`: how far the screen is behind the live cluster. */
export function rewoundLabel(behindMs: number): string {
  return `-${goDuration(Math.round(behindMs / 1000) * 1000)}`;
}

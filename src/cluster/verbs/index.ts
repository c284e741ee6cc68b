// User actions (everything but `advance`): one handler per Action type, each in its own file, listed here.

import type { Action, ActionResult } from '../actions.js';
import type { Tx } from '../tx.js';

export type VerbHandler<T extends Action['type']> = (tx: Tx, action: Extract<Action, { type: T }>, result: ActionResult) => void;

export const VERBS: { [T in Action['type']]?: VerbHandler<T> } = {};

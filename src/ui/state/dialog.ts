// Modal dialogs (k9s ui/dialog/*): a few fields, then [Cancel] [OK]. Cancel has the focus when a dialog that
// destroys something opens, so a stray Enter does nothing (k9s #146); typing goes to the first input field.
// Pure: a key in, the next dialog (and whether it was submitted or cancelled) out.

import type { Kind } from '../../cluster/api/types.js';

export type DialogField =
  | { type: 'choice'; name: string; label: string; options: string[]; value: number }
  | { type: 'input'; name: string; label: string; value: string; numeric?: boolean; /** Typed into: the prefilled value is replaced by the first key, then appended to. */ touched?: boolean }
  | { type: 'check'; name: string; label: string; value: boolean };

/** What the dialog is for; actions/lines.ts turns it and the field values into a script line. */
export type DialogPurpose =
  | { type: 'delete'; kind: Kind; name: string }
  | { type: 'scale'; kind: Kind; name: string }
  | { type: 'drain'; node: string }
  | { type: 'nodeKill'; node: string }
  | { type: 'trigger'; name: string }
  | { type: 'nodeAdd' };

export interface Dialog {
  title: string;
  message: string[];
  purpose: DialogPurpose;
  fields: DialogField[];
  /** 0..fields.length-1: a field; fields.length: Cancel; fields.length + 1: OK. */
  focus: number;
  error?: string;
}

export type DialogResult = 'submit' | 'cancel' | undefined;

export function makeDialog(d: Omit<Dialog, 'focus'>, dangerous: boolean): Dialog {
  const firstInput = d.fields.findIndex((f) => f.type === 'input');
  return { ...d, focus: dangerous || firstInput < 0 ? d.fields.length : firstInput };
}

export const cancelIndex = (d: Dialog) => d.fields.length;
export const okIndex = (d: Dialog) => d.fields.length + 1;

function setField(d: Dialog, i: number, field: DialogField): Dialog {
  const fields = d.fields.slice();
  fields[i] = field;
  return { ...d, fields, error: undefined };
}

/** Applies one key (a name from keys/names.ts; `input` is the typed character for input fields). */
export function dialogKey(d: Dialog, key: string, input = ''): { dialog: Dialog; result: DialogResult } {
  const last = okIndex(d);
  const field = d.focus < d.fields.length ? d.fields[d.focus] : undefined;
  const stay = (dialog: Dialog) => ({ dialog, result: undefined });
  switch (key) {
    case 'esc':
      return { dialog: d, result: 'cancel' };
    case 'tab':
    case 'down':
      return stay({ ...d, focus: d.focus >= last ? 0 : d.focus + 1 });
    case 'backtab':
    case 'up':
      return stay({ ...d, focus: d.focus <= 0 ? last : d.focus - 1 });
    case 'left':
    case 'right': {
      const delta = key === 'left' ? -1 : 1;
      if (field?.type === 'choice') {
        const n = field.options.length;
        return stay(setField(d, d.focus, { ...field, value: (field.value + delta + n) % n }));
      }
      if (field?.type === 'check') return stay(setField(d, d.focus, { ...field, value: !field.value }));
      if (!field) return stay({ ...d, focus: key === 'left' ? cancelIndex(d) : okIndex(d) });
      return stay(d);
    }
    case 'space':
      if (field?.type === 'check') return stay(setField(d, d.focus, { ...field, value: !field.value }));
      if (field?.type === 'input') return stay(setField(d, d.focus, { ...field, value: field.value + ' ' }));
      return stay(d);
    case 'enter':
      if (d.focus === cancelIndex(d)) return { dialog: d, result: 'cancel' };
      if (d.focus === okIndex(d) || field?.type === 'input') return { dialog: d, result: 'submit' };
      // Enter on a choice or checkbox moves on, as a form would.
      return stay({ ...d, focus: d.focus + 1 });
    case 'backspace':
      if (field?.type === 'input') return stay(setField(d, d.focus, { ...field, value: field.value.slice(0, -1), touched: true }));
      return stay(d);
  }
  if (field?.type === 'input' && input.length > 0) {
    if (field.numeric && !/^\d+$/.test(input)) return stay({ ...d, error: 'Digits only' });
    return stay(setField(d, d.focus, { ...field, value: (field.touched ? field.value : '') + input, touched: true }));
  }
  return stay(d);
}

export function fieldValue(d: Dialog, name: string): string | number | boolean | undefined {
  const f = d.fields.find((x) => x.name === name);
  if (!f) return undefined;
  if (f.type === 'choice') return f.options[f.value];
  return f.value;
}

// Ink hands useInput an (input, key) pair; the keymaps speak in names (`ctrl-d`, `shift-left`, `N`). This is the
// one translation between them, pure so the keymap tests need no terminal.

/** The fields of Ink's Key that matter here (ink/build/hooks/use-input.js). */
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

export function keyName(input: string, key: InkKey): string {
  const shift = key.shift ? 'shift-' : '';
  if (key.upArrow) return `${shift}up`;
  if (key.downArrow) return `${shift}down`;
  if (key.leftArrow) return `${shift}left`;
  if (key.rightArrow) return `${shift}right`;
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'backtab' : 'tab';
  // Ink 6 reports the DEL byte (what the Backspace key sends) as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** A printable character typed into a prompt (not a control key or an escape sequence). */
export function isPrintable(input: string, key: InkKey): boolean {
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.backspace || key.delete) return false;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return false;
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input);
}

/** The key a single character stands for, when a terminal sends several at once (a paste, tmux send-keys). */
export function charKey(ch: string): InkKey {
  const code = ch.charCodeAt(0);
  if (ch === '\r' || ch === '\n') return { return: true };
  if (ch === '\t') return { tab: true };
  if (ch === '\x1b') return { escape: true };
  if (code === 0x7f || code === 0x08) return { delete: true };
  if (code < 0x20) return { ctrl: true };
  return /[A-Z]/.test(ch) ? { shift: true } : {};
}

/** Splits a multi-character chunk into (input, key) pairs; Ink splits escape sequences but not plain text. */
export function splitChunk(input: string): [string, InkKey][] {
  return [...input].map((ch) => {
    const key = charKey(ch);
    const code = ch.charCodeAt(0);
    return [key.ctrl ? String.fromCharCode(code + 96) : key.return || key.tab || key.escape || key.delete ? '' : ch, key];
  });
}

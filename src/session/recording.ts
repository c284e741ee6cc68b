// Reading a recording (`kubesim --record FILE.ksim`): a `.ksim` script whose first comment lines are a header
// (`# kubesim recording v1`, `# seed: 1`, `# start: …`, `# nodes: 3`, `# speed: 1`). The header is only comments,
// so `kubesim run` plays a recording like any script; run.ts asks this module for the header's seed/start/nodes.
//
// Recordings are appended line by line while the session runs, so a crash can leave the last line cut off: a
// final line with no newline that does not parse is dropped with a warning and the rest still plays.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScriptLine } from '../cli/script/parse.js';
import { logicalLines } from '../cli/script/words.js';
import { parseTime } from '../cluster/util/time.js';

export const RECORDING_VERSION = 1;
export const RECORDING_MAGIC = 'kubesim recording';

export interface RecordingHeader {
  version: number;
  seed?: number;
  /** Simulated start time, ms since the epoch. */
  start?: number;
  nodes?: number;
  speed?: number;
}

export interface ScriptText {
  /** The header, when the file is a recording (a plain script has none). */
  header?: RecordingHeader;
  /** The logical lines to play, with their 1-based line numbers (header comments included: they are comments). */
  lines: { line: number; text: string }[];
  /** `warning: FILE:LINE: …` lines to show before playing. */
  warnings: string[];
}

const MAGIC_RE = /^#\s*kubesim recording v(\d+)\s*$/;
const FIELD_RE = /^#\s*(seed|start|nodes|speed):\s*(\S+)\s*$/;

/** The header of a recording's text, undefined for a plain script; an error for a bad or too-new header. */
export function parseHeader(text: string, file: string): RecordingHeader | undefined | { error: string } {
  const physical = text.split(/\r?\n/);
  let i = 0;
  while (i < physical.length && physical[i].trim() === '') i++;
  const magic = MAGIC_RE.exec(physical[i] ?? '');
  if (!magic) return undefined;
  const version = parseInt(magic[1], 10);
  if (version > RECORDING_VERSION) {
    return { error: `error: ${file}: recording format v${version} is newer than this kubesim (v${RECORDING_VERSION})` };
  }
  const header: RecordingHeader = { version };
  for (i++; i < physical.length && physical[i].startsWith('#'); i++) {
    const m = FIELD_RE.exec(physical[i]);
    if (!m) continue; // other comments in the header are the user's notes
    const [, key, value] = m;
    const where = `${file}:${i + 1}`;
    if (key === 'start') {
      const t = parseTime(value);
      if (t === undefined) return { error: `error: ${where}: the start time "${value}" is not an RFC 3339 time` };
      header.start = t;
    } else if (key === 'speed') {
      const n = Number(value);
      if (!(n > 0)) return { error: `error: ${where}: the speed "${value}" is not a positive number` };
      header.speed = n;
    } else {
      if (!/^\d+$/.test(value)) return { error: `error: ${where}: the ${key} "${value}" is not a whole number` };
      header[key as 'seed' | 'nodes'] = parseInt(value, 10);
    }
  }
  return header;
}

/**
 * A script's (or recording's) lines, ready to parse one by one. A recording's last line, cut off mid-way (no
 * trailing newline, and it does not parse), is dropped with a warning.
 */
export function scriptText(text: string, file: string): ScriptText | { error: string } {
  const header = parseHeader(text, file);
  if (header && 'error' in header) return header;
  const lines = logicalLines(text);
  const warnings: string[] = [];
  // logicalLines gives a last empty line when the text ends in a newline; a cut-off text has none.
  const last = lines[lines.length - 1];
  if (header && last && !/\n$/.test(text) && last.text.trim() !== '' && 'error' in parseScriptLine(last.text)) {
    lines.pop();
    warnings.push(`warning: ${file}:${last.line}: the recording ends mid-line; replaying up to there`);
  }
  return { header, lines, warnings };
}

/** Reads a file with scriptText; a file that cannot be read is an error in the runner's words. */
export function readScriptText(path: string, file = path): ScriptText | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: error: cannot read the script: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  return scriptText(text, file);
}

/** The header of the first recording among script files (run.ts: the cluster to build); undefined if none. */
export function recordingHeader(files: string[], cwd: string): RecordingHeader | undefined | { error: string } {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      continue; // loadScript reports the unreadable file in its own words
    }
    const header = parseHeader(text, file);
    if (header) return header;
  }
  return undefined;
}

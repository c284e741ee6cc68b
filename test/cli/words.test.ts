import { describe, expect, it } from 'vitest';
import { logicalLines, quoteWord, splitWords } from '../../src/cli/script/words.js';

const words = (line: string) => {
  const r = splitWords(line);
  if ('error' in r) throw new Error(r.error);
  return r.words;
};

describe('splitWords (POSIX word splitting)', () => {
  it('keeps a single-quoted JSON patch as one word', () => {
    expect(words(`kubectl patch cronjob sample -p '{"spec":{"suspend":true}}'`)).toEqual([
      'kubectl', 'patch', 'cronjob', 'sample', '-p', '{"spec":{"suspend":true}}',
    ]);
  });

  it('joins quoted pieces inside one word, as a shell does', () => {
    expect(words(`kubectl wait --for=jsonpath='{.status.phase}'=Running pod/x`)).toEqual([
      'kubectl', 'wait', '--for=jsonpath={.status.phase}=Running', 'pod/x',
    ]);
  });

  it('handles double quotes, escapes and backslash-space', () => {
    expect(words(`say "a \\"quoted\\" word" it\\'s a\\ b`)).toEqual(['say', 'a "quoted" word', "it's", 'a b']);
  });

  it('keeps $ literal (scripts have no variables)', () => {
    expect(words(`say "costs $5" $HOME '$x'`)).toEqual(['say', 'costs $5', '$HOME', '$x']);
  });

  it('starts a comment only at the start of a word', () => {
    const r = splitWords(`kubectl get pods # list them`);
    expect(r).toEqual({ words: ['kubectl', 'get', 'pods'], comment: ' list them' });
    expect(words(`say a#b "#c"`)).toEqual(['say', 'a#b', '#c']);
    expect(splitWords('# only a comment')).toEqual({ words: [], comment: ' only a comment' });
  });

  it('does not expand globs', () => {
    expect(words(`say * ?`)).toEqual(['say', '*', '?']);
  });

  it('keeps selectors with parentheses when quoted', () => {
    expect(words(`kubectl get pods -l 'env in (prod,dev)'`)).toEqual(['kubectl', 'get', 'pods', '-l', 'env in (prod,dev)']);
  });

  it('reports an unterminated quote as a shell would', () => {
    expect(splitWords(`say 'oops`)).toEqual({ error: "unexpected EOF while looking for matching `''" });
    expect(splitWords(`say "oops`)).toEqual({ error: 'unexpected EOF while looking for matching `"\'' });
  });

  it('keeps shell syntax inside quotes for the container command', () => {
    expect(words(`kubectl create job x --image=busybox -- sh -c "echo hi; sleep 5 && exit 1 | cat > /tmp/x"`)).toEqual([
      'kubectl', 'create', 'job', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi; sleep 5 && exit 1 | cat > /tmp/x',
    ]);
  });

  it('refuses pipes and redirections instead of dropping them', () => {
    const r = splitWords('kubectl get pods | grep x');
    expect('error' in r && r.error).toMatch(/shell operator "\|" is not supported/);
  });

  it('returns no words for a blank line', () => {
    expect(splitWords('   ')).toEqual({ words: [] });
  });
});

describe('logicalLines', () => {
  it('joins lines ending in a backslash and remembers the first line number', () => {
    const text = 'kubectl create cronjob x \\\n--image busybox \\\n--schedule "*/1 * * * *"\nwait 1m\n';
    expect(logicalLines(text)).toEqual([
      { line: 1, text: 'kubectl create cronjob x --image busybox --schedule "*/1 * * * *"' },
      { line: 4, text: 'wait 1m' },
      { line: 5, text: '' },
    ]);
  });

  it('does not treat an escaped backslash as a continuation', () => {
    expect(logicalLines('say a\\\\\nsay b').map((l) => l.line)).toEqual([1, 2]);
  });
});

describe('quoteWord', () => {
  it('quotes only what needs it, and round-trips through splitWords', () => {
    expect(quoteWord('pods')).toBe('pods');
    expect(quoteWord('--for=condition=Ready')).toBe('--for=condition=Ready');
    for (const w of ['{"spec":{"suspend":true}}', "it's", 'a b', '', 'env in (a,b)', '$x', '#c']) {
      expect(words(`say ${quoteWord(w)}`)).toEqual(['say', w]);
    }
  });
});

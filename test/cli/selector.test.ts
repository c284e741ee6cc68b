import { describe, expect, it } from 'vitest';
import { formatSelector, matchesSelectorRequirements, parseSelector, type SelectorRequirement } from '../../src/cli/script/selector.js';

const parse = (s: string): SelectorRequirement[] => {
  const r = parseSelector(s);
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('parseSelector', () => {
  it('parses every operator and sorts by key as labels.Parse does', () => {
    expect(parse('a=b,c!=d,e in (g,f),h notin (i),j,!k,l==m')).toEqual([
      { key: 'a', operator: '=', values: ['b'] },
      { key: 'c', operator: '!=', values: ['d'] },
      { key: 'e', operator: 'in', values: ['f', 'g'] },
      { key: 'h', operator: 'notin', values: ['i'] },
      { key: 'j', operator: 'exists', values: [] },
      { key: 'k', operator: '!', values: [] },
      { key: 'l', operator: '==', values: ['m'] },
    ]);
  });

  it('accepts spaces, empty values and keywords as values', () => {
    expect(parse(' app = kubia , x in (in,,notin) ')).toEqual([
      { key: 'app', operator: '=', values: ['kubia'] },
      { key: 'x', operator: 'in', values: ['', 'in', 'notin'] },
    ]);
    expect(parse('a=')).toEqual([{ key: 'a', operator: '=', values: [''] }]);
    expect(parse('a in ()')).toEqual([{ key: 'a', operator: 'in', values: [''] }]);
    expect(parse('app.kubernetes.io/name=web')).toEqual([{ key: 'app.kubernetes.io/name', operator: '=', values: ['web'] }]);
  });

  it('parses gt/lt', () => {
    expect(parse('n>3,m<10')).toEqual([
      { key: 'm', operator: 'lt', values: ['10'] },
      { key: 'n', operator: 'gt', values: ['3'] },
    ]);
  });

  it('an empty selector has no requirements', () => {
    expect(parse('')).toEqual([]);
  });

  it("reports kubectl's errors", () => {
    expect(parseSelector('a=b,')).toEqual({ error: "found '', expected: identifier after ','" });
    expect(parseSelector('a in b')).toEqual({ error: "unable to parse requirement: found 'b' expected: '('" });
    expect(parseSelector('a in (b')).toEqual({ error: "unable to parse requirement: found '', expected: ',' or ')'" });
    expect(parseSelector('a b')).toEqual({ error: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" });
    expect(parseSelector('=b')).toEqual({ error: "found '=', expected: !, identifier, or 'end of string'" });
    expect(parseSelector('!a=b')).toEqual({ error: "found '=', expected: ',' or 'end of string'" });
    expect(parseSelector('a>x')).toEqual({
      error: `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    });
    expect(parseSelector('a=b/c')).toEqual({
      error:
        "unable to parse requirement: values[0][a]: Invalid value: \"b/c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    });
    expect(parseSelector('-a=b')).toEqual({
      error:
        "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    });
  });
});

describe('matchesSelectorRequirements', () => {
  const labels = { app: 'kubia', env: 'prod', n: '5' };
  const m = (s: string, l: Record<string, string> | undefined = labels) => matchesSelectorRequirements(parse(s), l);

  it('matches as labels.Selector.Matches does', () => {
    expect(m('app=kubia')).toBe(true);
    expect(m('app==kubia,env=prod')).toBe(true);
    expect(m('app=other')).toBe(false);
    expect(m('app!=other')).toBe(true);
    expect(m('missing!=x')).toBe(true); // NotEquals matches when the key is absent
    expect(m('env in (dev,prod)')).toBe(true);
    expect(m('env notin (prod)')).toBe(false);
    expect(m('missing notin (prod)')).toBe(true);
    expect(m('app')).toBe(true);
    expect(m('!app')).toBe(false);
    expect(m('!missing')).toBe(true);
    expect(m('n>4,n<6')).toBe(true);
    expect(m('n>5')).toBe(false);
    expect(m('app>1')).toBe(false); // not an integer
    expect(m('')).toBe(true);
    expect(m('app', {})).toBe(false);
    expect(matchesSelectorRequirements(parse('app'), undefined)).toBe(false);
  });
});

describe('formatSelector', () => {
  it('prints requirements as Requirement.String() does', () => {
    expect(formatSelector(parse('e in (g,f),!k,a=b,j,n>3'))).toBe('a=b,e in (f,g),j,!k,n>3');
  });
});

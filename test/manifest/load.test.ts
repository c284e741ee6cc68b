import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifestPath, MAX_MANIFEST_BYTES, parseManifests } from '../../src/cluster/manifest/load.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('parseManifests: documents', () => {
  it('splits on ---, skips empty documents and keeps each source line', () => {
    const text = `# leading comment\n---\n${POD}---\n---\n# only a comment\n---\n${POD.replace('name: web\nspec', 'name: two\nspec')}...\n`;
    const { documents, errors } = parseManifests(text, 'two.yaml');
    expect(errors).toEqual([]);
    expect(documents.map((d) => (d.object.metadata as { name: string }).name)).toEqual(['web', 'two']);
    expect(documents[0].source).toEqual({ file: 'two.yaml', line: 3 });
    expect(documents[1].source).toEqual({ file: 'two.yaml', line: 15 });
  });

  it('gives the line of any field through lineOf', () => {
    const { documents } = parseManifests(`---\n${POD}`, 'p.yaml');
    const d = documents[0];
    expect(d.lineOf(['metadata', 'name'])).toBe(5);
    expect(d.lineOf(['spec', 'containers'])).toBe(7);
    expect(d.lineOf(['spec', 'containers', 0])).toBe(8);
    expect(d.lineOf(['spec', 'containers', 0, 'image'])).toBe(9);
    expect(d.lineOf(['spec', 'containers', 0, 'ports'])).toBeUndefined();
    expect(d.lineOf(['spec', 'containers', 3])).toBeUndefined();
  });

  it('expands kind: List and maps lineOf into the items', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
`;
    const { documents, errors } = parseManifests(text, 'list.yaml');
    expect(errors).toEqual([]);
    expect(documents.map((d) => (d.object.metadata as { name: string }).name)).toEqual(['a', 'b']);
    expect(documents.map((d) => d.source.line)).toEqual([4, 8]);
    expect(documents[1].lineOf(['metadata', 'name'])).toBe(11);
    expect(documents[0].index).toBe(documents[1].index);
  });

  it('reads YAML with go-yaml v2 rules: YAML 1.1 booleans and octals, timestamps stay strings, last duplicate wins', () => {
    const { documents } = parseManifests(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n  name: second\n  annotations:\n    a: yes\n    b: "yes"\n    c: 010\n    d: 2024-01-01T00:00:00Z\n    e: on\n`,
      'f.yaml',
    );
    const meta = documents[0].object.metadata as Record<string, unknown>;
    expect(meta.name).toBe('second');
    expect(meta.annotations).toEqual({ a: true, b: 'yes', c: 8, d: '2024-01-01T00:00:00Z', e: true });
    expect(documents[0].lineOf(['metadata', 'name'])).toBe(5);
  });

  it('turns YAML 1.1 sets, ordered maps and binary into JSON values, and refuses .inf', () => {
    const { documents } = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n__proto__: {polluted: true}\nset: !!set {a, b}\nbin: !!binary aGk=\n', 'f.yaml');
    expect(documents[0].object).toMatchObject({ set: ['a', 'b'], bin: 'aGk=' });
    expect(Object.getPrototypeOf(documents[0].object)).toBe(Object.prototype);
    expect(Object.keys(documents[0].object)).toContain('__proto__');
    expect(parseManifests('a: .inf\n', 'f.yaml').errors[0].message).toBe(
      'error: error parsing f.yaml: error converting YAML to JSON: json: unsupported value: +Inf (f.yaml:1:1)',
    );
  });

  it('reads Windows line endings', () => {
    const { documents, errors } = parseManifests(`---\r\n${POD.replace(/\n/g, '\r\n')}`, 'crlf.yaml');
    expect(errors).toEqual([]);
    expect(documents[0].object.spec).toEqual({ containers: [{ name: 'web', image: 'nginx' }] });
    expect(documents[0].lineOf(['spec', 'containers', 0, 'image'])).toBe(9);
  });

  it('reads JSON', () => {
    const { documents, errors } = parseManifests('{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "j"}\n}\n', 'p.json');
    expect(errors).toEqual([]);
    expect(documents[0].object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' } });
    expect(documents[0].lineOf(['metadata', 'name'])).toBe(4);
  });
});

describe('parseManifests: what kubectl refuses', () => {
  it('refuses a tab after a colon, naming file, line and column', () => {
    const text = POD.replace('metadata:\n  name: web', 'metadata:\n  name:\tweb');
    const { documents, errors } = parseManifests(text, 'fixtures/bad.yaml');
    expect(documents).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'fixtures/bad.yaml',
        line: 4,
        col: 8,
        index: 0,
        message:
          'error: error parsing fixtures/bad.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token (fixtures/bad.yaml:4:8)',
      },
    ]);
  });

  it('refuses tab indentation and a comment line indented with a tab', () => {
    expect(parseManifests('a:\n\tb: 1\n', 'f.yaml').errors[0].message).toBe(
      'error: error parsing f.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token (f.yaml:2:1)',
    );
    expect(parseManifests('a:\n  \t# note\n  b: 1\n', 'f.yaml').errors[0].line).toBe(2);
  });

  it('accepts tabs where go-yaml does: inside flow collections, scalars and after a value', () => {
    const ok = `apiVersion: v1\nkind: Pod\nmetadata: {name: "a\tb",\tlabels: {x: z}}\nspec:\n  containers: []   \t# trailing\n  nodeName: n\t\n`;
    expect(parseManifests(ok, 'f.yaml').errors).toEqual([]);
  });

  it('rejects only the broken document; the others still load', () => {
    const text = `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b: c\n---\n${POD.replace('web\nspec', 'third\nspec')}`;
    const { documents, errors } = parseManifests(text, 'm.yaml');
    expect(documents.map((d) => [(d.object.metadata as { name: string }).name, d.index])).toEqual([
      ['web', 0],
      ['third', 2],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0].index).toBe(1);
    expect(errors[0].message).toBe(
      'error: error parsing m.yaml: error converting YAML to JSON: yaml: line 13: mapping values are not allowed in this context (m.yaml:13:9)',
    );
  });

  it.each([
    ['a: "abc\nb: 1\n', 'found unexpected end of stream'],
    ['a:\n  b: 1\n c: 2\n', 'did not find expected key'],
    ['a: [1, 2\nb: 1\n', "did not find expected ',' or ']'"],
    ['a: {b: 1\nc: 2\n', "did not find expected ',' or '}'"],
    ['a\nb: c\n', "could not find expected ':'"],
    ['a: "\\q"\n', 'found unknown escape character'],
  ])('maps yaml errors to go-yaml words: %j', (text, problem) => {
    expect(parseManifests(text, 'f.yaml').errors[0].message).toContain(`error converting YAML to JSON: yaml: line `);
    expect(parseManifests(text, 'f.yaml').errors[0].message).toContain(problem);
  });

  it('guards against alias bombs ("billion laughs")', () => {
    let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    const t = Date.now();
    const { documents, errors } = parseManifests(text, 'bomb.yaml');
    expect(Date.now() - t).toBeLessThan(2000);
    expect(documents).toEqual([]);
    expect(errors[0].message).toBe(
      'error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing (bomb.yaml:1:1)',
    );
  });

  it('allows a few aliases, and names an unknown anchor', () => {
    const ok = `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: &l {app: x}\n  annotations: *l\n  name: a\n`;
    expect(parseManifests(ok, 'f.yaml').documents[0].object.metadata).toEqual({ labels: { app: 'x' }, annotations: { app: 'x' }, name: 'a' });
    expect(parseManifests('a: *nope\n', 'f.yaml').errors[0].message).toBe(
      "error: error parsing f.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced (f.yaml:1:4)",
    );
  });

  it('refuses binary input and control characters', () => {
    const bin = parseManifests('apiVersion: v1\n\u0000\u0001\u0002\u00ff', 'pic.png');
    expect(bin.errors[0].message).toBe(
      'error: error parsing pic.png: error converting YAML to JSON: yaml: control characters are not allowed (pic.png:2:1; the file looks binary, not a YAML or JSON manifest)',
    );
    const ctl = parseManifests('a: b\u0007\n', 'f.yaml');
    expect(ctl.errors[0].message).toBe('error: error parsing f.yaml: error converting YAML to JSON: yaml: control characters are not allowed (f.yaml:1:5)');
  });

  it('refuses manifests over 5 MB without parsing them', () => {
    const text = `a: "${'x'.repeat(MAX_MANIFEST_BYTES)}"\n`;
    const t = Date.now();
    const { errors } = parseManifests(text, 'big.yaml');
    expect(Date.now() - t).toBeLessThan(1000);
    expect(errors).toEqual([{ file: 'big.yaml', message: 'error: error reading big.yaml: the file is 5.0 MB; kubesim refuses manifests larger than 5.0 MB' }]);
  });

  it.each([
    ['flow', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['block sequence', (n: number) => '- '.repeat(n) + 'x\n'],
  ])('refuses deep nesting (%s) before the recursive YAML composer could exhaust the stack', (_, make) => {
    const t = Date.now();
    const { errors } = parseManifests(make(200_000), 'deep.yaml');
    expect(errors[0].message).toMatch(/^error: error parsing deep\.yaml: error converting YAML to JSON: yaml: line 1: exceeded max depth of 200 \(deep\.yaml:1:\d+\)$/);
    expect(Date.now() - t).toBeLessThan(15000);
    // 150 levels parse (the document is a list, so only kubectl's "invalid object" remains).
    expect(parseManifests(make(150), 'ok.yaml').errors.map((e) => e.message)).toEqual([
      'error: error validating "ok.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('refuses deep block mappings', () => {
    let text = '';
    for (let i = 0; i < 201; i++) text += `${' '.repeat(i)}a:\n`;
    expect(parseManifests(text, 'deep.yaml').errors[0].message).toContain('exceeded max depth of 200 (deep.yaml:201:201)');
    expect(parseManifests(text.split('\n').slice(0, 200).join('\n'), 'ok.yaml').errors[0].message).toContain('apiVersion not set');
  });

  it('counts indentless sequences and block scalars when measuring depth', () => {
    let seqs = 'a:\n';
    for (let i = 0; i < 120; i++) seqs += `${'  '.repeat(i)}- k${i}:\n`; // each line nests a sequence and a map
    expect(parseManifests(seqs, 'seq.yaml').errors[0].message).toContain('exceeded max depth of 200 (seq.yaml:');
    let scalars = '';
    for (let i = 0; i < 250; i++) scalars += `${'  '.repeat(i)}t: |\n${'  '.repeat(i + 1)}text\n${'  '.repeat(i)}k${i}:\n`;
    expect(parseManifests(scalars, 'scalars.yaml').errors[0].message).toContain('exceeded max depth of 200 (scalars.yaml:');
  });

  it('says kubectl\'s words for documents that are not objects or lack apiVersion/kind', () => {
    const { documents, errors } = parseManifests('just a string\n---\n- a\n- b\n---\nmetadata:\n  name: x\n---\nkind: Pod\n', 'f.yaml');
    expect(documents).toEqual([]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [1, 'error: error validating "f.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'],
      [3, 'error: error validating "f.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'],
      [6, 'error: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'],
      [9, 'error: error validating "f.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ]);
  });
});

describe('loadManifestPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-manifests-'));

  it("says kubectl's error for a missing path", () => {
    expect(loadManifestPath('nope/none.yaml')).toEqual({
      documents: [],
      errors: [{ file: 'nope/none.yaml', message: 'error: the path "nope/none.yaml" does not exist' }],
    });
  });

  it("reads a directory's .yaml, .yml and .json files in name order, not recursing", () => {
    const d = join(dir, 'app');
    mkdirSync(join(d, 'sub'), { recursive: true });
    const pod = (n: string) => POD.replace('name: web\nspec', `name: ${n}\nspec`);
    writeFileSync(join(d, 'b.yml'), pod('b'));
    writeFileSync(join(d, 'a.yaml'), pod('a'));
    writeFileSync(join(d, 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' } }));
    writeFileSync(join(d, 'notes.txt'), pod('txt'));
    writeFileSync(join(d, 'sub', 'd.yaml'), pod('d'));
    const r = loadManifestPath(d);
    expect(r.errors).toEqual([]);
    expect(r.documents.map((x) => [(x.object.metadata as { name: string }).name, x.source.file])).toEqual([
      ['a', join(d, 'a.yaml')],
      ['b', join(d, 'b.yml')],
      ['c', join(d, 'c.json')],
    ]);
    // A file named on its own is read whatever its extension.
    expect(loadManifestPath(join(d, 'notes.txt')).documents).toHaveLength(1);
  });

  it('reads UTF-16 with a byte-order mark and refuses invalid UTF-8', () => {
    const f16 = join(dir, 'u16.yaml');
    writeFileSync(f16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]));
    expect(loadManifestPath(f16).documents).toHaveLength(1);
    const bad = join(dir, 'latin1.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('a: caf'), Buffer.from([0xe9, 0x0a])]));
    expect(loadManifestPath(bad).errors[0].message).toBe(
      `error: error parsing ${bad}: error converting YAML to JSON: yaml: invalid leading UTF-8 octet (${bad}:1:7)`,
    );
  });

  it('refuses files over 5 MB before reading them', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20));
    expect(loadManifestPath(big).errors[0].message).toBe(
      `error: error reading ${big}: the file is 5.0 MB; kubesim refuses manifests larger than 5.0 MB`,
    );
  });
});

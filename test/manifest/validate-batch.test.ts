import { describe, expect, it } from 'vitest';
import { tpl, job, cron, errorsOf, one } from './builders.js';
import { admit } from '../../src/cluster/manifest/admit.js';
import { cronParserExpression } from '../../src/cluster/manifest/cron.js';

describe('Job', () => {
  it('requires OnFailure or Never, also when restartPolicy is left out (§11 example)', () => {
    const t = { spec: { containers: [{ image: 'perl' }] } };
    expect(errorsOf(job({ template: t }))).toEqual([
      'The Job "pi" is invalid: \n* spec.template.spec.containers[0].name: Required value\n* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    expect(errorsOf(job({ template: tpl(undefined, { restartPolicy: 'Always' }) }))).toEqual(
      one('Job', 'pi', 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'),
    );
  });

  it('refuses negative numbers', () => {
    expect(errorsOf(job({ parallelism: -1, backoffLimit: -2 }))).toEqual([
      'The Job "pi" is invalid: \n* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n* spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
    ]);
  });

  it('refuses a selector without manualSelector', () => {
    expect(errorsOf(job({ selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }, { restartPolicy: 'Never' }) }))).toEqual(
      one(
        'Job',
        'pi',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a", "batch.kubernetes.io/controller-uid":"00000000-0000-0000-0000-000000000000"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
      ),
    );
    const manual = job({ manualSelector: true, selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }, { restartPolicy: 'Never' }) });
    expect(errorsOf(manual)).toEqual([]);
  });

  it('needs completions for an Indexed job', () => {
    expect(errorsOf(job({ completionMode: 'Indexed', parallelism: 2 }))).toEqual(one('Job', 'pi', 'spec.completions: Required value: when completion mode is Indexed'));
  });

  it('accepts the notes\' dotted name with a warning', () => {
    const r = admit(job({}, 'sample.job'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]',
    ]);
  });
});

describe('CronJob', () => {
  it.each([
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
  ])('refuses the schedule %j as robfig/cron does', (schedule, why) => {
    expect(errorsOf(cron({ schedule }))).toEqual(one('CronJob', 'hello', `spec.schedule: Invalid value: "${schedule}": ${why}`));
  });

  it.each(['0,15,30,45 * * * *', '*/1 * * * *', '45 5 * * 5', '0 15 * * 0', '@midnight', '@daily', '@hourly', '@weekly', '@monthly', '@yearly', '0 9 * JAN-MAR MON-FRI', '0 0 ? * *', '? * * * *'])(
    'accepts %j',
    (schedule) => {
      expect(errorsOf(cron({ schedule }))).toEqual([]);
    },
  );

  it('refuses TZ= in the schedule and unknown time zones', () => {
    expect(errorsOf(cron({ schedule: 'TZ=Asia/Seoul 0 9 * * *' }))).toEqual(
      one('CronJob', 'hello', 'spec.schedule: Invalid value: "TZ=Asia/Seoul 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
    );
    expect(errorsOf(cron({ timeZone: 'Mars/Olympus' }))).toEqual(one('CronJob', 'hello', 'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'));
    expect(errorsOf(cron({ timeZone: 'Asia/Seoul' }))).toEqual([]);
  });

  it('says so when a schedule Kubernetes takes is one kubesim cannot run', () => {
    expect(errorsOf(cron({ schedule: '@every 5m' }))).toEqual(
      one('CronJob', 'hello', 'spec.schedule: Invalid value: "@every 5m": kubesim cannot schedule @every intervals; use a 5-field schedule'),
    );
    expect(errorsOf(cron({ schedule: '@every 5' }))[0]).toContain('failed to parse duration @every 5: time: missing unit in duration "5"');
  });

  it('limits names to 52 characters and checks concurrencyPolicy', () => {
    const name = 'a'.repeat(53);
    expect(errorsOf(cron({}, name))).toEqual(one('CronJob', name, `metadata.name: Invalid value: "${name}": must be no more than 52 characters`));
    expect(errorsOf(cron({ concurrencyPolicy: 'Sometimes' }))).toEqual(
      one('CronJob', 'hello', 'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'),
    );
  });

  it('validates the job template, and refuses a selector there', () => {
    expect(errorsOf(cron({ jobTemplate: { spec: { template: tpl(undefined) } } }))).toEqual(
      one('CronJob', 'hello', 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'),
    );
    const sel = { selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }, { restartPolicy: 'Never' }) };
    expect(errorsOf(cron({ jobTemplate: { spec: sel } }))).toEqual(
      one(
        'CronJob',
        'hello',
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      ),
    );
  });
});

describe('cronParserExpression', () => {
  it('gives cron-parser what it understands', () => {
    expect(cronParserExpression('@midnight')).toBe('@daily');
    expect(cronParserExpression('0  0 ? * *')).toBe('0 0 * * *');
    expect(cronParserExpression('0,15,30,45 * * * *')).toBe('0,15,30,45 * * * *');
  });
});

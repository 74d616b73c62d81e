// The check plan: which stored value of an account its candidates go against, how fast that is, and what the
// worker gets (the values with the descriptor that read them), from the main thread's one classification.
import { describe, expect, it } from 'vitest';
import type { HashSchemeName } from '../../contract/codes.ts';
import type { AccountRecord, PasswordAttribute } from '../directory/model.ts';
import { classifyValue, readClassified, schemeByName } from '../hash/classify.ts';
import { estimatedWork } from './budget.ts';
import { CheckPlans, type Speed } from './check-plan.ts';

async function record(stored: [HashSchemeName | 'UNKNOWN', string][]): Promise<AccountRecord> {
  const passwords = [];
  for (const [scheme, password] of stored) {
    const attribute: PasswordAttribute = scheme === 'NT' ? 'sambantpassword' : scheme === 'LM' ? 'sambalmpassword' : 'userpassword';
    const value = scheme === 'UNKNOWN' ? '{NOPE}abc' : await schemeByName(scheme).create(password, scheme === 'BCRYPT' ? { cost: 4 } : {});
    passwords.push({ attribute, value: new TextEncoder().encode(value) });
  }
  return { dn: 'uid=x,dc=test', login: 'x', surnames: ['X'], givenNames: ['Y'], birthDate: null, profile: 'student', classes: [], passwords };
}

describe('CheckPlans', () => {
  const cases: { stored: [HashSchemeName | 'UNKNOWN', string][]; checked: HashSchemeName | null; speed: Speed | null; clear: number }[] = [
    // Exact unsalted values before LM (folds case), whatever their order; unsalted before any salted value.
    { stored: [['LM', 'Secret1'], ['NT', 'Secret1']], checked: 'NT', speed: 'unsalted', clear: 0 },
    { stored: [['BCRYPT', 's'], ['SSHA', 's'], ['LM', 's']], checked: 'LM', speed: 'unsalted', clear: 0 },
    { stored: [['BCRYPT', 's'], ['SSHA', 's']], checked: 'SSHA', speed: 'fast', clear: 0 },
    { stored: [['BCRYPT', 's']], checked: 'BCRYPT', speed: 'slow', clear: 0 },
    // Every cleartext value is read (a sighting), the first one is also the one checked.
    { stored: [['MD5', 'a'], ['CLEARTEXT', 'a'], ['CLEARTEXT', 'b']], checked: 'CLEARTEXT', speed: 'unsalted', clear: 2 },
    { stored: [['UNKNOWN', '']], checked: null, speed: null, clear: 0 },
    { stored: [], checked: null, speed: null, clear: 0 },
  ];

  it.each(cases.map((c) => [c.stored.map(([s]) => s).join(' + ') || 'nothing', c]))('%s', async (_name, c) => {
    const account = await record(c.stored);
    const values = account.passwords.map((p) => classifyValue(p.attribute, p.value));
    const plans = new CheckPlans(2);
    plans.add([]);
    expect(plans.add(values)).toBe(c.speed);
    expect(plans.speed(1)).toBe(c.speed);
    const item = plans.toCheck(1, account, false);
    expect(item).toMatchObject({ index: 1, account: { dn: account.dn, passwords: [] }, clear: { length: c.clear } });
    expect(item).not.toHaveProperty('headOnly');
    if (c.checked === null) return expect(item).not.toHaveProperty('check');
    // The worker reads the value with the descriptor the classification named: the same scheme and key.
    const read = readClassified(item.check!.scheme, item.check!.attribute, item.check!.value);
    const same = values.find((v) => v.scheme === c.checked)!;
    expect(read).toMatchObject({ scheme: c.checked, unsaltedKey: same.unsaltedKey, descriptor: same.descriptor });
    for (const v of item.clear) expect(readClassified(v.scheme, v.attribute, v.value).scheme).toBe('CLEARTEXT');
  });

  it('says headOnly (and reusedOnly), and refuses a record that is not the one the plan was made from', async () => {
    const account = await record([['SSHA', 's']]);
    const plans = new CheckPlans(1);
    plans.add(account.passwords.map((p) => classifyValue(p.attribute, p.value)));
    expect(plans.toCheck(0, account, true).headOnly).toBe(true);
    expect(plans.toCheck(0, account, true)).not.toHaveProperty('reusedOnly');
    expect(plans.toCheck(0, account, true, true)).toMatchObject({ headOnly: true, reusedOnly: true });
    // Only with headOnly: an account that gets its whole budget gets it whole.
    expect(plans.toCheck(0, account, false, true)).not.toHaveProperty('reusedOnly');
    expect(() => plans.toCheck(0, { ...account, passwords: [] }, false)).toThrow(/not the one its check plan was made from/);
  });

  it('keeps its plans apart across many accounts', async () => {
    const ssha = await record([['SSHA', 's']]);
    const md5 = await record([['BCRYPT', 's'], ['MD5', 's']]);
    const plans = new CheckPlans(3000);
    for (let i = 0; i < 3000; i++) plans.add((i % 2 ? md5 : ssha).passwords.map((p) => classifyValue(p.attribute, p.value)));
    expect(plans.toCheck(2999, md5, false).check!.scheme).toBe('MD5');
    expect(plans.toCheck(2998, ssha, false).check!.scheme).toBe('SSHA');
  });

  it("estimates each account's work from the value it checks (scheduling)", async () => {
    const accounts = [await record([['BCRYPT', 's'], ['SSHA', 's']]), await record([['BCRYPT', 's']]), await record([['MD5', 's']]), await record([])];
    const plans = new CheckPlans(accounts.length);
    const values = accounts.map((a) => a.passwords.map((p) => classifyValue(p.attribute, p.value)));
    for (const v of values) plans.add(v);
    const cost = (v: (typeof values)[number][number]): number => v.descriptor!.cost(v.parsed);
    expect(plans.work(0, 'standard', false)).toBe(estimatedWork('standard', 'fast', cost(values[0]![1]!), true, false));
    expect(plans.work(0, 'standard', false)).toBeGreaterThan(0);
    expect(plans.work(0, 'standard', true)).toBe(estimatedWork('standard', 'fast', cost(values[0]![1]!), true, true));
    expect(plans.work(1, 'standard', false)).toBe(estimatedWork('standard', 'slow', cost(values[1]![0]!), false, false));
    expect(plans.work(2, 'standard', false)).toBe(estimatedWork('standard', 'unsalted', 0, false, false));
    expect(plans.work(3, 'standard', false)).toBe(0);
    // bcrypt cost 4 gets more than an SSHA value's whole batch: it goes first.
    expect(plans.work(1, 'standard', false)).toBeGreaterThan(plans.work(0, 'standard', false));
  });
});

describe('readClassified', () => {
  it('refuses a value its descriptor does not read', () => {
    expect(() => readClassified('SSHA', 'userpassword', new TextEncoder().encode('{MD5}X03MO1qnZdYdgyfeuILPmQ=='))).toThrow(/not a SSHA value/);
  });
});

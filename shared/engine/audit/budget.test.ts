import { describe, expect, it } from 'vitest';
import { DEPTHS } from '../../contract/codes.ts';
import { classifyValue, schemeByName } from '../hash/classify.ts';
import { batchedLimit, candidateLimit, DEPTH_BUDGETS, estimatedWork } from './budget.ts';

describe('DEPTH_BUDGETS', () => {
  it('grows from quick to standard to deep in units, floor and ceiling', () => {
    for (const key of ['units', 'fastUnits', 'min', 'max', 'batched'] as const) {
      expect(DEPTH_BUDGETS.quick[key]).toBeLessThan(DEPTH_BUDGETS.standard[key]);
      expect(DEPTH_BUDGETS.standard[key]).toBeLessThan(DEPTH_BUDGETS.deep[key]);
    }
  });
});

describe('candidateLimit', () => {
  it('divides the units by the cost, between the floor and the ceiling', () => {
    expect(candidateLimit('standard', 1)).toBe(DEPTH_BUDGETS.standard.max);
    expect(candidateLimit('standard', 1e12)).toBe(DEPTH_BUDGETS.standard.min);
    expect(candidateLimit('standard', 1000)).toBe(Math.floor(DEPTH_BUDGETS.standard.units / 1000));
  });

  it('never gives a deeper depth fewer candidates', () => {
    for (const cost of [1, 5, 170, 1300, 5000, 80_000, 1e7]) {
      const limits = DEPTHS.map((d) => candidateLimit(d, cost));
      expect([...limits].sort((a, b) => a - b)).toEqual(limits);
    }
  });

  it('gives md5crypt, a fast legacy scheme, twice what an adaptive scheme of the same cost gets', async () => {
    const md5crypt = schemeByName('MD5CRYPT');
    expect(md5crypt.storage).toBe('fast');
    const stored = classifyValue('userpassword', new TextEncoder().encode(String(await md5crypt.create('x'))));
    const cost = md5crypt.cost(stored.parsed);
    expect(candidateLimit('standard', cost, true)).toBe(Math.min(DEPTH_BUDGETS.standard.batched, Math.floor(DEPTH_BUDGETS.standard.fastUnits / cost)));
    expect(candidateLimit('standard', cost, true)).toBeGreaterThanOrEqual(2 * candidateLimit('standard', cost));
    for (const depth of DEPTHS) expect(candidateLimit(depth, cost, true)).toBeGreaterThanOrEqual(candidateLimit(depth, cost));
  });

  it('gives the salted fast values the kernels hash tens of thousands of candidates at standard', () => {
    expect(batchedLimit('standard')).toBeGreaterThanOrEqual(20_000);
    expect(batchedLimit('quick')).toBeLessThan(batchedLimit('standard'));
    expect(batchedLimit('standard')).toBeLessThan(batchedLimit('deep'));
  });

  // The salted fast schemes must try every candidate a fast scheme's account would (the benchmark's recall).
  it('gives a salted fast hash the whole ceiling at every depth', async () => {
    const stored = classifyValue('userpassword', new TextEncoder().encode(String(await schemeByName('SSHA512').create('x'))));
    const cost = schemeByName('SSHA512').cost(stored.parsed);
    for (const depth of DEPTHS) expect(candidateLimit(depth, cost)).toBe(DEPTH_BUDGETS[depth].max);
  });
});

describe('estimatedWork', () => {
  it("is the budget the worker spends: a slow value's units, a heavy one's ten candidates, a fast one's batch", () => {
    expect(estimatedWork('standard', 'slow', 600, false, false)).toBe(600 * candidateLimit('standard', 600));
    expect(estimatedWork('standard', 'slow', 600, false, false)).toBeLessThanOrEqual(DEPTH_BUDGETS.standard.units);
    // A scrypt value of half a second a check still gets its ten candidates: five seconds.
    expect(estimatedWork('standard', 'slow', 500_000, false, false)).toBe(500_000 * DEPTH_BUDGETS.standard.min);
    expect(estimatedWork('standard', 'slow', 20, true, false)).toBe(20 * candidateLimit('standard', 20, true));
    expect(estimatedWork('standard', 'fast', 0.4, true, false)).toBe(batchedLimit('standard'));
  });

  it('counts a learned head alone as far less than a budget, and an unsalted account as a constant', () => {
    expect(estimatedWork('standard', 'fast', 1, true, true)).toBeLessThan(estimatedWork('standard', 'fast', 1, true, false) / 10);
    expect(estimatedWork('standard', 'unsalted', 0, false, false)).toBe(estimatedWork('deep', 'unsalted', 3, true, false));
  });
});

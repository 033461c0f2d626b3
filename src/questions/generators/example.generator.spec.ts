import { describe, expect, test } from '@jest/globals';
import { TEMA1 } from '../../../test/support/decks.js';
import { contextFor, rightOptions, wrongOptions } from '../../../test/support/generators.js';
import { exampleQuestions } from './example.generator.js';

describe('example questions', () => {
  const questions = exampleQuestions(contextFor(TEMA1));
  const byKind = (kind: string) => questions.filter((q) => q.kind === kind);
  const NATIVE = 'Virtualización nativa';
  const TYPE2 = 'Tipo II o no nativo ("Hosted")';

  test('example → category asks with the section family ("¿Qué tipo de hypervisor es …?")', () => {
    const q = byKind('example-category').find((x) => x.prompt.includes('VMware ESX Server'))!;
    expect(q.prompt).toBe('¿Qué tipo de hypervisor es «VMware ESX Server»?');
    expect(rightOptions(q)).toEqual(['Tipo I o nativo ("Non-hosted" o "bare-metal")']);
    expect(wrongOptions(q)).toEqual([TYPE2]);
  });

  test('VMware Workstation is never a wrong answer where the deck makes it right', () => {
    const aboutNativeOrType2 = questions.filter((q) => (q.prompt.includes(NATIVE) || q.prompt.includes(TYPE2)) && q.kind !== 'which-not');
    for (const q of aboutNativeOrType2.filter((x) => x.type !== 'truefalse')) {
      expect(wrongOptions(q)).not.toContain('VMware Workstation');
    }
    const kind = byKind('example-category').filter((x) => x.prompt.includes('«VMware Workstation»'));
    expect(kind.length).toBeGreaterThan(0);
    for (const q of kind) expect(wrongOptions(q)).not.toEqual(expect.arrayContaining([NATIVE, TYPE2]));
    const falseClaims = byKind('truefalse-example').filter((x) => x.correct[0] === 1);
    expect(falseClaims.map((x) => x.prompt)).not.toContain(`¿Verdadero o falso? «VMware Workstation» es un ejemplo de «${TYPE2}».`);
  });

  test('"which is an example of X" takes distractors from sibling categories', () => {
    const q = byKind('which-example').find((x) => x.prompt === `¿Cuál de estos es un ejemplo de «${TYPE2}»?`)!;
    expect(wrongOptions(q).every((o) => ['VMware ESX Server', 'Microsoft Hyper-V', 'Sun Logical Domains Hypervisor'].includes(o))).toBe(true);
  });

  test('"select every example of X" has several right options and wrong ones from siblings', () => {
    const q = byKind('select-examples').find((x) => x.prompt.includes(NATIVE))!;
    expect(q.type).toBe('multiple');
    expect(q.correct.length).toBeGreaterThanOrEqual(2);
    expect(rightOptions(q).every((o) => ['KVM', 'Xen', 'VirtualBox', 'VMware Workstation', 'VMware Server'].includes(o!))).toBe(true);
    expect(wrongOptions(q).length).toBeGreaterThanOrEqual(1);
  });

  test('true/false about examples: a right one and a wrong category', () => {
    const tf = byKind('truefalse-example');
    expect(tf.find((x) => x.prompt === `¿Verdadero o falso? «KVM» es un ejemplo de «${NATIVE}».`)?.correct).toEqual([0]);
    expect(tf.some((x) => x.correct[0] === 1)).toBe(true);
  });

  test('two categories of one list get one "select every example" when both would show the same names', () => {
    const hypervisors = byKind('select-examples').filter((q) => q.prompt.includes('Tipo I'));
    expect(hypervisors).toHaveLength(1);
    const optionSets = byKind('select-examples').map((q) => [...q.options].sort().join('|'));
    expect(new Set(optionSets).size).toBe(optionSets.length);
  });
});

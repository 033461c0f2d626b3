import { describe, expect, test } from '@jest/globals';
import { outlineOf, TEMA1 } from '../../../test/support/decks.js';
import { extractFacts, splitSentences } from './facts.js';

describe('extractFacts on the virtualization deck', () => {
  const facts = extractFacts(outlineOf(TEMA1));
  const category = (prefix: string) => facts.categories.find((c) => c.name.startsWith(prefix))!;

  test('definitions keep term, first sentence and source', () => {
    const vmm = facts.definitions.find((d) => d.term.startsWith('Hypervisor'))!;
    expect(vmm.definition).toBe(
      'La capa software que se encarga de manejar los recursos del sistema físico exportándolos a la máquina virtual.',
    );
    expect(vmm.ref.section.label).toBe('4. Conceptos básicos');
    expect(vmm.ref.sentence).toMatch(/^Hypervisor o Virtual Machine Monitor \(VMM\): es la capa/);
  });

  test('a term defined by the bullets under it takes the first of them', () => {
    expect(facts.definitions.find((d) => d.term === 'Virtualización parcial')!.definition).toMatch(/^Se virtualiza parte del hardware/);
  });

  test('a definition that leans on the previous bullet is not used', () => {
    expect(facts.definitions.map((d) => d.term)).not.toContain('Emulación o simulación');
  });

  test('example lists, inline or nested, belong to the category that introduces them', () => {
    expect(category('Virtualización nativa').examples).toEqual(['KVM', 'Xen', 'VirtualBox', 'VMware Workstation', 'VMware Server']);
    expect(category('Tipo I ').examples).toEqual(['VMware ESX Server', 'Microsoft Hyper-V', 'Sun Logical Domains Hypervisor']);
    expect(category('Tipo II').examples).toEqual(['VMware Workstation', 'Microsoft Virtual PC']);
    expect(category('Virtualización a nivel del sistema operativo').examples).toHaveLength(6);
    expect(category('Virtualización de almacenamiento').examples).toEqual([
      'El particionado de un disco duro',
      'Un sistema de varios discos en RAID, aunque se "ven" como uno sólo',
    ]);
    expect(facts.categories.map((c) => c.name)).not.toContain('Ventajas sobre la virtualización basada en hipervisores');
  });

  test('dated and numeric facts', () => {
    expect(facts.numbers.map((n) => [n.value, n.year])).toEqual([
      ['20-30%', null],
      ['50%', null],
      ['60', 1960],
      ['1980', 1980],
      ['1999', 1999],
      ['17', null],
    ]);
  });

  test('plain lists per section and trait lists per term', () => {
    expect(facts.lists.find((l) => l.title === '2. Utilidad')!.items).toHaveLength(11);
    expect(facts.lists.find((l) => l.title === '3. Inconvenientes')!.items[0]).toBe('Rendimiento inferior.');
    expect(facts.lists.map((l) => l.title)).toContain('Virtualización parcial');
  });

  test('the closing questions are recognised, not turned into facts', () => {
    expect(facts.openQuestions).toEqual(['9. Cuestiones']);
    expect(facts.definitions.some((d) => d.term.startsWith('Sobre'))).toBe(false);
  });
});

test('sentences split before capitals, but not after initials', () => {
  expect(splitSentences('In 1970 Edgar F. Codd published it. Then SQL came.')).toEqual([
    'In 1970 Edgar F. Codd published it.',
    'Then SQL came.',
  ]);
});

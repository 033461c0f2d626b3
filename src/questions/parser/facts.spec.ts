import { describe, expect, test } from '@jest/globals';
import { outlineOf, TEMA1 } from '../../../test/support/decks.js';
import { extractFacts, splitSentences } from './facts.js';

describe('extractFacts on the virtualization deck', () => {
  const facts = extractFacts(outlineOf(TEMA1));
  const category = (prefix: string) => facts.categories.find((c) => c.name.startsWith(prefix))!;

  test('definitions keep term, first sentence and source', () => {
    const vmm = facts.definitions.find((d) => d.term.startsWith('Hypervisor'))!;
    expect(vmm.definition).toBe('La capa software que se encarga de manejar los recursos del sistema físico exportándolos a la máquina virtual.');
    expect(vmm.ref.section.label).toBe('4. Conceptos básicos');
    expect(vmm.ref.sentence).toMatch(/^es la capa software/);
    expect(vmm.group).toBe('4. Conceptos básicos › Conceptos básicos');
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
    expect(category('Virtualización de almacenamiento').examples).toEqual(['El particionado de un disco duro', 'Un sistema de varios discos en RAID']);
    expect(facts.categories.map((c) => c.name)).not.toContain('Ventajas sobre la virtualización basada en hipervisores');
  });

  test('dated and numeric facts; only those a student can be asked to type are askable', () => {
    expect(facts.numbers.map((n) => [n.value, n.year, n.askable])).toEqual([
      ['20-30%', null, false], // "… de su capacidad de proceso": whose capacity is on the bullet before
      ['50%', null, true],
      ['60', 1960, true],
      ['1980', 1980, false],
      ['1999', 1999, true],
      ['17', null, false],
    ]);
  });

  test('advantages and drawbacks: only the slides that read as a list, each sentence standing alone', () => {
    const deck = facts.stances.find((s) => s.owner === null)!;
    expect(deck.advantages.map((a) => a.text)).toContain('Reducción del hardware necesario.');
    expect(deck.advantages.map((a) => a.text).join(' ')).not.toMatch(/usuario de ordenador personal|20-30%/);
    expect(deck.drawbacks[0]).toMatchObject({ text: 'Rendimiento inferior.', ref: { slide: 'Inconvenientes' } });
    expect(facts.stances.find((s) => s.owner === 'Paravirtualización')!.advantages.map((a) => a.text)).toEqual([
      'Menor complejidad del hypervisor.',
      'Posibilidad de optimización desde el punto de vista del SO invitado.',
    ]);
  });

  test('traits: the bullets after a definition, never a sentence that needs the slide', () => {
    const traits = facts.traits.map((t) => t.text);
    expect(traits).toContain('No puede usar virtualización por hardware.');
    expect(traits.join(' ')).not.toMatch(/dicha API|Por ello|No obstante|Igual a la anterior/);
    expect(facts.traits.find((t) => t.text.startsWith('No permite varias'))!.ref.slide).toBe('Virtualización de la plataforma (II)');
  });

  test('two-way contrasts: a "versus" section and a list of exactly two terms', () => {
    expect(facts.contrasts.map((c) => c.sides)).toEqual([
      ['Virtualización basada en hipervisores', 'Virtualización a nivel de sistema operativo'],
      ['Tipo I o nativo ("Non-hosted" o "bare-metal")', 'Tipo II o no nativo ("Hosted")'],
    ]);
    const versus = facts.contrasts[0]!.claims;
    expect(versus.filter((c) => c.nature === 'advantage').every((c) => c.holder === 'Virtualización a nivel de sistema operativo')).toBe(true);
    expect(versus.find((c) => c.mirrored)!.mirrored).toMatch(/^En la virtualización basada en hipervisores, las máquinas virtuales/);
  });

  test('the deck subject is defined on the definition slide', () => {
    expect(facts.definitions[0]).toMatchObject({ term: 'Virtualización', definition: expect.stringMatching(/^La abstracción de los recursos/) });
  });

  test('the closing questions are recognised, not turned into facts', () => {
    expect(facts.openQuestions).toEqual(['9. Cuestiones']);
    expect(facts.definitions.some((d) => d.term.startsWith('Sobre'))).toBe(false);
  });
});

test('sentences split before capitals, but not after initials', () => {
  expect(splitSentences('In 1970 Edgar F. Codd published it. Then SQL came.')).toEqual(['In 1970 Edgar F. Codd published it.', 'Then SQL came.']);
});

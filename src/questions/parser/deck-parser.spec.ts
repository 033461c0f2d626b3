import { describe, expect, test } from '@jest/globals';
import { DATABASES, outlineOf, TEMA1 } from '../../../test/support/decks.js';
import { parseDeck } from './deck-parser.js';

describe('parseDeck on the virtualization deck', () => {
  const outline = outlineOf(TEMA1);
  const section = (n: number) => outline.sections.find((s) => s.number === n)!;

  test('title from the leading headings, language from the text', () => {
    expect(outline.title).toBe('Tema 1. Fundamentos y Tecnologías de Virtualización');
    expect(outline.language).toBe('es');
  });

  test('numbered sections, whatever heading level or missing dot they use', () => {
    expect(outline.sections.map((s) => s.label)).toEqual([
      '1. Definición',
      '2. Utilidad',
      '3. Inconvenientes',
      '4. Conceptos básicos',
      '5. Un poco de historia',
      '6. Tipos de virtualización',
      '7. Tipos de Hypervisor',
      '8. Virtualización basada en hipervisores versus Virtualización a nivel de sistema operativo',
      '9. Cuestiones',
    ]);
  });

  test('slides that continue a topic are merged under it', () => {
    expect(section(2).topics.map((t) => t.slides)).toEqual([['Utilidad (I)', 'Utilidad (II)', 'Utilidad (III)']]);
    const platform = section(6).topics.find((t) => t.title === 'Virtualización de la plataforma')!;
    expect(platform.slides).toHaveLength(11);
    expect(section(6).topics.map((t) => t.title)).toContain('Virtualización de recursos');
  });

  test('bold lead terms keep their definition; bold-only bullets head the bullets after them', () => {
    const vmm = section(4).topics[0]!.items.find((i) => i.lead?.startsWith('Hypervisor'))!;
    expect(vmm).toMatchObject({ lead: 'Hypervisor o Virtual Machine Monitor (VMM)', rest: expect.stringMatching(/^es la capa software/) });
    const type2 = section(7).topics[0]!.items.find((i) => i.lead?.startsWith('Tipo II'))!;
    expect(type2.children.map((c) => c.text)).toContain('Ejemplos: VMware Workstation o Microsoft Virtual PC.');
  });

  test('a subtitle ending in ":" heads the following list; empty diagram slides are dropped', () => {
    const platform = section(6).topics.find((t) => t.title === 'Virtualización de la plataforma')!;
    const osLevel = platform.items.filter((i) => i.lead === 'Virtualización a nivel del sistema operativo');
    expect(osLevel.flatMap((i) => i.children.flatMap((c) => c.children.map((e) => e.text)))).toContain('FreeBSD Jail');
    const stubs = platform.items.filter((i) => i.children.length === 0 && i.text.endsWith(':'));
    expect(stubs).toEqual([]);
  });

  test('a long bold sentence is not a lead term', () => {
    const items = section(1).topics[0]!.items;
    expect(items.every((i) => i.lead === null)).toBe(true);
    expect(items).toHaveLength(4);
  });

  test('stray emphasis markers are not part of the text', () => {
    expect(JSON.stringify(section(5))).not.toContain('**');
  });
});

describe('parseDeck on other decks', () => {
  test('an English deck is detected as English', () => {
    const outline = outlineOf(DATABASES);
    expect(outline).toMatchObject({ title: 'Unit 3. Database Systems', language: 'en' });
    expect(outline.sections).toHaveLength(7);
  });

  test('a deck without numbered sections has no sections (and so no questions)', () => {
    expect(parseDeck('# Notes\n\n- just a bullet\n').sections).toEqual([]);
    expect(parseDeck('').sections).toEqual([]);
  });
});

describe('parseDeck on the shapes teachers export', () => {
  const deck = [
    '# Tema 3. Redes',
    '',
    '# Índice',
    '',
    '1. Tipos',
    '2. Historia',
    '',
    '# 1. Tipos de redes',
    '',
    '## Redes de corto alcance',
    '',
    '- **PAN:** conecta los dispositivos de una persona.',
    '',
    '## Redes de largo alcance',
    '',
    '- **WAN:** une redes lejanas.',
    '  - Ejemplos de redes WAN: Internet, MPLS.',
    '',
    '# 2. Historia (I)',
    '',
    '- En 1969 se puso en marcha ARPANET.',
    '',
    '# 2. Historia (II)',
    '',
    '- En 1991 se publicó la web.',
  ].join('\n');
  const outline = parseDeck(deck);

  test('a contents slide after the title is neither title nor section', () => {
    expect(outline.title).toBe('Tema 3. Redes');
    expect(outline.sections.map((s) => s.label)).toEqual(['1. Tipos de redes', '2. Historia']);
  });

  test('every unnumbered sub-heading under a numbered section is a topic of its own', () => {
    expect(outline.sections[0]!.topics.filter((t) => t.items.length).map((t) => t.title)).toEqual(['Redes de corto alcance', 'Redes de largo alcance']);
  });

  test('each bullet knows the slide it is on, also when a topic spans slides', () => {
    const history = outline.sections[1]!.topics[0]!;
    expect(history.items.map((i) => i.slide)).toEqual(['Historia (I)', 'Historia (II)']);
  });

  test('"Ejemplos de …:" lead-ins are examples of the term above', async () => {
    const { extractFacts } = await import('./facts.js');
    expect(extractFacts(outline).categories).toEqual([expect.objectContaining({ name: 'WAN', examples: ['Internet', 'MPLS'] })]);
  });
});

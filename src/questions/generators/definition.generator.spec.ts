import { describe, expect, test } from '@jest/globals';
import { TEMA1 } from '../../../test/support/decks.js';
import { contextFor, rightOptions, wrongOptions } from '../../../test/support/generators.js';
import { definitionQuestions } from './definition.generator.js';

describe('definition questions', () => {
  const questions = definitionQuestions(contextFor(TEMA1));
  const byKind = (kind: string) => questions.filter((q) => q.kind === kind);

  test('definition → term, with sibling terms of the same section as distractors', () => {
    const q = byKind('definition-term').find((x) => rightOptions(x)[0]?.startsWith('Hypervisor'))!;
    expect(q.prompt).toBe(
      '¿Qué concepto del tema se define así? «La capa software que se encarga de manejar los recursos del sistema físico exportándolos a la máquina virtual.»',
    );
    expect(wrongOptions(q).sort()).toEqual(['Anfitrión o host', 'HVM (Hardware-assisted Virtual Machine)', 'Huésped o guest']);
    expect(q.source).toMatchObject({ section: '4. Conceptos básicos', slide: 'Conceptos básicos' });
  });

  test('term → definition', () => {
    const q = byKind('term-definition').find((x) => x.prompt.includes('«Huésped o guest»'))!;
    expect(rightOptions(q)).toEqual(['La máquina virtual, la cual tiene un acceso limitado al hardware físico, debido al software de virtualización.']);
    expect(q.options).toHaveLength(4);
  });

  test('true/false: the real definition, and one borrowed from a sibling term', () => {
    const about = byKind('truefalse-definition').filter((x) => x.prompt.includes('«Anfitrión o host»'));
    expect(about.map((x) => x.correct[0]).sort()).toEqual([0, 1]);
    expect(about.every((x) => x.options.join() === 'Verdadero,Falso')).toBe(true);
    expect(about.find((x) => x.correct[0] === 1)!.prompt).not.toContain('máquina que posee el software');
  });

  test('ids are stable across builds', () => {
    expect(definitionQuestions(contextFor(TEMA1)).map((q) => q.id)).toEqual(questions.map((q) => q.id));
  });
});

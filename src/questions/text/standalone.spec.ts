import { describe, expect, test } from '@jest/globals';
import { standaloneProblem, standaloneVersion } from './standalone.js';

describe('the standalone-sentence filter', () => {
  test.each([
    ['Luego, se puede entender por virtualización cosas tan simples como el particionado de un disco duro.', 'connector'],
    ['No obstante, las aplicaciones que corren en SO invitado lo siguen viendo como un sistema autónomo.', 'connector'],
    ['En otras palabras: simular la existencia de un recurso.', 'connector'],
    ['Igual a la anterior, pero el SO del sistema invitado está diseñado para otra CPU.', 'reference'],
    ['Las llamadas a dicha API se conocen como hypercalls.', 'reference'],
    ['Existen varias formas de hacer esto.', 'reference'],
    ['Como curiosidad; hay 17 instrucciones de x86 que provocan errores.', 'aside'],
    ['Mediante el cual se crea uno o varios espacios de direccionamiento virtual en una subred.', 'fragment'],
    ['¿Qué tipo de virtualización realiza?', 'question'],
    ['However, the former is faster.', 'connector'],
    ['It is managed by a database management system.', 'reference'],
  ])('"%s" → %s', (sentence, problem) => {
    const language = /^(However|It)\b/.test(sentence) ? 'en' : 'es';
    expect(standaloneProblem(sentence, language, 'statement')).toBe(problem);
  });

  test('a noun phrase is an option, not a statement', () => {
    expect(standaloneProblem('Reducción del hardware necesario.', 'es', 'option')).toBeNull();
    expect(standaloneProblem('Reducción del hardware necesario.', 'es', 'statement')).toBe('fragment');
  });

  test('a trait may lean on the term it describes ("Su uso …"), a statement may not', () => {
    const sentence = 'Su uso conlleva una sobrecarga de rendimiento.';
    expect(standaloneProblem(sentence, 'es', 'trait')).toBeNull();
    expect(standaloneProblem(sentence, 'es', 'statement')).toBe('reference');
  });

  test('a parenthetical or a trailing clause that points at the slide is cut when the rest stands', () => {
    expect(standaloneVersion('El hypervisor ofrece una API especial (cosa que no era necesario en las técnicas anteriores).', 'es', 'trait')).toBe(
      'El hypervisor ofrece una API especial.',
    );
    expect(
      standaloneVersion(
        'En 1999, VMware fue la primera en introducir la virtualización en los sistemas x86 para solucionar muchos de estos problemas.',
        'es',
        'statement',
      ),
    ).toBe('En 1999, VMware fue la primera en introducir la virtualización en los sistemas x86.');
    // What remains would have lost its point: nothing is kept.
    expect(standaloneVersion('Es el propio kernel del SO el que se usa para implementar el entorno de dichas máquinas virtuales.', 'es', 'trait')).toBeNull();
  });
});

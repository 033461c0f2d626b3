import { describe, expect, test } from '@jest/globals';
import type { Question } from './question.js';
import { qualityProblems } from './question-quality.js';

function single(prompt: string, right: string, wrong: string[]): Question {
  return {
    id: 'q',
    kind: 'test',
    type: 'single',
    prompt,
    options: [right, ...wrong],
    correct: [0],
    accepted: [],
    explanation: 'explicación',
    source: { section: '1. Tema', slide: 'Tema', sentence: 'frase' },
    tags: ['1. Tema'],
    difficulty: 2,
  };
}

describe('give-aways the code catches', () => {
  test('a stem of the key in the prompt, after accents and stemming, even partly ("memoria" → "Memoria virtual")', () => {
    const q = single('¿Qué técnica hace creer a las aplicaciones que disponen de una memoria contigua?', 'Memoria virtual', [
      'Encapsulamiento',
      'Virtualización de red',
    ]);
    expect(qualityProblems(q, 'es')).toContain('GIVEAWAY: the right option shares a word with the prompt that no wrong option does');
  });

  test('a category named inside an example, across languages and inside compounds', () => {
    const faas = single('¿Cuál de estos es un ejemplo de «FaaS (Funciones como servicio)»?', 'Azure Functions', ['Gmail', 'Salesforce']);
    expect(qualityProblems(faas, 'es').join()).toMatch(/GIVEAWAY/);
    const graph = single('Which of these is an example of "Graph databases"?', 'JanusGraph', ['Redis', 'Riak']);
    expect(qualityProblems(graph, 'en').join()).toMatch(/GIVEAWAY/);
  });

  test('an acronym of the key in the prompt', () => {
    const q = single('¿En qué categoría del tema encaja «LTO-9»?', 'Cinta magnética (LTO)', ['Disco duro (HDD)', 'Unidad de estado sólido (SSD)']);
    expect(qualityProblems(q, 'es').join()).toMatch(/GIVEAWAY/);
  });

  test('length and format outliers', () => {
    const long = single('¿Cuál es una ventaja?', 'Reducción de los costes de software cuando las licencias limitan su uso por cada CPU física', [
      'Rendimiento inferior.',
      'Avería común.',
    ]);
    expect(qualityProblems(long, 'es')).toContain('GIVEAWAY: the right option is far longer than the others');
    const phrase = single('¿Cuál es un ejemplo de «Virtualización de almacenamiento»?', 'El particionado de un disco duro', ['KVM', 'Xen', 'FreeBSD Jail']);
    expect(qualityProblems(phrase, 'es')).toContain('GIVEAWAY: the right option is the only descriptive phrase');
    const qualified = single('¿Cuál NO es un ejemplo de «Virtualización nativa»?', 'Sandboxie (Windows)', ['Xen', 'KVM', 'VMware Workstation']);
    expect(qualityProblems(qualified, 'es')).toContain('GIVEAWAY: the right option is the only name with a qualifier');
  });

  test('the one statement among noun phrases gives itself away by its shape', () => {
    const hash = single('What is the correct definition of "Hash function"?', 'Maps data of any size to a short fixed-size digest.', [
      'A digest computed with a secret key, so only the key holders can produce it.',
      "A digest encrypted with the sender's private key.",
    ]);
    expect(qualityProblems(hash, 'en')).toContain('GIVEAWAY: the right option is the only statement among noun phrases');
    const core = single('¿Cuál de estas es una característica del «Hypervisor»?', 'Es el núcleo de todo software de virtualización.', [
      'Máquina que posee el software de virtualización.',
      'La máquina virtual, la cual tiene un acceso limitado al hardware físico.',
    ]);
    expect(qualityProblems(core, 'es')).toContain('GIVEAWAY: the right option is the only statement among noun phrases');
    // A gloss with a subordinate clause ("… cuando el uso varía") is still a noun phrase; two statements share the shape.
    const fair = single('¿Cuál presenta el tema como un inconveniente?', 'Costes difíciles de prever cuando el uso varía mucho.', [
      'Pago por uso en lugar de grandes inversiones iniciales.',
      'Proporciona aislamiento entre las máquinas virtuales.',
    ]);
    expect(qualityProblems(fair, 'es')).toEqual([]);
  });

  test('question words and "no" are no clue: "¿Cuál …?" meeting "la cual", "y no como" meeting "no afectan"', () => {
    const q = single(
      '¿Cuál de estas presenta el tema como una ventaja, y no como un inconveniente?',
      'Proporciona aislamiento: los fallos de una máquina no afectan a las otras.',
      ['Rendimiento inferior.', 'Una avería afecta a todas las entidades alojadas, lo cual puede ser nefasto.', 'Rendimiento gráfico limitado.'],
    );
    expect(qualityProblems(q, 'es')).toEqual([]);
    const storage = single('¿Cuál es la definición correcta de «Virtualización de almacenamiento»?', 'Abstracción del almacenamiento físico.', [
      'Técnica gracias a la cual las aplicaciones creen disponer de memoria contigua.',
      'Ocultación de la complejidad de un recurso.',
    ]);
    expect(qualityProblems(storage, 'es')).toContain('GIVEAWAY: the right option shares a word with the prompt that no wrong option does');
  });

  test('a sound question passes; sibling names a letter apart are not near-copies', () => {
    expect(qualityProblems(single('¿Qué tipo de hypervisor es «VMware ESX Server»?', 'Tipo I o nativo', ['Tipo II o no nativo']), 'es')).toEqual([]);
    expect(qualityProblems(single('Which category does "AES-256" belong to?', 'Symmetric encryption', ['Asymmetric encryption']), 'en')).toEqual([]);
  });

  test('a near-copy of a descriptive key is a bad distractor', () => {
    const q = single('¿Cuál es la definición de «Anfitrión»?', 'Máquina que posee el software de virtualización', [
      'Máquina que posee el software de virtualizacion.',
      'La capa software que maneja los recursos',
    ]);
    expect(qualityProblems(q, 'es').join()).toMatch(/BAD-DISTRACTOR|STRUCTURE/);
  });
});

import type { QuestionType } from '../../questions/question.js';
import type { ItemStats } from './item-analysis.js';

/** Below this many players asked, the figures are shown but nothing is flagged: too few to judge. */
export const MIN_RESPONSES = 8;
/** A discrimination index closer to zero than this tells strong and weak students apart no better than chance. */
export const NEAR_ZERO = 0.1;
export const TOO_EASY = 0.95;
export const TOO_HARD = 0.1;

export type ItemFlagCode = 'negative-discrimination' | 'low-discrimination' | 'unused-distractor' | 'too-easy' | 'too-hard';

export interface ItemFlag {
  code: ItemFlagCode;
  /** One line a teacher understands (English; the web pages show their own translation of the code). */
  message: string;
  /** unused-distractor: the option nobody chose. */
  option?: string;
}

/** What is worth a teacher's look, from the figures of one question. */
export function flagsOf(stats: Omit<ItemStats, 'flags'>, type: QuestionType): ItemFlag[] {
  if (stats.responses < MIN_RESPONSES || stats.facility === null) return [];
  const flags: ItemFlag[] = [];
  const extreme = stats.facility > TOO_EASY || stats.facility < TOO_HARD;
  if (stats.facility > TOO_EASY) flags.push({ code: 'too-easy', message: 'Almost everyone got it right: it tells you little about who understood.' });
  if (stats.facility < TOO_HARD) flags.push({ code: 'too-hard', message: 'Almost nobody got it right: check the key, or teach this again.' });
  const d = stats.discrimination;
  if (d !== null && d < 0) {
    flags.push({
      code: 'negative-discrimination',
      message: 'The strongest students missed it more often than the weakest: the key may be wrong or the question ambiguous.',
    });
  } else if (d !== null && d < NEAR_ZERO && !extreme) {
    flags.push({ code: 'low-discrimination', message: 'Strong and weak students did equally well on it: it may be a guess or test something else.' });
  }
  if (type === 'single' || type === 'multiple') {
    for (const o of stats.options.filter((o) => !o.correct && o.count === 0)) {
      flags.push({ code: 'unused-distractor', option: o.option, message: `Nobody chose «${o.option}»: it is not a plausible wrong answer.` });
    }
  }
  return flags;
}

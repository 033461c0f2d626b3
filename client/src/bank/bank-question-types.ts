import type { BankQuestion } from './bank-api.js';

type Type = BankQuestion['type'];

/** How the bank page writes and shows one question type's answer key. */
export interface BankQuestionType {
  /**
   * one / many: options with the right one(s) marked (radio / checkboxes);
   * order: the options written in the right order; accepted: typed answers, no options.
   */
  key: 'one' | 'many' | 'order' | 'accepted';
  /** True/false options are fixed (in the deck's language), not typed in. */
  fixedOptions: boolean;
}

/** Keyed by the server's QuestionType, so a type added there without its entry fails `npm run typecheck`. */
export const BANK_QUESTION_TYPES: { readonly [T in Type]: BankQuestionType } = {
  single: { key: 'one', fixedOptions: false },
  multiple: { key: 'many', fixedOptions: false },
  truefalse: { key: 'one', fixedOptions: true },
  typed: { key: 'accepted', fixedOptions: false },
  ordering: { key: 'order', fixedOptions: false },
};

/** Every type, in the order the editor and the filters list them. */
export const BANK_TYPE_LIST = Object.keys(BANK_QUESTION_TYPES) as Type[];

export { ask, retrieve, warmAsk } from './ask';
export type { Answer, AnswerLink, AnswerSection, ClosestPage, QuestionType } from './types';

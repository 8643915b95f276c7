export { checkDocumentation, questionsText, scoreFor } from './doccheck';
export type { CodeChange, DocCheck, DocCheckItem, DocQuestion, DocStatus, Tally } from './doccheck';

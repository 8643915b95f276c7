export { checkDocumentation, questionsText } from './doccheck';
export type { CodeChange, DocCheck, DocCheckItem, DocQuestion, DocStatus } from './doccheck';

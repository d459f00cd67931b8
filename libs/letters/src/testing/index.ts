export { pdfWords } from './pdf-text';

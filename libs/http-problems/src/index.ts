export { ProblemException, problemType, PROBLEM_CONTENT_TYPE, type ProblemDocument, type FieldError } from './problem.js';
export { flattenValidationErrors, validationProblem } from './validation.js';

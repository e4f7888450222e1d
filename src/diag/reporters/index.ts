import { githubReport } from './github.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { prettyReport } from './pretty.js';
import { sarifReport } from './sarif.js';
import type { Format, ReportInput } from './types.js';

export * from './types.js';
export { escapeData, escapeProperty } from './github.js';
export { escapeXml } from './junit.js';
export { githubReport, jsonReport, junitReport, prettyReport, sarifReport };

/** Renders a report in one of the output formats (a string; the caller decides where it goes). */
export function formatReport(format: Format, input: ReportInput): string {
  switch (format) {
    case 'json':
      return jsonReport(input);
    case 'github':
      return githubReport(input);
    case 'sarif':
      return sarifReport(input);
    case 'junit':
      return junitReport(input);
    default:
      return prettyReport(input);
  }
}

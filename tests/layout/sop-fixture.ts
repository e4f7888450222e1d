import { loadSop, type SopModel } from '../../src/model/index.js';
import { manifestYaml, writeFixture } from '../helpers/fixture.js';

export const section = (component: string, title: string, body: string) => `---\ncomponent: ${component}\ntitle: ${title}\n---\n${body}`;

/** A throw-away SOP folder loaded through the real loader. */
export async function sopWith(files: Record<string, string | Uint8Array>, manifest: Record<string, string> = {}): Promise<SopModel> {
  const dir = await writeFixture({ 'sop.yaml': manifestYaml({ version: '"2.1"', date: '2026-11-22', ...manifest }), ...files });
  return (await loadSop(dir)).model;
}

export const arabicParagraph =
  'تقدم وكالات الأمم المتحدة والمنظمات غير الحكومية الوطنية والدولية خدمات إدارة حالات حماية الطفل في المخيمات والمجتمعات المضيفة، مكمّلةً للنظام الرسمي لا بديلًا عنه. وهذه الإجراءات هي الاتفاق الذي يجعل هذه الخدمات تعمل نظامًا واحدًا بقيادة المديرية.';

import fs from 'node:fs';
import path from 'node:path';
const m = await import('/work/main/lib/vendor/markdown.js');
const dir = '/tmp/bk/sop-ar/sections/ar';
const files = fs.readdirSync(dir).filter(f => f.endsWith('.md')).map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
const p = m.unified().use(m.remarkParse).use(m.remarkGfm).use(m.remarkDirective);
for (let lap = 0; lap < 6; lap++) { const t = performance.now(); for (const f of files) p.runSync(p.parse(f)); console.log('lap', lap, (performance.now() - t).toFixed(0), 'ms'); }

import { SourceFile } from './src/resolver/source-file.ts';
import { parseYamlFile } from './src/resolver/parse.ts';
const t = `# c\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n---\na: [\n---\nx: yes\ny: 0777\nz: 2001-01-01\nw: 1:20\n---\na: &a [1,2,3,4,5,6,7,8,9,10]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c]\n`;
const r = parseYamlFile(new SourceFile('x.yaml', t));
console.log(JSON.stringify(r.problems, null, 0));
for (const d of r.documents) console.log(d.index, JSON.stringify(d.value), JSON.stringify(d.map.rangeOf(['metadata','name'],'key')), JSON.stringify(d.map.rangeOf(['y'])));

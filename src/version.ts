import { readFileSync } from 'node:fs';

interface PackageInfo {
  name: string;
  version: string;
  homepage: string;
}

/** name, version and homepage from package.json (one level above both src/ and dist/). */
export const PACKAGE: PackageInfo = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageInfo;

/** Where a rule's documentation page lives. */
export function ruleDocsUrl(id: string): string {
  return `${PACKAGE.homepage}/blob/v${PACKAGE.version}/rules-docs/${id}.md`;
}

import { ObjectGraph } from '../../../src/resolver/graph.js';
import { manifestsOfDocument, type Manifest, type RawManifest } from '../../../src/resolver/manifest.js';
import { parseYamlFile } from '../../../src/resolver/parse.js';
import { SourceFile } from '../../../src/resolver/source-file.js';

/** An ObjectGraph of YAML text, read by the project's parser (positions kept), as file `file`. */
export function graphOfYaml(text: string, file = 'input.yaml'): ObjectGraph {
  const parsed = parseYamlFile(new SourceFile(file, text));
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const raw: RawManifest[] = parsed.documents.flatMap((doc) => manifestsOfDocument(file, doc).manifests);
  return new ObjectGraph(raw, [], { defaultNamespace: 'default' });
}

/** The only manifest of YAML text holding one object. */
export function manifestOfYaml(text: string): Manifest {
  const [manifest] = graphOfYaml(text).manifests;
  if (!manifest) throw new Error('no object in the text');
  return manifest;
}

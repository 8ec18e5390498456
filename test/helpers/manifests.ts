/** Small manifests for tests that build their input in code. */

export interface DeploymentOptions {
  /** `spec.replicas`; the line is left out when undefined (the API default, 1). */
  replicas?: number;
  /** More lines under `spec:` (indented 2), e.g. a `strategy:`. */
  spec?: string;
  /** Lines under the container (indented 10), e.g. `resources:` or `ports:`. */
  container?: string;
  /** The container's name (default: the Deployment's). */
  containerName?: string;
}

/** A Deployment `name` whose pods carry `app: <name>`, with one nginx container; block style, one document. */
export function deploymentYaml(name: string, options: DeploymentOptions = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${options.replicas !== undefined ? `  replicas: ${options.replicas}\n` : ''}${options.spec ?? ''}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${options.containerName ?? name}
          image: nginx:1.27
${options.container ?? ''}`;
}

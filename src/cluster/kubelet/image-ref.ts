// Container image references, as the kubelet and containerd read them (github.com/distribution/reference:
// `[domain/]path[:tag][@digest]`; Docker Hub is the default domain and `library/` its default namespace).

export interface ImageRef {
  /** Fully qualified, as containerd names it: `docker.io/library/nginx:1.16`. */
  canonical: string;
  /** Short name without tag, as people write it: `nginx`, `luksa/kubia`, `ghcr.io/c1t1d0s7/go-myweb`. */
  name: string;
  /** The tag (`latest` when none is given and there is no digest). */
  tag: string | undefined;
  digest: string | undefined;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;

/** Parses an image reference; a string is returned for an invalid one (distribution/reference's wording). */
export function parseImageRef(image: string): ImageRef | string {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return 'invalid reference format';
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return 'invalid reference format';
  }
  if (rest === '') return 'invalid reference format';
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost'
    || parts[0] !== parts[0].toLowerCase())) {
    if (!DOMAIN.test(parts[0])) return 'invalid reference format';
    domain = parts.shift()!;
  }
  if (parts.some((p) => p !== p.toLowerCase())) return 'invalid reference format: repository name must be lowercase';
  if (!parts.every((p) => COMPONENT.test(p))) return 'invalid reference format';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const name = domain === 'docker.io' ? path.replace(/^library\//, '') : `${domain}/${path}`;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const canonical = `${domain}/${path}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
  return { canonical, name, tag, digest };
}

// Name generation as the API server does it for `metadata.generateName`
// (staging/src/k8s.io/apiserver/pkg/storage/names/generate.go + k8s.io/apimachinery/pkg/util/rand):
// five characters from an alphabet without vowels and confusable characters.
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const GENERATED_SUFFIX_LENGTH = 5;
/** generateName is truncated so the whole name stays within 63 characters (maxGeneratedNameLength = 58). */
export const MAX_GENERATE_NAME_PREFIX = 63 - GENERATED_SUFFIX_LENGTH;

export function suffixFrom(randoms: number[]): string {
  return randoms.map((r) => NAME_ALPHABET[Math.floor(r * NAME_ALPHABET.length)]).join('');
}

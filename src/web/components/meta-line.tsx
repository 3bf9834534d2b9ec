import { Text } from '@mantine/core';

/** "A · B · C" in small grey text that wraps between parts, never inside one. */
export function MetaLine({ parts }: { parts: Array<string | null | undefined> }) {
  const shown = parts.filter((p): p is string => Boolean(p));
  return (
    <Text size="sm" c="dimmed">
      {shown.map((p, i) => (
        <span key={`${i}-${p}`}>
          {i > 0 && ' · '}
          <span style={{ whiteSpace: 'nowrap' }}>{p}</span>
        </span>
      ))}
    </Text>
  );
}

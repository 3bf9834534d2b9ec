import { Badge, type BadgeProps } from '@mantine/core';
import type { TagColour } from '../lib/tags';

/** A tag as a badge in its colour; names keep their own case (Mantine badges shout in capitals by default). */
export function TagBadge({ name, colour, ...rest }: { name: string; colour: TagColour } & BadgeProps) {
  return (
    <Badge color={colour} variant="light" c={`${colour}.9`} tt="none" size="lg" radius="sm" {...rest}>
      {name}
    </Badge>
  );
}

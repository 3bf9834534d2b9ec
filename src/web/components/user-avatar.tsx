import { Avatar, type AvatarProps } from '@mantine/core';
import { initials } from '../lib/format';

/** Colour from the name, letters that suit it (小美 for 林小美). Decorative: the name is always written next to it. */
export function UserAvatar({ name, ...props }: { name: string } & Omit<AvatarProps, 'name' | 'children'>) {
  return (
    <Avatar name={name} color="initials" aria-hidden="true" {...props}>
      {initials(name)}
    </Avatar>
  );
}

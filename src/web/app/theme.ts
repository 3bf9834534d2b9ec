import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep rose, the colour of the icon and the manifest; shade 7 keeps white text above 8:1 contrast.
const rose: MantineColorsTuple = [
  '#fcf0f3',
  '#f5dde4',
  '#ebb8c7',
  '#e090a8',
  '#d66e8e',
  '#cc5280',
  '#b23f69',
  '#8a2846',
  '#731f3a',
  '#5c172e',
];

export const THEME_COLOR = rose[7];

export const theme = createTheme({
  primaryColor: 'rose',
  primaryShade: 7,
  colors: { rose },
  // Per-language stacks live in styles.css so each script gets its own CJK glyph forms.
  fontFamily: 'var(--keqing-font)',
  headings: { fontFamily: 'var(--keqing-font)' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Upper-case badges shout in English and mean nothing in Chinese or Japanese.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});

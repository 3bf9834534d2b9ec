// A handful of line icons (24×24, drawn with strokes), so the app needs no icon package.
const PATHS = {
  home: ['M5 12H3l9-9 9 9h-2', 'M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7', 'M9 21v-6a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v6'],
  store: [
    'M3 21h18',
    'M3 7v1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7H3l2-4h14l2 4',
    'M5 21V10.85',
    'M19 21V10.85',
    'M9 21v-4a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v4',
  ],
  users: [
    'M5 7a4 4 0 1 0 8 0 4 4 0 1 0-8 0',
    'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
    'M16 3.13a4 4 0 0 1 0 7.75',
    'M21 21v-2a4 4 0 0 0-3-3.85',
  ],
  key: ['M15 3a5 5 0 1 1-4.58 7l-7.42 7.42V21h3.58l1-1v-2h2v-2h2l1.42-1.42A5 5 0 0 1 15 3z', 'M16 8h.01'],
  history: ['M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4m-.5 5v-5h5'],
  user: ['M8 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0', 'M6 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2'],
  language: ['M4 5h7', 'M9 3v2c0 4.42-2.24 8-5 8', 'M5 9c0 2.14 2.95 3.91 6.7 4', 'M12 20l4-9 4 9', 'M19.1 18h-6.2'],
  logout: ['M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2', 'M9 12h12l-3-3', 'M18 15l3-3'],
  chevronDown: ['M6 9l6 6 6-6'],
  dots: [
    'M4 12a1 1 0 1 0 2 0 1 1 0 1 0-2 0',
    'M11 12a1 1 0 1 0 2 0 1 1 0 1 0-2 0',
    'M18 12a1 1 0 1 0 2 0 1 1 0 1 0-2 0',
  ],
  plus: ['M12 5v14', 'M5 12h14'],
  lock: [
    'M5 13a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2z',
    'M11 16a1 1 0 1 0 2 0 1 1 0 0 0-2 0',
    'M8 11V7a4 4 0 1 1 8 0v4',
  ],
  alert: [
    'M12 9v4',
    'M10.36 3.59 2.26 17.13A1.91 1.91 0 0 0 3.89 20h16.22a1.91 1.91 0 0 0 1.64-2.87L13.64 3.59a1.91 1.91 0 0 0-3.28 0z',
    'M12 16h.01',
  ],
  copy: [
    'M8 10a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2z',
    'M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2',
  ],
  check: ['M5 12l5 5L20 7'],
  edit: ['M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4', 'M13.5 6.5l4 4'],
  map: ['M3 7l6-3 6 3 6-3v13l-6 3-6-3-6 3z', 'M9 4v13', 'M15 7v13'],
  clock: ['M3 12a9 9 0 1 0 18 0 9 9 0 0 0-18 0', 'M12 7v5l3 3'],
  inbox: ['M4 6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z', 'M4 13h3l3 3h4l3-3h3'],
  ban: ['M3 12a9 9 0 1 0 18 0 9 9 0 0 0-18 0', 'M5.7 5.7l12.6 12.6'],
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20, stroke = 1.8 }: { name: IconName; size?: number; stroke?: number }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

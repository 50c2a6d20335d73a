/**
 * Small decorative icons beside text that already says the same thing (verdicts, reason kinds,
 * certainty, forecasts): they help scanning, and colour is never the only signal.
 */
const paths = {
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  cross: 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z',
  warning: 'M12 2 1 21h22zm0 4.5L19.5 19h-15zM11 10v5h2v-5zm0 6v2h2v-2z',
  plus: 'M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m-1 4v2h2V8zm0 4v5h2v-5z',
  clock: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m-1 3v6l5 3 1-1.7-4-2.3V7z',
  question:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 2.5a3.5 3.5 0 0 0-3.5 3.5h2a1.5 1.5 0 1 1 2.1 1.4c-.9.4-1.6 1.2-1.6 2.3V14h2v-.3c0-.3.2-.5.4-.6A3.5 3.5 0 0 0 12 6.5M11 15.5v2h2v-2z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className ? `icon ${className}` : 'icon'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}

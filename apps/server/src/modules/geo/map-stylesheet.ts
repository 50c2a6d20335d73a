/**
 * Colours for standalone SVG files (served as images) and for copying into the web app's CSS.
 * Sequential palette (ColorBrewer YlGnBu, lightest step dropped so that c6 stays visible on white).
 * Contrast against white: c1 12.3:1, c2 6.5:1, c3 3.6:1 (≥ 3:1 non-text), c4 2.4:1, c5 1.9:1, c6 1.3:1;
 * between adjacent classes 1.3–1.9:1. Locator: neighbours `.nb` 3.0:1 against white, `.hl` 4.5:1.
 */
export const mapStylesheet = [
  '.varde-map .m{fill:#c9ced6;stroke:#fff;stroke-width:.3px;stroke-linejoin:round}',
  '.varde-map .c1{fill:#0c2c84}',
  '.varde-map .c2{fill:#225ea8}',
  '.varde-map .c3{fill:#1d91c0}',
  '.varde-map .c4{fill:#41b6c4}',
  '.varde-map .c5{fill:#7fcdbb}',
  '.varde-map .c6{fill:#c7e9b4}',
  '.varde-map .lo{fill:#eef0f3}',
  '.varde-map .lk{fill:#d3d8df}',
  '.varde-map .nb{fill:#8596ab}',
  '.varde-map .hl{fill:#e02e49;stroke:#1e2b3c;stroke-width:.6px}',
  '.varde-map a:hover .m,.varde-map a:focus .m,.varde-map .m:hover{fill:#f5b400;stroke:#1e2b3c;stroke-width:.6px}',
  '.varde-map .marker{fill:none;stroke:#e02e49;stroke-width:2px;pointer-events:none}',
  '.varde-map .border{fill:none;stroke:#1e2b3c;stroke-width:.5px;stroke-linejoin:round;pointer-events:none}',
].join('');

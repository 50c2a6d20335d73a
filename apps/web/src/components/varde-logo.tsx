/** The cairn mark next to the product name. Decorative: the name is always written out beside it. */
export function VardeLogo() {
  return (
    <svg className="varde-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="27" rx="13" ry="4" />
      <ellipse cx="15" cy="20" rx="10" ry="3.6" />
      <ellipse cx="17" cy="13.5" rx="7.5" ry="3.2" />
      <ellipse cx="15.5" cy="7.5" rx="5" ry="2.8" />
      <ellipse cx="16.5" cy="3" rx="2.6" ry="2" />
    </svg>
  );
}

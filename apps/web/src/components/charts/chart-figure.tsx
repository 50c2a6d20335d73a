import type { MouseEvent, ReactNode } from 'react';
import { Details } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';

/**
 * A chart with its caption, an optional note under it (what the numbers cover) and, when given, the
 * same numbers as a table behind "Show as a table". Pages whose table is already on the page pass no
 * `table` and say so in the caption or the note.
 */
export function ChartFigure({
  caption,
  children,
  note,
  table,
  className,
}: {
  caption: ReactNode;
  children: ReactNode;
  note?: ReactNode;
  table?: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const onClick = useSvgLinkNavigation();
  return (
    <figure className={className ? `chart ${className}` : 'chart'} onClick={onClick}>
      <figcaption className="chart__caption">{caption}</figcaption>
      {children}
      {note ? <div className="chart__note">{note}</div> : null}
      {table ? (
        <Details className="chart__table">
          <Details.Summary>{t('chart.showTable')}</Details.Summary>
          <Details.Content>{table}</Details.Content>
        </Details>
      ) : null}
    </figure>
  );
}

/**
 * Links in a chart or map SVG navigate on the client (one handler for every mark, as the long lists
 * do). An SVG `<a>` keeps its address in an attribute (`href` is an SVGAnimatedString there).
 * Modified clicks and other sites are left to the browser; without JavaScript the links work as they are.
 */
export function useSvgLinkNavigation() {
  const navigate = useNavigate();
  return (event: MouseEvent<Element>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || !event.currentTarget.contains(link)) return;
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    void navigate(`${url.pathname}${url.search}${url.hash}`);
  };
}

/**
 * One data mark: focusable with the keyboard, named for screen readers (`label` says the whole
 * datum: what and how much), a tooltip on hover (`<title>`). With `href` it is a link.
 */
export function ChartMark({ label, href, className, children }: { label: string; href?: string; className?: string; children: ReactNode }) {
  const classes = className ? `chart-mark ${className}` : 'chart-mark';
  if (href) {
    return (
      <a href={href} className={classes} aria-label={label}>
        <title>{label}</title>
        {children}
      </a>
    );
  }
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group made focusable is one data point, named as an image
    <g className={classes} tabIndex={0} role="img" aria-label={label}>
      <title>{label}</title>
      {children}
    </g>
  );
}

/** Gridlines, ticks and other drawing that repeats what the marks say: hidden from screen readers. */
export function ChartDecor({ className, children }: { className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; nothing in it is
    <g className={className} aria-hidden="true">
      {children}
    </g>
  );
}

import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * For long lists of plain `<a href>` links: one click handler on the container navigates on the
 * client, instead of a router link component per row (hydrating 357 of them cost the list page a
 * noticeable pause on a slow phone). Modified clicks, other windows and other sites are left to the
 * browser; without JavaScript the links work as they are.
 */
export function useClientNavigation() {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    if (!link || !event.currentTarget.contains(link) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    void navigate(`${url.pathname}${url.search}${url.hash}`);
  };
}

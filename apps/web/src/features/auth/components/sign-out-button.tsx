import { Button } from '@digdir/designsystemet-react';
import { useI18n } from '../../../i18n/i18n';
import { useLogout } from '../api/logout';

export function SignOutButton({ size = 'sm', variant = 'tertiary' }: { size?: 'sm' | 'md'; variant?: 'primary' | 'secondary' | 'tertiary' }) {
  const { t } = useI18n();
  const { state, mutate } = useLogout();
  return (
    <form
      method="post"
      className="inline-actions"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await mutate();
        // A full load: every loader, the header and the language must forget the user.
        if (result.ok) window.location.assign('/');
      }}
    >
      <Button type="submit" variant={variant} data-size={size} loading={state.status === 'pending'}>
        {t('layout.signOut')}
      </Button>
      {state.status === 'error' ? (
        <span role="alert" className="header-error">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}

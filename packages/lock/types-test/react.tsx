import 'passwordless-lock/define';
import type {} from 'passwordless-lock/react';
import type { PasswordlessLock } from 'passwordless-lock';
import { useRef } from 'react';

export function Login({ onLogin }: { onLogin: (email: string) => void }) {
  const lock = useRef<PasswordlessLock>(null);
  return (
    <>
      <button onClick={() => lock.current?.show()}>Log in</button>
      <passwordless-lock
        ref={lock}
        client-id="demo"
        domain="http://localhost:3000"
        autoclose
        auth={{ params: { scope: 'openid profile email' } }}
        onauthenticated={(event) => onLogin(event.detail.idTokenPayload.email ?? '')}
        onauthorization_error={(event) => console.warn(event.detail.error)}
      />
    </>
  );
}

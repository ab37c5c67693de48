// What the JSX typings refuse: each line below must be a type error, or `tsc` fails on the
// unused `@ts-expect-error`. (README: the React example is types-test/react.tsx.)
import type {} from 'passwordless-lock/react';

export const wrongTypes = (
  <>
    {/* @ts-expect-error closable is a boolean property, not the attribute's "false" */}
    <passwordless-lock closable="false" />
    {/* @ts-expect-error passwordlessMethod is 'code' | 'link' */}
    <passwordless-lock passwordlessMethod="sms" />
    {/* @ts-expect-error client-id is a string */}
    <passwordless-lock client-id={42} />
    {/* @ts-expect-error authenticated's detail has no user */}
    <passwordless-lock onauthenticated={(event) => event.detail.user} />
    {/* @ts-expect-error there is no such attribute */}
    <passwordless-lock client_id="demo" />
  </>
);

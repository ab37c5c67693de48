import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'passwordless-lock/define';
import type { AuthenticatedEvent } from 'passwordless-lock';

@Component({
  selector: 'app-login',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <button type="button" (click)="lock.show()">Log in</button>
    <passwordless-lock
      #lock
      client-id="demo"
      domain="http://localhost:3000"
      autoclose
      (authenticated)="loggedIn($event)"
    ></passwordless-lock>
  `,
})
export class LoginComponent {
  loggedIn(event: Event) {
    console.log('Logged in as', (event as AuthenticatedEvent).detail.idTokenPayload.email);
  }
}

import type { LocaleStrings } from './en.js';

const pl: LocaleStrings = {
  heading: 'Zaloguj się',
  close: 'Zamknij',
  language: 'Język',
  email: {
    label: 'Adres e-mail',
    instructions:
      'Wpisz swój adres e-mail, a wyślemy Ci jednorazowy kod. Hasło nie jest potrzebne.',
    instructionsLink: 'Wpisz swój adres e-mail, a wyślemy Ci link do logowania.',
    submit: 'Wyślij kod',
    submitLink: 'Wyślij link',
    terms: 'Akceptuję warunki korzystania z usługi',
  },
  code: {
    sent: 'Wysłaliśmy kod na adres {{email}}.',
    resent: 'Wysłaliśmy nowy kod na adres {{email}}.',
    label: 'Kod weryfikacyjny',
    hint: '{{length}}-cyfrowy kod z e-maila.',
    submit: 'Dalej',
    changeEmail: 'Użyj innego adresu e-mail',
    resend: 'Wyślij nowy kod',
    resendIn_one: 'O nowy kod możesz poprosić za {{count}} sekundę.',
    resendIn_few: 'O nowy kod możesz poprosić za {{count}} sekundy.',
    resendIn_many: 'O nowy kod możesz poprosić za {{count}} sekund.',
    resendIn_other: 'O nowy kod możesz poprosić za {{count}} sekundy.',
    expiresIn: 'Kod wygaśnie za {{time}}.',
    expired: 'Kod wygasł. Poproś o nowy.',
  },
  link: {
    sent: 'Wysłaliśmy link na adres {{email}}.',
    instructions: 'Otwórz link z e-maila na tym urządzeniu, aby dokończyć logowanie.',
    resend: 'Wyślij nowy link',
    enterCode: 'Wpisz zamiast tego kod',
  },
  status: {
    sending: 'Wysyłanie…',
    checking: 'Sprawdzanie…',
  },
  done: 'Zalogowano.',
  errors: {
    wrong_code: 'Ten kod jest nieprawidłowy lub wygasł. Sprawdź go i spróbuj ponownie.',
    wrong_code_left_one: 'Ten kod jest nieprawidłowy. Pozostała Ci {{count}} próba.',
    wrong_code_left_few: 'Ten kod jest nieprawidłowy. Pozostały Ci {{count}} próby.',
    wrong_code_left_many: 'Ten kod jest nieprawidłowy. Pozostało Ci {{count}} prób.',
    wrong_code_left_other: 'Ten kod jest nieprawidłowy. Pozostało Ci {{count}} próby.',
    attempts_used: 'Ten kod jest nieprawidłowy, a to była ostatnia próba. Poproś o nowy kod.',
    too_many_attempts:
      'Zbyt wiele nieprawidłowych kodów. Odczekaj kilka minut, a potem poproś o nowy kod.',
    rate_limited: 'Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.',
    rate_limited_wait_one: 'Zbyt wiele żądań. Spróbuj ponownie za {{count}} sekundę.',
    rate_limited_wait_few: 'Zbyt wiele żądań. Spróbuj ponownie za {{count}} sekundy.',
    rate_limited_wait_many: 'Zbyt wiele żądań. Spróbuj ponownie za {{count}} sekund.',
    rate_limited_wait_other: 'Zbyt wiele żądań. Spróbuj ponownie za {{count}} sekundy.',
    bad_email: 'Wpisz prawidłowy adres e-mail.',
    code_required: 'Wpisz kod z e-maila.',
    terms_required: 'Zaakceptuj warunki korzystania z usługi, aby kontynuować.',
    origin_not_allowed: 'Ta witryna nie może logować się do tej aplikacji.',
    network: 'Nie można połączyć się z serwerem. Sprawdź połączenie i spróbuj ponownie.',
    timeout: 'Serwer zbyt długo nie odpowiadał. Spróbuj ponownie.',
    code_expired: 'Ten kod wygasł. Poproś o nowy.',
    invalid_token: 'Nie udało się zweryfikować logowania. Spróbuj ponownie.',
    invalid_state:
      'To logowanie zostało rozpoczęte w innym miejscu lub już użyte. Zacznij od nowa.',
    server: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie później.',
  },
};

export default pl;

import type { LocaleStrings } from './en.js';

const lv: LocaleStrings = {
  heading: 'Pieteikšanās',
  close: 'Aizvērt',
  language: 'Valoda',
  email: {
    label: 'E-pasts',
    instructions:
      'Ievadiet savu e-pasta adresi, un mēs jums nosūtīsim vienreizēju kodu. Parole nav vajadzīga.',
    instructionsLink: 'Ievadiet savu e-pasta adresi, un mēs jums nosūtīsim saiti, lai pieteiktos.',
    submit: 'Sūtīt kodu',
    submitLink: 'Sūtīt saiti',
    terms: 'Es piekrītu pakalpojuma noteikumiem',
  },
  code: {
    sent: 'Mēs nosūtījām kodu uz {{email}}.',
    resent: 'Mēs nosūtījām jaunu kodu uz {{email}}.',
    label: 'Apstiprinājuma kods',
    hint: '{{length}} ciparu kods no e-pasta.',
    submit: 'Turpināt',
    changeEmail: 'Izmantot citu e-pasta adresi',
    resend: 'Sūtīt jaunu kodu',
    resendIn_zero: 'Jaunu kodu varēsiet pieprasīt pēc {{count}} sekundēm.',
    resendIn_one: 'Jaunu kodu varēsiet pieprasīt pēc {{count}} sekundes.',
    resendIn_other: 'Jaunu kodu varēsiet pieprasīt pēc {{count}} sekundēm.',
    expiresIn: 'Līdz koda derīguma beigām: {{time}}.',
    expired: 'Koda derīgums ir beidzies. Pieprasiet jaunu.',
  },
  link: {
    sent: 'Mēs nosūtījām saiti uz {{email}}.',
    instructions: 'Lai pabeigtu pieteikšanos, atveriet e-pastā saņemto saiti šajā ierīcē.',
    resend: 'Sūtīt jaunu saiti',
    enterCode: 'Labāk ievadīt kodu',
  },
  status: {
    sending: 'Notiek sūtīšana…',
    checking: 'Notiek pārbaude…',
  },
  done: 'Pieteikšanās ir izdevusies.',
  errors: {
    wrong_code: 'Kods ir nepareizs vai vairs nav derīgs. Pārbaudiet to un mēģiniet vēlreiz.',
    wrong_code_left_zero: 'Kods ir nepareizs. Jums vēl ir {{count}} mēģinājumi.',
    wrong_code_left_one: 'Kods ir nepareizs. Jums vēl ir {{count}} mēģinājums.',
    wrong_code_left_other: 'Kods ir nepareizs. Jums vēl ir {{count}} mēģinājumi.',
    attempts_used: 'Kods ir nepareizs, un tas bija pēdējais mēģinājums. Pieprasiet jaunu kodu.',
    too_many_attempts:
      'Pārāk daudz nepareizu kodu. Uzgaidiet dažas minūtes un pieprasiet jaunu kodu.',
    rate_limited: 'Pārāk daudz pieprasījumu. Brīdi uzgaidiet un mēģiniet vēlreiz.',
    rate_limited_wait_zero: 'Pārāk daudz pieprasījumu. Mēģiniet vēlreiz pēc {{count}} sekundēm.',
    rate_limited_wait_one: 'Pārāk daudz pieprasījumu. Mēģiniet vēlreiz pēc {{count}} sekundes.',
    rate_limited_wait_other: 'Pārāk daudz pieprasījumu. Mēģiniet vēlreiz pēc {{count}} sekundēm.',
    bad_email: 'Ievadiet derīgu e-pasta adresi.',
    code_required: 'Ievadiet kodu no e-pasta.',
    terms_required: 'Lai turpinātu, piekrītiet pakalpojuma noteikumiem.',
    origin_not_allowed: 'Šai vietnei nav atļauts pieteikties šajā lietotnē.',
    network: 'Nevar sazināties ar serveri. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
    timeout: 'Serveris neatbildēja laikus. Mēģiniet vēlreiz.',
    code_expired: 'Šis kods vairs nav derīgs. Pieprasiet jaunu.',
    invalid_token: 'Pieteikšanos neizdevās apstiprināt. Mēģiniet vēlreiz.',
    invalid_state: 'Šī pieteikšanās tika sākta citur vai jau ir izmantota. Sāciet no jauna.',
    server: 'Mūsu pusē radās kļūda. Mēģiniet vēlreiz vēlāk.',
  },
};

export default lv;

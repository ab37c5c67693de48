import type { LocaleStrings } from './en.js';

const fr: LocaleStrings = {
  heading: 'Connexion',
  close: 'Fermer',
  language: 'Langue',
  email: {
    label: 'E-mail',
    instructions:
      'Saisissez votre adresse e-mail : nous vous enverrons un code à usage unique. Aucun mot de passe nécessaire.',
    instructionsLink: 'Saisissez votre adresse e-mail : nous vous enverrons un lien de connexion.',
    submit: 'Envoyer le code',
    submitLink: 'Envoyer le lien',
    terms: "J'accepte les conditions d'utilisation",
  },
  code: {
    sent: 'Nous avons envoyé un code à {{email}}.',
    resent: 'Nous avons envoyé un nouveau code à {{email}}.',
    label: 'Code de vérification',
    hint: 'Le code à {{length}} chiffres reçu par e-mail.',
    submit: 'Continuer',
    changeEmail: 'Utiliser une autre adresse',
    resend: 'Recevoir un nouveau code',
    resendIn_one: 'Vous pourrez demander un nouveau code dans {{count}} seconde.',
    resendIn_many: 'Vous pourrez demander un nouveau code dans {{count}} de secondes.',
    resendIn_other: 'Vous pourrez demander un nouveau code dans {{count}} secondes.',
    expiresIn: 'Le code expire dans {{time}}.',
    expired: 'Le code a expiré. Demandez-en un nouveau.',
  },
  link: {
    sent: 'Nous avons envoyé un lien à {{email}}.',
    instructions: "Ouvrez le lien de l'e-mail sur cet appareil pour terminer la connexion.",
    resend: 'Recevoir un nouveau lien',
    enterCode: 'Saisir plutôt le code',
  },
  status: {
    sending: 'Envoi…',
    checking: 'Vérification…',
  },
  done: 'Vous êtes connecté.',
  errors: {
    wrong_code: 'Ce code est incorrect ou a expiré. Vérifiez-le et réessayez.',
    wrong_code_left_one: 'Ce code est incorrect. Il vous reste {{count}} essai.',
    wrong_code_left_many: 'Ce code est incorrect. Il vous reste {{count}} d’essais.',
    wrong_code_left_other: 'Ce code est incorrect. Il vous reste {{count}} essais.',
    attempts_used: "Ce code est incorrect et c'était le dernier essai. Demandez un nouveau code.",
    too_many_attempts:
      'Trop de codes incorrects. Patientez quelques minutes, puis demandez un nouveau code.',
    rate_limited: 'Trop de demandes. Patientez un instant et réessayez.',
    rate_limited_wait_one: 'Trop de demandes. Réessayez dans {{count}} seconde.',
    rate_limited_wait_many: 'Trop de demandes. Réessayez dans {{count}} de secondes.',
    rate_limited_wait_other: 'Trop de demandes. Réessayez dans {{count}} secondes.',
    bad_email: 'Saisissez une adresse e-mail valide.',
    code_required: 'Saisissez le code reçu par e-mail.',
    terms_required: "Acceptez les conditions d'utilisation pour continuer.",
    origin_not_allowed: "Ce site n'est pas autorisé à se connecter à cette application.",
    network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    timeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
    code_expired: 'Ce code a expiré. Demandez-en un nouveau.',
    invalid_token: "La connexion n'a pas pu être vérifiée. Réessayez.",
    invalid_state: 'Cette connexion a été commencée ailleurs ou a déjà été utilisée. Recommencez.',
    server: 'Un problème est survenu de notre côté. Réessayez plus tard.',
  },
};

export default fr;

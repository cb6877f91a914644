/**
 * The newsletter providers a site can name in site.yaml (`newsletter:`):
 * what each one's own subscription form posts, and the merge tag its
 * mailer replaces with the subscriber's unsubscribe address. The site's
 * form posts straight to the provider, which answers with its own page, so
 * subscribing works without JavaScript and no address passes through the
 * site. Written here rather than taken from a library: no maintained
 * package describes these forms, and each is a couple of field names from
 * the provider's documentation.
 *
 * - Listmonk, public subscription form: POST `<root>/subscription/form`
 *   with `email`, optional `name`, and `l` = a public list's UUID.
 * - Mailchimp, embedded form: POST
 *   `https://<dc>.list-manage.com/subscribe/post?u=<user>&id=<audience>`
 *   with `EMAIL`; the audience is in the address.
 * - Brevo, embedded form: POST `https://<…>.sibforms.com/serve/<form>`
 *   with `EMAIL`, an empty `email_address_check` (its spam trap) and
 *   `locale`; the list is the form's own setting at Brevo.
 * - Buttondown: POST
 *   `https://buttondown.com/api/emails/embed-subscribe/<user>` with `email`
 *   and `embed=1`.
 */

export const newsletterProviderNames = ['listmonk', 'mailchimp', 'brevo', 'buttondown'] as const;
export type NewsletterProviderName = (typeof newsletterProviderNames)[number];

export interface NewsletterSetting {
  provider: NewsletterProviderName;
  /** The https address the form posts to. */
  action: string;
  /** The list the form subscribes to, where the provider takes it in the form (Listmonk). */
  list?: string;
}

export interface NewsletterProvider {
  /** The provider's name as people know it. */
  label: string;
  /** The name of the e-mail field. */
  email: string;
  /** The field that names the list, when the form carries it. */
  list?: string;
  /** Whether `list` must be given in site.yaml. */
  needsList: boolean;
  /** Fields the provider's form always sends. */
  hidden: (locale: string) => [name: string, value: string][];
  /** The merge tag the provider's mailer replaces with the subscriber's unsubscribe address. */
  unsubscribe: string;
  /** An example `action`, for the configuration's messages. */
  example: string;
  /** Checks the action's address beyond https: a message, or undefined when it looks right. */
  checkAction?: (url: URL) => string | undefined;
}

export const newsletterProviders: Record<NewsletterProviderName, NewsletterProvider> = {
  listmonk: {
    label: 'Listmonk',
    email: 'email',
    list: 'l',
    needsList: true,
    hidden: () => [],
    unsubscribe: '{{ UnsubscribeURL }}',
    example: 'https://lists.example.org/subscription/form',
    checkAction: (url) =>
      url.pathname.endsWith('/subscription/form') ? undefined : "Listmonk's public form posts to <your listmonk address>/subscription/form",
  },
  mailchimp: {
    label: 'Mailchimp',
    email: 'EMAIL',
    needsList: false,
    hidden: () => [],
    unsubscribe: '*|UNSUB|*',
    example: 'https://example.us1.list-manage.com/subscribe/post?u=0123456789abcdef&id=abcdef0123',
    checkAction: (url) =>
      url.searchParams.get('u') && url.searchParams.get('id')
        ? undefined
        : "Mailchimp's embedded form posts to …list-manage.com/subscribe/post?u=…&id=… (copy it from the audience's embedded form)",
  },
  brevo: {
    label: 'Brevo',
    email: 'EMAIL',
    needsList: false,
    hidden: (locale) => [
      ['email_address_check', ''],
      ['locale', locale],
    ],
    unsubscribe: '{{ unsubscribe }}',
    example: 'https://abcdef.sibforms.com/serve/MUIFAbc123',
  },
  buttondown: {
    label: 'Buttondown',
    email: 'email',
    needsList: false,
    hidden: () => [['embed', '1']],
    unsubscribe: '{{ unsubscribe_url }}',
    example: 'https://buttondown.com/api/emails/embed-subscribe/your-name',
  },
};

export interface SubscribeForm {
  action: string;
  email: string;
  /** Every other field the form sends, in order. */
  hidden: [name: string, value: string][];
}

/** The form a site's newsletter setting makes, for a page in a language (`lang` is the page's BCP 47 tag). */
export function subscribeForm(setting: NewsletterSetting, lang: string): SubscribeForm {
  const p = newsletterProviders[setting.provider];
  const hidden = [...(p.list && setting.list ? [[p.list, setting.list] as [string, string]] : []), ...p.hidden(lang.split('-')[0])];
  return { action: setting.action, email: p.email, hidden };
}

/** The origin the site's forms may post to besides its own (for the CSP's form-action), or undefined. */
export const formActionOrigin = (setting: NewsletterSetting | undefined): string | undefined => (setting ? new URL(setting.action).origin : undefined);

/** The unsubscribe merge tag for the e-mail version, or undefined without a provider. */
export const unsubscribeTag = (setting: NewsletterSetting | undefined): string | undefined =>
  setting ? newsletterProviders[setting.provider].unsubscribe : undefined;

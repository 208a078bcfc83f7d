import { createTransport } from 'nodemailer';

/** One plain-text email. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
}

/** Sends email; the server uses it for replies to visitors who are away (`availability.emailReplies`). */
export interface EmailSender {
  /** Resolves once the mail server accepted the email; rejects when it did not. */
  send(email: OutgoingEmail): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
}

/**
 * An {@link EmailSender} over SMTP (nodemailer), from a URL such as `smtp://user:pass@smtp.example.com:587`
 * (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start).
 *
 * @example
 * const sender = createSmtpSender(process.env.SAPA_SMTP_URL);
 * await sender.send({ from: { name: 'Toko Sapa', address: 'halo@toko.example' }, to, subject, text });
 */
export function createSmtpSender(url: string): EmailSender {
  const transport = createTransport(url);
  return {
    async send(email) {
      await transport.sendMail({ from: email.from, to: email.to, subject: email.subject, text: email.text });
    },
    close() {
      transport.close();
    },
  };
}

/** Whether an address looks deliverable: one `@`, a dot in the domain, nothing that splits or hides it. */
export function isEmailAddress(value: string | undefined): value is string {
  return (
    value !== undefined &&
    value.length <= 254 &&
    /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/.test(value)
  );
}

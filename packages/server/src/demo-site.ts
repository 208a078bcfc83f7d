import type { SiteConfig } from './site-config.js';

/**
 * The demo site every fresh server starts with: "Toko Sapa", a small Indonesian shop. Its texts are
 * written the way an Indonesian support team writes (polite, "Kak"), not translated word for word.
 */
export const DEMO_SITE: SiteConfig = {
  siteKey: 'demo',
  name: 'Toko Sapa',
  accentColor: '#0f766e',
  defaultLocale: 'id',
  greeting: {
    en: 'Hi! 👋 Ask us anything about your order, shipping or returns. We usually reply within minutes.',
    id: 'Halo, Kak! 👋 Ada yang bisa kami bantu? Tanyakan soal pesanan, pengiriman, atau pengembalian dana. Kami biasanya membalas dalam beberapa menit.',
  },
  businessHours: {
    timezone: 'Asia/Jakarta',
    weekly: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '21:00' },
      { days: ['sat', 'sun'], open: '09:00', close: '17:00' },
    ],
  },
  prechat: { enabled: false, fields: [] },
  channels: [
    {
      type: 'whatsapp',
      url: 'https://wa.me/6281234567890',
      label: { en: 'Continue on WhatsApp', id: 'Lanjut di WhatsApp' },
    },
    { type: 'email', url: 'mailto:halo@toko-sapa.example', label: { en: 'Email us', id: 'Kirim email' } },
  ],
  campaigns: [
    {
      id: 'time-on-page-offer',
      trigger: { type: 'time-on-page', seconds: 30 },
      message: {
        en: 'Hi {{name}}, still deciding? Use code SAPA10 for 10% off today. Happy to help you choose!',
        id: 'Halo {{name}}, masih bingung memilih? Pakai kode SAPA10 untuk diskon 10% hari ini. Kami siap membantu!',
      },
      frequency: 'once',
    },
    {
      id: 'returning-visitor-welcome',
      trigger: { type: 'returning-visitor', minVisits: 3 },
      message: {
        en: 'Welcome back, {{name}}! Anything we can help you with today?',
        id: 'Selamat datang kembali, {{name}}! Ada yang bisa kami bantu hari ini?',
      },
      frequency: 'once',
    },
  ],
  eventCampaigns: [
    {
      id: 'purchase-thank-you',
      trigger: { type: 'event', name: 'purchase_completed' },
      message: {
        en: 'Thank you, {{name}}! Your order is in. How was shopping with us?',
        id: 'Terima kasih, {{name}}! Pesanan Anda sudah kami terima. Bagaimana pengalaman belanja Anda?',
      },
      actions: [{ type: 'reply', label: '⭐ Feedback', payload: 'feedback' }],
    },
    {
      id: 'birthday-greeting',
      trigger: { type: 'date-attribute', attribute: 'birthday' },
      message: {
        en: 'Happy birthday, {{name}}! 🎂 Here is a little gift from us: code ULTAH15 for 15% off.',
        id: 'Selamat ulang tahun, {{name}}! 🎂 Ada hadiah kecil dari kami: kode ULTAH15 untuk diskon 15%.',
      },
    },
  ],
  upload: { maxBytes: 10 * 1024 * 1024, accept: ['image/*', 'application/pdf', 'text/plain'] },
  identityRequired: false,
  allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
};

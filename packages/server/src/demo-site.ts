import type { SiteConfig } from './site-config.js';

/**
 * The demo site every fresh server starts with: "Toko Sapa", a small Indonesian shop. Its texts are
 * written the way an Indonesian support team writes (polite, "Kak"), not translated word for word.
 *
 * Customer care at any hour (issue 12): its business hours are real and shown honestly, but outside them the chat
 * stays a chat (`offline: 'chat'`) and the bot answers what it can. The backend rules: a thank-you after a
 * purchase, a birthday greeting, a recommendation after two views of the same product, a nudge 30 minutes after
 * the cart changed without a purchase, a loyalty thank-you at the fifth order, and three days after a
 * conversation was resolved the "would you recommend us" question.
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
  offline: 'chat',
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
    {
      id: 'product-recommendation',
      trigger: { type: 'event', name: 'product_viewed', count: 2, sameProperty: 'sku', withinHours: 72 },
      message: {
        en: 'Hi {{name}}, {{event.name}} seems to have caught your eye. It is in stock, and we are happy to answer any question about it!',
        id: 'Halo {{name}}, sepertinya {{event.name}} menarik perhatian Kakak. Stoknya masih ada, dan kalau ada yang ingin ditanyakan, kami siap bantu!',
      },
      card: {
        title: '{{event.name}}',
        imageUrl: '{{event.imageUrl}}',
        url: '{{event.url}}',
        price: { amount: '{{event.price}}', currency: 'IDR' },
      },
      actions: [
        { type: 'reply', label: '💬 Tanya admin', payload: 'handover' },
        { type: 'reply', label: '🚚 Ongkir', payload: 'shipping' },
      ],
      cap: { perVisitor: 3, perVisitorDays: 1 },
    },
    {
      id: 'cart-reminder',
      trigger: { type: 'event', name: 'cart_updated', delayMinutes: 30, cancelOn: ['purchase_completed'] },
      message: {
        en: 'Hi {{name}}, {{event.name}} is still waiting in your cart. If anything got in the way at checkout, we are happy to help!',
        id: 'Halo {{name}}, {{event.name}} masih menunggu di keranjang Kakak. Kalau ada kendala saat checkout, kami siap membantu, ya!',
      },
      card: {
        title: '{{event.name}}',
        imageUrl: '{{event.imageUrl}}',
        url: '{{event.url}}',
        price: { amount: '{{event.price}}', currency: 'IDR' },
      },
      actions: [{ type: 'reply', label: '🛒 Bantu checkout', payload: 'handover' }],
      cap: { perVisitor: 2, perVisitorDays: 7 },
    },
    {
      id: 'loyalty-thank-you',
      trigger: { type: 'attribute', attribute: 'ordersCount', atLeast: 5 },
      message: {
        en: 'Thank you, {{name}}, for shopping with us {{attributes.ordersCount}} times! 🙏 As a thank-you, use code SETIA20 for 20% off your next order.',
        id: 'Terima kasih, {{name}}, sudah {{attributes.ordersCount}} kali berbelanja di Toko Sapa! 🙏 Sebagai tanda terima kasih, pakai kode SETIA20 untuk diskon 20% di pesanan berikutnya.',
      },
    },
    {
      id: 'feedback-after-resolved',
      trigger: { type: 'after-resolved', days: 3 },
      survey: 'nps',
      message: {
        en: 'Hi {{name}}, thank you for contacting Toko Sapa a few days ago. How likely are you to recommend us to a friend or family member? Choose from 0 (not likely) to 10 (very likely).',
        id: 'Halo {{name}}, terima kasih sudah menghubungi Toko Sapa beberapa hari lalu. Boleh minta waktunya sebentar? Seberapa besar kemungkinan Kakak merekomendasikan Toko Sapa kepada teman atau keluarga? Pilih 0 (tidak mungkin) sampai 10 (sangat mungkin).',
      },
    },
  ],
  upload: { maxBytes: 10 * 1024 * 1024, accept: ['image/*', 'application/pdf', 'text/plain'] },
  identityRequired: false,
  allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
};

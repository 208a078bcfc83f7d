// The demo store's own script: a purchase identifies the shopper and tells the backend, which may answer
// with a customer-care campaign ("Terima kasih sudah berbelanja…") in the chat.
if (!window.Sapa) {
  const queue = [];
  window.Sapa = (...args) => {
    queue.push(args);
  };
  window.Sapa.q = queue;
}

const shopper = { userId: 'demo-shopper-1', name: 'Budi Santoso', email: 'budi@example.com' };
const account = document.getElementById('account');
const status = document.getElementById('status');
let orders = 0;

for (const button of document.querySelectorAll('.product .buy')) {
  button.addEventListener('click', () => {
    const product = button.closest('.product');
    const name = product.querySelector('h2').textContent;
    orders += 1;
    window.Sapa('identify', shopper);
    window.Sapa('track', 'purchase_completed', {
      orderId: `TS-${Date.now()}`,
      sku: product.dataset.sku,
      total: Number(product.dataset.price),
      currency: 'IDR',
    });
    account.textContent = `Masuk sebagai ${shopper.name}`;
    status.textContent = `Pesanan ${orders}: ${name} sudah kami terima. Terima kasih!`;
  });
}
